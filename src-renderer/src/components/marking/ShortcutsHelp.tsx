import { Kbd, Modal, Table } from '@mantine/core';
import { DataTable } from '../common/DataTable';

export const shortcuts: [string[], string][] = [
  [['J', '↓'], 'Next criterion or part'],
  [['K', '↑'], 'Previous criterion or part'],
  [['M'], 'Mark met'],
  [['N'], 'Mark not yet met (further evidence required)'],
  [['C'], 'Clear the decision (not yet assessed)'],
  [
    ['Ctrl', 'Z'],
    'Undo your last change to a decision or its feedback (in a text box: the typing)',
  ],
  [['Ctrl', 'Shift', 'Z'], 'Redo the change last undone'],
  [['Ctrl', 'Y'], 'Redo, as Ctrl + Shift + Z does'],
  [['F'], 'Jump to the feedback on this criterion (Escape to come back)'],
  [['O'], 'Open the next mapped evidence item in place'],
  [['E'], 'Map or unmap evidence for this criterion'],
  [['U'], 'Jump to the unit feedback and learner comments'],
  [['S'], 'Go to sign-off'],
  [['?'], 'Show these shortcuts'],
];

/** Every key the marking screen answers to. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      opened
      onClose={onClose}
      title="Keyboard shortcuts"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the shortcuts' }}
    >
      <DataTable testId="shortcuts" head={['Keys', 'What they do']}>
        {shortcuts.map(([keys, what]) => (
          <Table.Tr key={what}>
            <Table.Td>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && (keys[0] === 'Ctrl' ? ' + ' : ' or ')}
                  <Kbd>{k}</Kbd>
                </span>
              ))}
            </Table.Td>
            <Table.Td>{what}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Modal>
  );
}
