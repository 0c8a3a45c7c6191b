const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task for the same file has finished. Two saves of one
 * portfolio racing each other would otherwise let the slower one overwrite the faster one's
 * change, even though each write is atomic on its own.
 */
export function withFileLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return next;
}
