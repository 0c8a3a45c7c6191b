import { useCallback, useContext, useEffect, useState } from 'react';
import type { InputOf, OperationName, ResultOf } from '../../../src-main/api/contract';
import { call } from './client';
import { RefreshContext } from './refresh';

export interface OperationState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  /** Loading again for the same input (a reload, or a change made outside): `data` still holds. */
  refreshing: boolean;
  reload: () => void;
}

interface Answer<T> {
  request: string | null;
  data: T | null;
  error: string | null;
}

/** Loads an operation's answer for a screen; reloads when the input or `key` changes. */
export function useOperation<K extends OperationName>(
  name: K,
  input: InputOf<K>,
  key: unknown = null,
): OperationState<ResultOf<K>> {
  const [generation, setGeneration] = useState(0);
  // Bumped when the workspace changed on disk outside the app: every screen reloads its data.
  const outside = useContext(RefreshContext);
  const [answer, setAnswer] = useState<Answer<ResultOf<K>>>({
    request: null,
    data: null,
    error: null,
  });
  const request = JSON.stringify([name, input, key, generation, outside]);

  useEffect(() => {
    let live = true;
    const [, sentInput] = JSON.parse(request) as [K, InputOf<K>];
    call(name, sentInput)
      .then((data) => {
        if (live) setAnswer({ request, data, error: null });
      })
      .catch((failure: unknown) => {
        const error = failure instanceof Error ? failure.message : String(failure);
        if (live) setAnswer((previous) => ({ request, data: previous.data, error }));
      });
    return () => {
      live = false;
    };
  }, [name, request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loading = answer.request !== request;
  const sameInput = (r: string) => (JSON.parse(r) as unknown[]).slice(0, 3);
  const refreshing =
    loading &&
    answer.request !== null &&
    JSON.stringify(sameInput(answer.request)) === JSON.stringify(sameInput(request));
  return { data: answer.data, error: answer.error, loading, refreshing, reload };
}
