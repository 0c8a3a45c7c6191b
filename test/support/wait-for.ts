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
  /**
   * A hang guard that reports: at this time (ms since the epoch) stop and throw, saying what the
   * last look saw (`seen`) and the last error, instead of being ended silently by the runner.
   */
  giveUpAt?: number;
  /** What the wait is for, named when it gives up. */
  what?: string;
  /** What the last look saw, named when it gives up. */
  seen?: () => string;
}

function gaveUp(options: UntilOptions, last: unknown): Error {
  const saw = options.seen?.() ?? '';
  const error = last instanceof Error ? last.message : last ? String(last) : '';
  return new Error(
    [
      `Gave up waiting for: ${options.what ?? 'a condition'}.`,
      saw && `Last look: ${saw}`,
      error && `Last error: ${error}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
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
      last = null;
    } catch (error) {
      if (!options.retryErrors) throw error;
      last = error;
    }
    if (options.giveUpAt !== undefined && Date.now() >= options.giveUpAt) {
      throw gaveUp(options, last);
    }
    await pause(options.everyMs ?? POLL_MS);
    options.onMiss?.(last);
  }
}
