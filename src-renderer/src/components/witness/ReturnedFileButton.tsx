import { Button } from '@mantine/core';
import { useRef } from 'react';
import type { FileToAdd } from '../../api/add-evidence-file';
import { call, isDesktop } from '../../api/client';
import { notifyError } from '../../api/notify';

interface Props {
  label: string;
  accept: string;
  testId: string;
  onChosen: (file: FileToAdd) => void;
  variant?: string;
}

/** Picks one returned form: the desktop app's file dialog, or the browser's file input. */
export function ReturnedFileButton({ label, accept, testId, onChosen, variant }: Props) {
  const input = useRef<HTMLInputElement>(null);
  async function choose() {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    try {
      const [first] = await call('evidence:choose-files', {});
      if (first)
        onChosen({
          name: first.name,
          size: first.size,
          source: { kind: 'staged', stagedId: first.stagedId },
        });
    } catch (error) {
      notifyError('No file was chosen', error);
    }
  }
  return (
    <>
      <Button variant={variant ?? 'default'} onClick={() => void choose()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file)
            onChosen({ name: file.name, size: file.size, source: { kind: 'browser', file } });
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}
