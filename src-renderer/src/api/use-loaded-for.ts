import { useEffect, useRef, useState } from 'react';
import { notifyError } from './notify';

/**
 * What `load` answers for the thing open on screen (`key`, often from the address): loaded when
 * the key or `version` changes, kept on screen until the next answer, null for no key. A failure
 * is said in a toast under `failed`.
 */
export function useLoadedFor<T>(
  key: string | null,
  load: (key: string) => Promise<T>,
  failed: string,
  version: unknown = null,
): T | null {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (!key) return;
    let current = true;
    latest.current(key).then(
      (value) => current && setLoaded({ key, value }),
      (error: unknown) => notifyError(failed, error),
    );
    return () => {
      current = false;
    };
  }, [key, failed, version]);
  return loaded && loaded.key === key ? loaded.value : null;
}
