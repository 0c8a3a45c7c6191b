import { Alert, Button, Grid, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ParsedSpecification } from '../../../src-main/unit/unit-contract';
import { call } from '../api/client';
import { notifyDone, notifyError } from '../api/notify';
import { Diagnostics } from './Diagnostics';
import { ImportNotices } from './ImportNotices';
import { SpecFileInput } from './SpecFileInput';
import { UnitTree } from './UnitTree';

const placementText: Record<ParsedSpecification['placement']['status'], string> = {
  new: 'A unit the library does not have yet: it will be saved as version 1.',
  'new-version':
    'A changed specification of a unit in the library: it will be saved as a new version.',
  unchanged: 'The library already holds this exact specification: saving changes nothing.',
};

/** Paste or choose a specification, see how it reads and what is wrong, fix the text, save. */
export function ImportUnit({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [parsed, setParsed] = useState<ParsedSpecification | null>(null);
  const [saving, setSaving] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);

  // Re-read as the assessor edits, a moment after they stop typing.
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

  const shown = text.trim() ? parsed : null;
  const errors = shown?.diagnostics.filter((d) => d.severity === 'error') ?? [];

  function goToLine(line: number) {
    const area = textArea.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  async function save() {
    setSaving(true);
    try {
      const result = await call('unit:import', { text, fileName });
      notifyDone(
        result.status === 'unchanged'
          ? `${result.unit.title} is already in the library; nothing changed.`
          : `Saved ${result.unit.title}, version ${result.unit.version}.`,
      );
      setText('');
      setParsed(null);
      onSaved();
    } catch (error) {
      notifyError('The unit was not saved', error);
    } finally {
      setSaving(false);
    }
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
          <Stack data-testid="import-preview">
            <Diagnostics diagnostics={shown.diagnostics} onGoToLine={goToLine} />
            <ImportNotices notices={shown.notices} onGoToLine={goToLine} />
            <Alert
              color={errors.length ? 'gray' : 'blue'}
              title={shown.unit.title || 'Untitled unit'}
            >
              <Text size="sm">{placementText[shown.placement.status]}</Text>
              {shown.placement.differences.length > 0 && (
                <List size="sm" mt="xs" aria-label="Differences from the version in the library">
                  {shown.placement.differences.slice(0, 8).map((d) => (
                    <List.Item key={d}>{d}</List.Item>
                  ))}
                  {shown.placement.differences.length > 8 && (
                    <List.Item>
                      and {shown.placement.differences.length - 8} more differences
                    </List.Item>
                  )}
                </List>
              )}
            </Alert>
            <Group>
              <Button onClick={() => void save()} loading={saving} disabled={errors.length > 0}>
                Save to the library
              </Button>
              {errors.length > 0 && (
                <Text size="sm">Correct the errors in the text before saving.</Text>
              )}
            </Group>
            <Title order={3} size="h4">
              How the workbench reads it
            </Title>
            <Text size="sm">
              {shown.unit.codes.unitNumber ? `Unit ${shown.unit.codes.unitNumber} · ` : ''}
              Level {shown.unit.level ?? 'not stated'} · {shown.unit.credits ?? '?'} credits ·{' '}
              {shown.unit.glh ?? '?'} GLH · {shown.unit.methods.length} assessment methods ·{' '}
              {shown.unit.guidance.length} guidance notes
            </Text>
            <UnitTree outcomes={shown.unit.outcomes} />
          </Stack>
        ) : (
          <Text c="dimmed">The unit as the workbench reads it appears here.</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
