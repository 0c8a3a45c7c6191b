import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { MarkingEvidenceView } from '../../../../src-main/decision/decision-views';
import { formatDate } from '../dates/format';

interface Props {
  label: string;
  evidence: MarkingEvidenceView[];
  current: string[];
  onClose: () => void;
  onSave: (evidenceIds: string[]) => void;
}

/**
 * Map or unmap evidence for one criterion or part without the mouse: type to find an item,
 * Enter ticks or unticks the first match, Ctrl+Enter saves, Escape cancels.
 */
export function EvidenceChooser({ label, evidence, current, onClose, onSave }: Props) {
  const [chosen, setChosen] = useState(() => new Set(current));
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('en-GB');
    return evidence.filter((e) =>
      `${e.title} ${e.method}`.toLocaleLowerCase('en-GB').includes(needle),
    );
  }, [evidence, query]);
  const toggle = (id: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Modal opened onClose={onClose} title={`Evidence for ${label}`} size="lg">
      <Stack
        data-testid="evidence-chooser"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSave([...chosen]);
          }
        }}
      >
        <TextInput
          label="Find evidence"
          description="Enter ticks the first match; Ctrl+Enter saves."
          data-autofocus
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && shown[0]) {
              e.preventDefault();
              toggle(shown[0].id);
            }
          }}
        />
        <Stack gap={6} mah={360} style={{ overflow: 'auto' }}>
          {shown.map((e) => (
            <Checkbox
              key={e.id}
              label={`${e.title} (${e.method}, ${formatDate(e.producedOn)})`}
              checked={chosen.has(e.id)}
              onChange={() => toggle(e.id)}
            />
          ))}
          {!shown.length && <Text size="sm">No evidence matches.</Text>}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => onSave([...chosen])}>Save mapping</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
