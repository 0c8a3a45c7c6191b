import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceDetailsInput, FileToAdd } from '../../api/add-evidence-file';
import { EvidenceDropZone } from './EvidenceDropZone';
import { EvidenceFields } from './EvidenceFields';
import { formatSize } from './evidence-methods';
import { useEvidenceTransfers, type Transfer } from './use-evidence-transfers';
import { ukToday } from '../../../../src-main/kernel/dates';

const fresh = (): EvidenceDetailsInput => ({
  title: '',
  producedOn: ukToday(),
  method: 'product evidence',
  location: '',
  producedBy: '',
  notes: '',
});

function TransferRow({ transfer: t }: { transfer: Transfer }) {
  return (
    <Group wrap="nowrap">
      <Text size="sm" w={220} truncate>
        {t.name}
      </Text>
      <Progress
        value={t.fraction * 100}
        style={{ flex: 1 }}
        aria-label={`Copying ${t.name}`}
        animated
      />
      <Button size="xs" variant="light" color="red" onClick={t.cancel}>
        Cancel
      </Button>
    </Group>
  );
}

/** Drop files or choose them, describe them, and watch them copy in (with Cancel). */
export function AddEvidenceFiles({
  learnerId,
  onAdded,
}: {
  learnerId: string;
  onAdded: () => void;
}) {
  const [files, setFiles] = useState<FileToAdd[]>([]);
  const [details, setDetails] = useState<EvidenceDetailsInput>(fresh);
  const { transfers, add } = useEvidenceTransfers(learnerId, onAdded);

  function chosen(list: FileToAdd[]) {
    if (!list.length) return;
    setFiles(list);
    const first = list[0]!.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
    setDetails((d) => ({ ...d, title: d.title || first }));
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h5">
          Add evidence files
        </Title>
        <EvidenceDropZone onChosen={chosen} />
        {files.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add(files, details);
              setFiles([]);
              setDetails(fresh());
            }}
          >
            <Stack>
              <Text size="sm" data-testid="chosen-files">
                {files.map((f) => `${f.name} (${formatSize(f.size)})`).join(', ')}
              </Text>
              <EvidenceFields value={details} onChange={setDetails} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setFiles([])}>
                  Clear
                </Button>
                <Button type="submit">Add to portfolio</Button>
              </Group>
            </Stack>
          </form>
        )}
        {transfers.map((t) => (
          <TransferRow key={t.key} transfer={t} />
        ))}
      </Stack>
    </Paper>
  );
}
