import { Grid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ParsedSpecification } from '../../../src-main/unit/unit-contract';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { useAction } from '../api/use-action';
import { ImportPreview } from './ImportPreview';
import { SpecFileInput } from './SpecFileInput';

/** The specification read again as the assessor edits, a moment after they stop typing. */
function useParsedSpecification(text: string, fileName: string | undefined) {
  const [parsed, setParsed] = useState<ParsedSpecification | null>(null);
  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      call('unit:parse', { text, fileName })
        .then((result) => live && setParsed(result))
        .catch((error: unknown) => notifyError('The specification could not be read', error));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, fileName]);
  return { parsed: text.trim() ? parsed : null, clear: () => setParsed(null) };
}

/** Selects one line of the text, so the assessor sees what a message is about. */
function selectLine(textArea: RefObject<HTMLTextAreaElement | null>, line: number) {
  const area = textArea.current;
  if (!area) return;
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

/** Paste or choose a specification, see how it reads and what is wrong, fix the text, save. */
export function ImportUnit({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const { parsed: shown, clear } = useParsedSpecification(text, fileName);
  const { busy: saving, run } = useAction();
  const textArea = useRef<HTMLTextAreaElement>(null);

  async function save() {
    const result = await run(() => call('unit:import', { text, fileName }), {
      done: (r) =>
        r.status === 'unchanged'
          ? `${r.unit.title} is already in the library; nothing changed.`
          : `Saved ${r.unit.title}, version ${r.unit.version}.`,
      failed: 'The unit was not saved',
    });
    if (!result) return;
    setText('');
    clear();
    onSaved();
  }

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack>
          <SpecFileInput
            onRead={(read, name) => {
              setText(read);
              setFileName(name);
            }}
          />
          <Textarea
            ref={textArea}
            label="Specification text"
            description="Paste the unit's outcomes and criteria from a PDF, Word document or web page, then correct anything reported."
            autosize
            minRows={18}
            maxRows={40}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            spellCheck={false}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        {shown ? (
          <ImportPreview
            shown={shown}
            saving={saving}
            onSave={() => void save()}
            onGoToLine={(line) => selectLine(textArea, line)}
          />
        ) : (
          <Text c="dimmed">The unit as the workbench reads it appears here.</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
