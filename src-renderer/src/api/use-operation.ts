import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OperationName, ResultOf } from '../../../src-main/api/contract';
import { call } from './client';

export interface OperationState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Loads an operation's answer for a screen and reloads it when `key` changes. */
export function useOperation<K extends OperationName>(
  name: K,
  input: InputOf<K>,
  key: unknown = null,
): OperationState<ResultOf<K>> {
  const [data, setData] = useState<ResultOf<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const serialised = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    setLoading(true);
    call(name, JSON.parse(serialised) as InputOf<K>)
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (live) setError(failure instanceof Error ? failure.message : String(failure));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [name, serialised, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
