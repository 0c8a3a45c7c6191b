const POLL_MS = 25;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `check` holds. There is no deadline of its own: how soon a file watcher or another
 * process acts depends on the machine's load, and the test runner's hang guard ends a wait that
 * never comes.
 */
export async function waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await pause(POLL_MS);
}

export interface UntilOptions {
  /** How often to look; longer for a service asked over the network. */
  everyMs?: number;
  /** Treat a failed look (a service still starting) as "not yet" rather than a failure. */
  retryErrors?: boolean;
  /** Called after each miss with what failed last, for a debugging run. */
  onMiss?: (lastError: unknown) => void;
}

/** Waits until `check` gives a value and returns it; no deadline of its own, as `waitFor`. */
export async function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  options: UntilOptions = {},
): Promise<T> {
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (!options.retryErrors) throw error;
      last = error;
    }
    await pause(options.everyMs ?? POLL_MS);
    options.onMiss?.(last);
  }
}
