import { notifications } from '@mantine/notifications';

/** Shows a failure in plain words; the message comes from the workbench, written for people. */
export function notifyError(title: string, error: unknown): void {
  notifications.show({
    color: 'red',
    title,
    message: error instanceof Error ? error.message : String(error),
    autoClose: 10_000,
    closeButtonProps: { 'aria-label': 'Close this message' },
  });
}

export function notifyDone(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    autoClose: 4_000,
    closeButtonProps: { 'aria-label': 'Close this message' },
  });
}
