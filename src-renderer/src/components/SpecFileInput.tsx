import { FileInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api/client';
import { notifyError } from '../api/notify';

function asBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read from this computer.`));
    reader.readAsDataURL(file);
  });
}

/** Text, Markdown, web pages, Word documents and text-based PDFs, turned into text to check. */
export function SpecFileInput({ onRead }: { onRead: (text: string, fileName: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <FileInput
      label="Or choose a file"
      description="Text, Markdown, HTML, Word (.docx) or PDF"
      placeholder="Choose a specification file"
      accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf"
      value={file}
      disabled={busy}
      clearable
      onChange={(chosen) => {
        setFile(chosen);
        if (!chosen) return;
        setBusy(true);
        asBase64(chosen)
          .then((contentBase64) => call('unit:read-file', { fileName: chosen.name, contentBase64 }))
          .then((read) => onRead(read.text, chosen.name))
          .catch((error: unknown) => notifyError('That file could not be read', error))
          .finally(() => setBusy(false));
      }}
    />
  );
}
