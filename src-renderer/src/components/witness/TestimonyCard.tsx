import { Alert, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import type { TestimonyView } from '../../../../src-main/witness/testimony-views';
import { criterionLabel } from '../../../../src-main/kernel/criterion-key';
import { formatDate } from '../dates/format';

const label = (c: { criterionRef: string; partRef: string | null }) =>
  criterionLabel(c.criterionRef, c.partRef);

function WitnessLine({ witness }: { witness: TestimonyView['witness'] }) {
  return (
    <Text size="sm">
      {witness.name}
      {witness.jobTitle ? `, ${witness.jobTitle}` : ''}
      {witness.relationship ? ` (${witness.relationship})` : ''}
      {witness.contact ? ` · ${witness.contact}` : ''}
    </Text>
  );
}

function Authenticity({
  testimony: t,
  readOnly,
  onCheck,
}: {
  testimony: TestimonyView;
  readOnly: boolean;
  onCheck: () => void;
}) {
  if (t.authenticity) {
    return (
      <Text size="sm" data-testid="authenticity">
        Authenticity checked by {t.authenticity.checkedBy} on {formatDate(t.authenticity.checkedOn)}
        : {t.authenticity.how}
      </Text>
    );
  }
  return (
    <Group>
      {/* The theme's darkened orange: orange 8 on white is 3.6:1, short of 4.5:1. */}
      <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
        Authenticity not checked yet.
      </Text>
      {!readOnly && (
        <Button size="xs" variant="default" onClick={onCheck}>
          Record the authenticity check
        </Button>
      )}
    </Group>
  );
}

interface Props {
  testimony: TestimonyView;
  readOnly: boolean;
  onCheck: () => void;
}

/** One testimony that came back: who saw what, when, what to check, and its authenticity. */
export function TestimonyCard({ testimony: t, readOnly, onCheck }: Props) {
  return (
    <Card withBorder data-testid="testimony-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{t.evidenceTitle}</Text>
          <Group gap={4}>
            <Badge variant="light" color={t.witness.countsAsExpert ? 'green' : 'blue'}>
              {t.witness.countsAsExpert ? 'Expert witness' : 'Witness'}
            </Badge>
            <Badge variant="light" color="gray">
              Template {t.template.id === 'default' ? 'standard' : t.template.id} v
              {t.template.version}
            </Badge>
          </Group>
        </Group>
        <WitnessLine witness={t.witness} />
        <Text size="sm">
          Activity {t.activityDate ? formatDate(t.activityDate) : 'undated'}
          {t.venue ? ` at ${t.venue}` : ''} · criteria{' '}
          {t.criteria.map(label).join(', ') || 'none ticked'}
        </Text>
        {t.flags.length > 0 && (
          <Alert color="orange" title="Check this testimony">
            <List size="sm">
              {t.flags.map((f) => (
                <List.Item key={f.rule}>{f.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Authenticity testimony={t} readOnly={readOnly} onCheck={onCheck} />
      </Stack>
    </Card>
  );
}
