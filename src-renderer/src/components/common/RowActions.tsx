import { Button, Group } from '@mantine/core';

export interface RowAction {
  label: string;
  onClick: () => void;
  /** Said to a screen reader: the label with what the row is ("Edit Sam Taylor"). */
  ariaLabel?: string;
  color?: string;
  disabled?: boolean;
  testId?: string;
}

/** The small buttons at the end of a table row, each labelled with the row it acts on. */
export function RowActions({ actions }: { actions: RowAction[] }) {
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {actions.map((a) => (
        <Button
          key={a.label}
          size="xs"
          variant="subtle"
          color={a.color}
          disabled={a.disabled}
          aria-label={a.ariaLabel}
          data-testid={a.testId}
          onClick={a.onClick}
        >
          {a.label}
        </Button>
      ))}
    </Group>
  );
}
