import { Button, Group, Table, type ButtonVariant, type MantineSpacing } from '@mantine/core';

export interface RowAction {
  label: string;
  onClick: () => void;
  /** Said to a screen reader: the label with what the row is ("Edit Sam Taylor"). */
  ariaLabel?: string;
  color?: string;
  /** How strongly the button stands out; quiet (`subtle`) unless the row's main action. */
  variant?: ButtonVariant;
  disabled?: boolean;
  loading?: boolean;
  testId?: string;
  /** Leave the button out (the person may not do this, or it does not apply to the row). */
  hidden?: boolean;
}

interface Props {
  actions: RowAction[];
  /** Where the buttons sit in their cell: at its end unless the table reads from the start. */
  align?: 'start' | 'end';
  gap?: MantineSpacing;
}

/** The small buttons at the end of a table row, each labelled with the row it acts on. */
export function RowActions({ actions, align = 'end', gap = 'xs' }: Props) {
  return (
    <Group gap={gap} wrap="nowrap" justify={align === 'end' ? 'flex-end' : 'flex-start'}>
      {actions
        .filter((a) => !a.hidden)
        .map((a) => (
          <Button
            key={a.label}
            size="xs"
            variant={a.variant ?? 'subtle'}
            color={a.color}
            disabled={a.disabled}
            loading={a.loading}
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

/** A table row's own cell of buttons, read from its start. */
export function ActionsCell({ actions }: { actions: RowAction[] }) {
  return (
    <Table.Td>
      <RowActions align="start" gap={4} actions={actions} />
    </Table.Td>
  );
}

/** "Edit", said to a screen reader with what the row is. */
export const editAction = (name: string, onClick: () => void): RowAction => ({
  label: 'Edit',
  variant: 'default',
  ariaLabel: `Edit ${name}`,
  onClick,
});

/** "Archive" for a row in use, "Restore" for an archived one. */
export function archiveAction(name: string, archived: boolean, onClick: () => void): RowAction {
  const label = archived ? 'Restore' : 'Archive';
  return { label, ariaLabel: `${label} ${name}`, onClick };
}
