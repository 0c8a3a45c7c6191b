import { Modal, Stack, type MantineSize } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormFooter } from './FormFooter';

interface Props {
  title: string;
  onClose: () => void;
  /** Sends the form (its submit button or Enter in a field). */
  onSubmit: () => void;
  /** The submit button's words ("Save"). */
  submit: string;
  busy: boolean;
  disabled?: boolean;
  size?: MantineSize;
  /** Names the dialog's close button for a screen reader ("Close"). */
  closeLabel?: string;
  /** The form's test id, and its submit button's. */
  testId?: string;
  submitTestId?: string;
  children: ReactNode;
}

/** A dialog holding one form: its fields, then Cancel and the button that does what it is for. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submit,
  busy,
  disabled,
  size,
  closeLabel,
  testId,
  submitTestId,
  children,
}: Props) {
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      {...(closeLabel ? { closeButtonProps: { 'aria-label': closeLabel } } : {})}
    >
      <form onSubmit={send} data-testid={testId}>
        <Stack>
          {children}
          <FormFooter
            submit={submit}
            onCancel={onClose}
            busy={busy}
            disabled={disabled}
            submitTestId={submitTestId}
          />
        </Stack>
      </form>
    </Modal>
  );
}
