import { Box, Button, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import type { FileToAdd } from '../../api/add-evidence-file';
import { call, isDesktop } from '../../api/client';
import { notifyError } from '../../api/notify';

type Staged = { name: string; size: number; stagedId: string };

const stagedFiles = (picked: Staged[]): FileToAdd[] =>
  picked.map((p) => ({
    name: p.name,
    size: p.size,
    source: { kind: 'staged', stagedId: p.stagedId },
  }));

const browserFiles = (list: File[]): FileToAdd[] =>
  list.map((file) => ({ name: file.name, size: file.size, source: { kind: 'browser', file } }));

/** Where files are dropped or chosen: the desktop stages them, a browser keeps them to upload. */
export function EvidenceDropZone({ onChosen }: { onChosen: (files: FileToAdd[]) => void }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function choose() {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    try {
      onChosen(stagedFiles(await call('evidence:choose-files', {})));
    } catch (error) {
      notifyError('No files were chosen', error);
    }
  }

  async function dropped(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const list = [...event.dataTransfer.files];
    if (window.workbench) onChosen(stagedFiles(await window.workbench.registerDroppedFiles(list)));
    else onChosen(browserFiles(list));
  }

  return (
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
          onChosen(browserFiles([...(e.currentTarget.files ?? [])]));
          e.currentTarget.value = '';
        }}
      />
    </Box>
  );
}
