import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ParsedSpecification } from '../../../src-main/unit/unit-contract';
import { Diagnostics } from './Diagnostics';
import { ImportNotices } from './ImportNotices';
import { UnitTree } from './UnitTree';

const placementText: Record<ParsedSpecification['placement']['status'], string> = {
  new: 'A unit the library does not have yet: it will be saved as version 1.',
  'new-version':
    'A changed specification of a unit in the library: it will be saved as a new version.',
  unchanged: 'The library already holds this exact specification: saving changes nothing.',
};

/** Where the unit would go in the library: new, a new version, or already there. */
function Placement({ shown, errors }: { shown: ParsedSpecification; errors: number }) {
  const differences = shown.placement.differences;
  return (
    <Alert color={errors ? 'gray' : 'blue'} title={shown.unit.title || 'Untitled unit'}>
      <Text size="sm">{placementText[shown.placement.status]}</Text>
      {differences.length > 0 && (
        <List size="sm" mt="xs" aria-label="Differences from the version in the library">
          {differences.slice(0, 8).map((d) => (
            <List.Item key={d}>{d}</List.Item>
          ))}
          {differences.length > 8 && (
            <List.Item>and {differences.length - 8} more differences</List.Item>
          )}
        </List>
      )}
    </Alert>
  );
}

interface Props {
  shown: ParsedSpecification;
  saving: boolean;
  onSave: () => void;
  onGoToLine: (line: number) => void;
}

/** The specification as the workbench reads it: what is wrong, where it goes, its outline. */
export function ImportPreview({ shown, saving, onSave, onGoToLine }: Props) {
  const errors = shown.diagnostics.filter((d) => d.severity === 'error');
  return (
    <Stack data-testid="import-preview">
      <Diagnostics diagnostics={shown.diagnostics} onGoToLine={onGoToLine} />
      <ImportNotices notices={shown.notices} onGoToLine={onGoToLine} />
      <Placement shown={shown} errors={errors.length} />
      <Group>
        <Button onClick={onSave} loading={saving} disabled={errors.length > 0}>
          Save to the library
        </Button>
        {errors.length > 0 && <Text size="sm">Correct the errors in the text before saving.</Text>}
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
  );
}
