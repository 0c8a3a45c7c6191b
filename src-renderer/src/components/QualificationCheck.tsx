import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UnitSummary } from '../../../src-main/unit/unit-contract';
import { useOperation } from '../api/use-operation';

/** Tick the units a learner has achieved and see whether the rules say the qualification is achieved. */
export function QualificationCheck({
  qualificationId,
  units,
}: {
  qualificationId: string;
  units: UnitSummary[];
}) {
  const [achieved, setAchieved] = useState<string[]>([]);
  const assessment = useOperation('qualification:assess', {
    qualificationId,
    achievedUnitIds: achieved,
  });
  const result = assessment.data;
  return (
    <Stack gap="xs" data-testid="qualification-check">
      <Checkbox.Group
        label="Units achieved"
        description="Try the rules: which units has the learner achieved?"
        value={achieved}
        onChange={setAchieved}
      >
        <Stack gap={4} mt="xs">
          {units.map((u) => (
            <Checkbox key={u.id} value={u.id} label={u.title} />
          ))}
        </Stack>
      </Checkbox.Group>
      {result && (
        <Alert
          color={result.achieved ? 'teal' : 'yellow'}
          title={result.achieved ? 'Qualification achieved' : 'Not yet achieved'}
        >
          <Text size="sm">{result.creditsAchieved} credits count towards the qualification.</Text>
          {result.missing.length > 0 && (
            <List size="sm" mt="xs">
              {result.missing.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
          {result.notes.map((n) => (
            <Text size="sm" key={n} mt={4}>
              {n}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
