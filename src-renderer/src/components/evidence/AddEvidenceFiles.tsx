import { Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import {
  addEvidenceFile,
  type EvidenceDetailsInput,
  type FileToAdd,
} from '../../api/add-evidence-file';
import { call, isDesktop } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { EvidenceFields } from './EvidenceFields';
import { formatSize } from './evidence-methods';
import { ukToday } from '../../../../src-main/kernel/dates';

interface Transfer {
  key: number;
  name: string;
  fraction: number;
  cancel: () => void;
}

const fresh = (): EvidenceDetailsInput => ({
  title: '',
  producedOn: ukToday(),
  method: 'product evidence',
  location: '',
  producedBy: '',
  notes: '',
});

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
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  function chosen(list: FileToAdd[]) {
    if (!list.length) return;
    setFiles(list);
    const first = list[0]!.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
    setDetails((d) => ({ ...d, title: d.title || first }));
  }

  async function choose() {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    try {
      const picked = await call('evidence:choose-files', {});
      chosen(
        picked.map((p) => ({
          name: p.name,
          size: p.size,
          source: { kind: 'staged', stagedId: p.stagedId },
        })),
      );
    } catch (error) {
      notifyError('No files were chosen', error);
    }
  }

  async function dropped(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const list = [...event.dataTransfer.files];
    if (window.workbench) {
      const picked = await window.workbench.registerDroppedFiles(list);
      chosen(
        picked.map((p) => ({
          name: p.name,
          size: p.size,
          source: { kind: 'staged', stagedId: p.stagedId },
        })),
      );
    } else {
      chosen(
        list.map((file) => ({
          name: file.name,
          size: file.size,
          source: { kind: 'browser', file },
        })),
      );
    }
  }

  function add() {
    const batch = files;
    const described = details;
    setFiles([]);
    setDetails(fresh());
    for (const [i, file] of batch.entries()) {
      const key = (counter.current += 1);
      const title =
        batch.length > 1 ? `${described.title} (${i + 1} of ${batch.length})` : described.title;
      const adding = addEvidenceFile(learnerId, file, { ...described, title }, (fraction) =>
        setTransfers((all) => all.map((t) => (t.key === key ? { ...t, fraction } : t))),
      );
      setTransfers((all) => [...all, { key, name: file.name, fraction: 0, cancel: adding.cancel }]);
      adding.done
        .then(() => {
          notifyDone(`Added ${file.name}.`);
          onAdded();
        })
        .catch((error: unknown) => notifyError(`${file.name} was not added`, error))
        .finally(() => setTransfers((all) => all.filter((t) => t.key !== key)));
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h5">
          Add evidence files
        </Title>
        <Box
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => void dropped(e)}
          p="lg"
          style={{
            border: '2px dashed var(--mantine-color-gray-5)',
            borderRadius: 8,
            background: over ? 'var(--mantine-color-indigo-light)' : undefined,
            textAlign: 'center',
          }}
        >
          <Text size="sm">Drop files here, or</Text>
          <Button mt="xs" variant="default" onClick={() => void choose()}>
            Choose files…
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="Evidence files"
            data-testid="evidence-file-input"
            onChange={(e) => {
              const list = [...(e.currentTarget.files ?? [])];
              chosen(
                list.map((file) => ({
                  name: file.name,
                  size: file.size,
                  source: { kind: 'browser', file },
                })),
              );
              e.currentTarget.value = '';
            }}
          />
        </Box>
        {files.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add();
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
          <Group key={t.key} wrap="nowrap">
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
        ))}
      </Stack>
    </Paper>
  );
}
