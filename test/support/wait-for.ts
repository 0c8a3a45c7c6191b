const POLL_MS = 25;

/**
 * Waits until `check` holds. There is no deadline of its own: how soon a file watcher or another
 * process acts depends on the machine's load, and the test runner's hang guard ends a wait that
 * never comes.
 */
export async function waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
