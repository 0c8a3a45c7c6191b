import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OperationState } from '../api/use-operation';

/** Renders a screen's data once loaded, with a loader before and the plain-words error on failure. */
export function Loading<T>({
  state,
  label,
  children,
}: {
  state: OperationState<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) {
    return (
      <Alert color="red" title={`${label} could not be shown`}>
        {state.error}
      </Alert>
    );
  }
  if (!state.data) return <Loader role="status" aria-label={`Loading ${label.toLowerCase()}`} />;
  return <>{children(state.data)}</>;
}
