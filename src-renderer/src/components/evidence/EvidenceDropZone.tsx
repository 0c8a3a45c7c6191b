import { Box, Button, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import type { FileToAdd } from '../../api/add-evidence-file';
import { browserFiles, stagedFiles, useChooseFiles } from '../../api/choose-files';

/** Where files are dropped or chosen: the desktop stages them, a browser keeps them to upload. */
export function EvidenceDropZone({ onChosen }: { onChosen: (files: FileToAdd[]) => void }) {
  const [over, setOver] = useState(false);
  const { choose, inputProps } = useChooseFiles(onChosen, 'No files were chosen');

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
      <Button mt="xs" variant="default" onClick={choose}>
        Choose files…
      </Button>
      <input
        {...inputProps}
        multiple
        aria-label="Evidence files"
        data-testid="evidence-file-input"
      />
    </Box>
  );
}
