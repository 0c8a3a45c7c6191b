import { useCallback, useState } from 'react';
import { notifyDone, notifyError } from './notify';

export interface ActionWords<T> {
  /** The toast once it worked; none when the screen shows the change itself. */
  done?: string | ((result: T) => string);
  /** The title of the error toast, saying what did not happen ("The testimony was not recorded"). */
  failed: string;
}

/**
 * Runs an operation for a button: busy while it runs, a toast saying what was done, or the
 * workbench's own message under a title saying what did not happen. Resolves to the result, or
 * to undefined when it failed (the toast has said why).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(task: () => Promise<T>, words: ActionWords<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await task();
        const done = typeof words.done === 'function' ? words.done(result) : words.done;
        if (done) notifyDone(done);
        return result;
      } catch (error) {
        notifyError(words.failed, error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, run };
}
