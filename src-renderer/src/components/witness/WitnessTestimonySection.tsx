import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-views';
import type { TestimonyView } from '../../../../src-main/witness/testimony-views';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { sendReturnedForm } from '../../api/witness-forms';
import { Loading } from '../Loading';
import { AuthenticityForm } from './AuthenticityForm';
import { MakeFormCard } from './MakeFormCard';
import { ReturnedFileButton } from './ReturnedFileButton';
import { TypedTestimonyForm } from './TypedTestimonyForm';
import { formatDate } from '../dates/format';
import { criterionLabel } from '../../../../src-main/kernel/criterion-key';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

const label = (c: { criterionRef: string; partRef: string | null }) =>
  criterionLabel(c.criterionRef, c.partRef);

/** Witness testimony for one learner: forms out, forms back, the checks on each testimony. */
export function WitnessTestimonySection({ detail, readOnly, onChanged }: Props) {
  const learnerId = detail.learner.id;
  const overview = useOperation('witness:testimonies', { learnerId });
  const witnesses = useOperation('witness:list', {});
  const [typing, setTyping] = useState(false);
  const [checking, setChecking] = useState<TestimonyView | null>(null);
  const changed = () => {
    overview.reload();
    onChanged();
  };

  async function importPdf(file: Parameters<typeof sendReturnedForm>[1]) {
    try {
      const { evidenceId } = await sendReturnedForm(learnerId, file);
      const title = detail.evidence.find((e) => e.id === evidenceId)?.title ?? 'the testimony';
      notifyDone(`Imported ${file.name} as ${title}, mapped to the criteria the witness ticked.`);
      changed();
    } catch (error) {
      notifyError('The returned form was not imported', error);
    }
  }

  async function withdraw(formId: string) {
    try {
      await call('witness:withdraw-form', { learnerId, formId });
      notifyDone('The form is withdrawn; it will not be expected back.');
      changed();
    } catch (error) {
      notifyError('The form was not withdrawn', error);
    }
  }

  const nameOf = (id: string) => (witnesses.data ?? []).find((w) => w.id === id)?.name ?? id;

  return (
    <Loading state={overview} label="Witness testimony">
      {(o) => {
        const awaiting = o.forms.filter((f) => f.status === 'awaiting-return');
        const expertPlans = o.plans.filter(
          (p) => p.status === 'agreed' && p.agreedOn && p.expertWitnessIds.length > 0,
        );
        return (
          <Stack data-testid="witness-testimony">
            {!readOnly && <MakeFormCard detail={detail} onMade={overview.reload} />}
            <Title order={3} size="h4">
              Forms awaiting return
            </Title>
            {awaiting.length === 0 ? (
              <Text size="sm" c="dimmed">
                No forms are out with witnesses.
              </Text>
            ) : (
              <Table withTableBorder striped data-testid="forms-awaiting">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Witness</Table.Th>
                    <Table.Th scope="col">Unit</Table.Th>
                    <Table.Th scope="col">Criteria</Table.Th>
                    <Table.Th scope="col">Sent</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {awaiting.map((f) => (
                    <Table.Tr key={f.id} data-testid="form-awaiting-row">
                      <Table.Td>{f.witnessName || 'Blank form'}</Table.Td>
                      <Table.Td>{f.unitRef}</Table.Td>
                      <Table.Td>{f.criteria.map(label).join(', ')}</Table.Td>
                      <Table.Td>
                        {formatDate(f.sentAt)} ({f.format.toUpperCase()})
                      </Table.Td>
                      <Table.Td>
                        {!readOnly && (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => void withdraw(f.id)}
                            aria-label={`Withdraw the form sent to ${f.witnessName || 'a witness'}`}
                          >
                            Withdraw
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {!readOnly && (
              <Group>
                <ReturnedFileButton
                  label="Import a returned fillable PDF…"
                  accept=".pdf,application/pdf"
                  testId="witness-pdf-input"
                  variant="filled"
                  onChosen={(file) => void importPdf(file)}
                />
                <Button variant="default" onClick={() => setTyping(true)}>
                  Type in a returned form…
                </Button>
              </Group>
            )}
            <Title order={3} size="h4">
              Testimonies
            </Title>
            {o.testimonies.length === 0 && (
              <Text size="sm" c="dimmed">
                No witness testimony has come back yet.
              </Text>
            )}
            {o.testimonies.map((t) => (
              <Card withBorder key={t.id} data-testid="testimony-card">
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
                  <Text size="sm">
                    {t.witness.name}
                    {t.witness.jobTitle ? `, ${t.witness.jobTitle}` : ''}
                    {t.witness.relationship ? ` (${t.witness.relationship})` : ''}
                    {t.witness.contact ? ` · ${t.witness.contact}` : ''}
                  </Text>
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
                  {t.authenticity ? (
                    <Text size="sm" data-testid="authenticity">
                      Authenticity checked by {t.authenticity.checkedBy} on{' '}
                      {formatDate(t.authenticity.checkedOn)}: {t.authenticity.how}
                    </Text>
                  ) : (
                    <Group>
                      {/* The theme's darkened orange: orange 8 on white is 3.6:1, short of 4.5:1. */}
                      <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
                        Authenticity not checked yet.
                      </Text>
                      {!readOnly && (
                        <Button size="xs" variant="default" onClick={() => setChecking(t)}>
                          Record the authenticity check
                        </Button>
                      )}
                    </Group>
                  )}
                </Stack>
              </Card>
            ))}
            <Title order={3} size="h4">
              Expert witnesses in the assessment plan
            </Title>
            <Text size="sm">
              {expertPlans.length
                ? expertPlans
                    .map(
                      (p) =>
                        `${p.expertWitnessIds.map(nameOf).join(', ')} (agreed ${formatDate(p.agreedOn!)})`,
                    )
                    .join('; ')
                : 'No expert witness is named in an agreed plan yet. An expert counts as expert only when named in a plan agreed before the activity.'}{' '}
              Plans are made and signed on the Plans tab.
            </Text>
            {typing && (
              <TypedTestimonyForm
                detail={detail}
                forms={o.forms}
                onClose={() => setTyping(false)}
                onSaved={changed}
              />
            )}
            {checking && (
              <AuthenticityForm
                learnerId={learnerId}
                testimony={checking}
                onClose={() => setChecking(null)}
                onSaved={changed}
              />
            )}
          </Stack>
        );
      }}
    </Loading>
  );
}
