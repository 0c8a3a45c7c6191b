import { notifications } from '@mantine/notifications';

/** Error messages on screen, each with the order it was shown in. */
const errorsShown = new Map<string, number>();
let shownCount = 0;

/** A mark to take before an action starts: its success clears the errors shown before it. */
export function errorMark(): number {
  return shownCount;
}

/**
 * Takes away the error messages shown before a later action succeeded: they are stale, and
 * beside a success they would say the opposite of what happened.
 */
export function clearErrorsShownBefore(mark: number = shownCount): void {
  for (const [id, order] of errorsShown) {
    if (order >= mark) continue;
    notifications.hide(id);
    errorsShown.delete(id);
  }
}

/** Shows a failure in plain words; the message comes from the workbench, written for people. */
export function notifyError(title: string, error: unknown): void {
  shownCount += 1;
  const order = shownCount - 1;
  const id = notifications.show({
    color: 'red',
    title,
    message: error instanceof Error ? error.message : String(error),
    autoClose: 10_000,
    closeButtonProps: { 'aria-label': 'Close this message' },
    onClose: () => errorsShown.delete(id),
  });
  errorsShown.set(id, order);
}

export function notifyDone(message: string): void {
  clearErrorsShownBefore();
  notifications.show({
    color: 'teal',
    message,
    autoClose: 4_000,
    closeButtonProps: { 'aria-label': 'Close this message' },
  });
}
