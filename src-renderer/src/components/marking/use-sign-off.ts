import { useState } from 'react';

/**
 * Runs one sign-off step at a time (a declaration, sign-off, countersignature, unlocking): which
 * is busy, and the workbench's refusal shown in the panel itself, where the person is looking.
 */
export function useSignOffStep(onChanged: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(what: string, task: () => Promise<unknown>) {
    setBusy(what);
    setError(null);
    try {
      await task();
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, run };
}
