import { Button, Group } from '@mantine/core';

interface Props {
  /** The submit button's words: what it does ("Record the testimony"). */
  submit: string;
  onCancel: () => void;
  /** For a dialog that is not a form: what the button does; inside a form it submits the form. */
  onSubmit?: () => void;
  busy?: boolean;
  disabled?: boolean;
  submitTestId?: string;
  /** The cancel button's words where "Cancel" would not say it ("Close"). */
  cancel?: string;
}

/** The end of a form in a dialog: Cancel, then the one button that does what the form is for. */
export function FormFooter({
  submit,
  onCancel,
  onSubmit,
  busy,
  disabled,
  submitTestId,
  cancel = 'Cancel',
}: Props) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancel}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        loading={busy}
        disabled={disabled}
        data-testid={submitTestId}
      >
        {submit}
      </Button>
    </Group>
  );
}
