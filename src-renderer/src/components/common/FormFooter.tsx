import { Button, Group } from '@mantine/core';

interface Props {
  /** The submit button's words: what it does ("Record the testimony"). */
  submit: string;
  onCancel: () => void;
  busy?: boolean;
  disabled?: boolean;
  submitTestId?: string;
}

/** The end of a form in a dialog: Cancel, then the one button that does what the form is for. */
export function FormFooter({ submit, onCancel, busy, disabled, submitTestId }: Props) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={busy} disabled={disabled} data-testid={submitTestId}>
        {submit}
      </Button>
    </Group>
  );
}
