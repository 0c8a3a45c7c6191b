import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type {
  PackEvidence,
  PackFile,
  PackLearner,
  PackUnit,
} from '../../../../../src-main/visit-pack/pack-model';
import { formatDate } from '../../sampling/sampling-format';

type Open = (file: { path: string; title: string }) => void;

const decisionColour = { met: 'teal', 'not yet met': 'orange', 'not yet assessed': 'gray' };

/** One sampled unit of a learner as the pack holds it: criteria, feedback, records and evidence. */
export function PackUnitView({
  learner,
  unit,
  onOpen,
}: {
  learner: PackLearner;
  unit: PackUnit;
  onOpen: Open;
}) {
  const evidence = new Map(learner.evidence.map((e) => [e.ref, e]));
  return (
    <Stack data-testid="pack-unit">
      <Title order={2} size="h3">
        {learner.name}: {unit.ref} {unit.title}
      </Title>
      <Text size="sm">
        Assessor {unit.assessor || 'not named'} · {unit.signedOff ? 'signed off' : 'not signed off'}
        {unit.countersigned ? ', countersigned' : ''}
        {learner.uln ? ` · ULN ${learner.uln}` : ''}
      </Text>
      <CriteriaTable unit={unit} evidence={evidence} onOpen={onOpen} />
      {unit.feedback && <Text size="sm">Feedback on the unit: {unit.feedback}</Text>}
      {unit.learnerComments && (
        <Text size="sm">The learner’s comments: {unit.learnerComments}</Text>
      )}
      {unit.review && (
        <Text size="sm">
          IQA review by {unit.review.iqa} on {formatDate(unit.review.on)}: {unit.review.decision}.{' '}
          {unit.review.feedback}
        </Text>
      )}
      <FileList title="Records" files={unit.records} onOpen={onOpen} />
      <EvidenceList items={learner.evidence} onOpen={onOpen} />
    </Stack>
  );
}

function CriteriaTable({
  unit,
  evidence,
  onOpen,
}: {
  unit: PackUnit;
  evidence: Map<string, PackEvidence>;
  onOpen: Open;
}) {
  return (
    <Table withTableBorder data-testid="pack-criteria">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Criterion</Table.Th>
          <Table.Th scope="col">Decision</Table.Th>
          <Table.Th scope="col">Feedback</Table.Th>
          <Table.Th scope="col">Evidence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {unit.outcomes.flatMap((o) =>
          o.targets.map((t) => (
            <Table.Tr key={t.label}>
              <Table.Th scope="row" fw={400}>
                <b>{t.label}</b> {t.text}
              </Table.Th>
              <Table.Td>
                <Badge color={decisionColour[t.decision]} variant="light" tt="none">
                  {t.decision}
                </Badge>
                {t.decidedOn && <Text size="xs">{formatDate(t.decidedOn)}</Text>}
              </Table.Td>
              <Table.Td>{t.feedback}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {t.evidence.map((ref) => {
                    const item = evidence.get(ref);
                    const file = item?.file;
                    return file ? (
                      <Button
                        key={ref}
                        size="compact-xs"
                        variant="default"
                        aria-label={`Open evidence ${ref}, ${item.title}, for ${t.label}`}
                        onClick={() => onOpen({ path: file.path, title: item.title })}
                      >
                        {ref}
                      </Button>
                    ) : (
                      <Text key={ref} size="xs">
                        {ref}
                      </Text>
                    );
                  })}
                </Group>
              </Table.Td>
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  );
}

/** Files of the pack to open in place: records, sampling records, section documents. */
export function FileList({
  title,
  files,
  onOpen,
}: {
  title: string;
  files: readonly PackFile[];
  onOpen: Open;
}) {
  if (!files.length) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {files.map((f) => (
        <Group key={f.path} gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => onOpen(f)}>
            Open
          </Button>
          <Text size="sm">{f.title}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function EvidenceList({ items, onOpen }: { items: readonly PackEvidence[]; onOpen: Open }) {
  return (
    <Stack gap={4} data-testid="pack-evidence">
      <Title order={3} size="h5">
        Evidence
      </Title>
      {items.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
          {e.file ? (
            <Button
              size="compact-sm"
              variant="default"
              aria-label={`Open evidence ${e.ref}, ${e.title}`}
              onClick={() => onOpen({ path: e.file!.path, title: e.title })}
            >
              {e.ref}
            </Button>
          ) : (
            <Badge variant="outline" tt="none">
              {e.ref}
            </Badge>
          )}
          <Text size="sm">
            {e.title} · {e.method} · {formatDate(e.producedOn)}
            {e.leftOut ? ` · ${e.leftOut}` : ''}
            {e.record ? ` · ${e.record}` : ''}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
