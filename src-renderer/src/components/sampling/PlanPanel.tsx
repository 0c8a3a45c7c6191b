import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { PlanView, SampleView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { useAddressValue } from '../../api/address';
import { Loading } from '../Loading';
import { LeftOut } from './LeftOut';
import { SampleReview } from './SampleReview';
import { SavedReports } from './SavedReports';
import { SampleTable } from './SampleTable';
import { formatDate, formatPeriod } from './sampling-format';
import { DateField } from '../dates/DateField';

type Editing = { kind: 'reschedule' | 'remove'; sample: SampleView } | null;

/** One saved plan: its samples with their reasons, the gaps, and the IQA's changes to it. */
export function PlanPanel({
  planId,
  canEdit,
  onChanged,
}: {
  planId: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const state = useOperation('sampling:get-plan', { planId });
  // The sample open for review is in the address, so it survives a reload and Back closes it.
  const [openedId, setOpenedId] = useAddressValue('sample');
  const [editing, setEditing] = useState<Editing>(null);
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [savedGeneration, setSavedGeneration] = useState(0);
  const changed = () => {
    state.reload();
    setSavedGeneration((g) => g + 1);
    onChanged();
  };

  async function saveReport(format: 'pdf' | 'docx', sign = false) {
    try {
      const saved = await call('sampling:save-report', {
        planId,
        format,
        ...(sign ? { sign, passphrase } : {}),
      });
      if (sign) setPassphrase('');
      setSavedGeneration((g) => g + 1);
      notifyDone(`Saved${sign ? ' and signed' : ''} in the workspace folder as ${saved.path}.`);
    } catch (error) {
      notifyError('The report was not saved', error);
    }
  }

  async function applyEdit() {
    if (!editing) return;
    try {
      if (editing.kind === 'reschedule') {
        await call('sampling:reschedule-sample', {
          planId,
          sampleId: editing.sample.id,
          plannedDate: text,
        });
        notifyDone('Sample rescheduled.');
      } else {
        await call('sampling:remove-sample', { planId, sampleId: editing.sample.id, reason: text });
        notifyDone('Sample taken out of the plan.');
      }
      setEditing(null);
      changed();
    } catch (error) {
      notifyError(
        editing.kind === 'reschedule'
          ? 'The sample was not rescheduled'
          : 'The sample was not removed',
        error,
      );
    }
  }

  return (
    <Loading state={state} label="The sampling plan">
      {(plan) => {
        const opened = plan.samples.find((s) => s.id === openedId);
        return (
          <Stack data-testid="sampling-plan">
            <Text size="sm">
              Plan for {formatPeriod(plan.period)}, seed {String(plan.seed)}, made by{' '}
              {plan.createdBy} on {formatDate(plan.createdAt)}: {plan.coverage.totals.samples}{' '}
              samples ({plan.coverage.totals.interim} interim, {plan.coverage.totals.summative}{' '}
              summative) of {plan.coverage.totals.assessments} learners&apos; units.
            </Text>
            <Group gap="xs">
              {(['pdf', 'docx'] as const).map((format) => (
                <Button key={format} size="xs" variant="default" onClick={() => saveReport(format)}>
                  Save the sampling report ({format.toUpperCase()})
                </Button>
              ))}
            </Group>
            {canEdit && (
              <Group gap="xs" align="end">
                <PasswordInput
                  size="xs"
                  label="Passphrase of your signing identity"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.currentTarget.value)}
                  data-testid="report-passphrase"
                />
                <Button size="xs" onClick={() => saveReport('pdf', true)}>
                  Save the signed sampling report (PDF)
                </Button>
              </Group>
            )}
            {plan.coverage.gaps.length > 0 ? (
              <Alert color="orange" title="Coverage gaps">
                <List size="sm">
                  {plan.coverage.gaps.map((g) => (
                    <List.Item key={g}>{g}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert color="teal" title="No coverage gaps">
                Every assessor&apos;s rate is met and every CAMERA target is covered.
              </Alert>
            )}
            <SampleTable
              samples={plan.samples}
              caption="Samples in this plan"
              actions={(s) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    onClick={() => setOpenedId(s.id)}
                    aria-label={`Open sample of ${s.learnerName}, ${s.unitTitle}`}
                  >
                    Open
                  </Button>
                  {canEdit && !s.actualDate && (
                    <>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`Reschedule sample of ${s.learnerName}, ${s.unitTitle}`}
                        onClick={() => {
                          setText(s.plannedDate);
                          setEditing({ kind: 'reschedule', sample: s });
                        }}
                      >
                        Reschedule
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        aria-label={`Remove sample of ${s.learnerName}, ${s.unitTitle}`}
                        onClick={() => {
                          setText('');
                          setEditing({ kind: 'remove', sample: s });
                        }}
                      >
                        Remove
                      </Button>
                    </>
                  )}
                </Group>
              )}
            />
            <LeftOut leftOut={plan.leftOut} />
            {canEdit && <AddSample plan={plan} onAdded={changed} />}
            {plan.removed.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  Taken out of the plan
                </Title>
                <List size="sm">
                  {plan.removed.map((r) => (
                    <List.Item key={`${r.sample.id}-${r.removedOn}`}>
                      {r.learnerName}, {r.unitTitle}: {r.reason} ({formatDate(r.removedOn)})
                    </List.Item>
                  ))}
                </List>
              </Card>
            )}
            <SavedReports plan={plan} generation={savedGeneration} />
            <Modal
              opened={editing !== null}
              onClose={() => setEditing(null)}
              closeButtonProps={{ 'aria-label': 'Close' }}
              title={
                editing?.kind === 'reschedule'
                  ? 'Reschedule the sample'
                  : 'Take the sample out of the plan'
              }
            >
              <Stack>
                <Text size="sm">
                  {editing?.sample.learnerName}, {editing?.sample.unitTitle}
                </Text>
                {editing?.kind === 'reschedule' ? (
                  <DateField label="New planned date" value={text} onChange={setText} />
                ) : (
                  <TextInput
                    label="Why it is taken out"
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                  />
                )}
                <Group justify="end">
                  <Button variant="default" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                  <Button onClick={applyEdit} disabled={!text.trim()}>
                    {editing?.kind === 'reschedule' ? 'Reschedule' : 'Remove'}
                  </Button>
                </Group>
              </Stack>
            </Modal>
            <Modal
              opened={opened !== undefined}
              onClose={() => setOpenedId(null)}
              closeButtonProps={{ 'aria-label': 'Close the sample' }}
              size="90%"
              title={opened ? `Sample: ${opened.learnerName}, ${opened.unitTitle}` : ''}
            >
              {opened && (
                <SampleReview
                  planId={planId}
                  sampleId={opened.id}
                  today={plan.today}
                  onSaved={() => {
                    changed();
                  }}
                />
              )}
            </Modal>
          </Stack>
        );
      }}
    </Loading>
  );
}

function AddSample({ plan, onAdded }: { plan: PlanView; onAdded: () => void }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [iqaId, setIqaId] = useState<string | null>(plan.iqas[0]?.id ?? null);
  const [date, setDate] = useState(plan.today);
  const [reason, setReason] = useState('');
  async function add() {
    const candidate = plan.candidates.find((c) => `${c.learnerId}|${c.unitId}` === choice);
    if (!candidate || !iqaId) return;
    try {
      await call('sampling:add-sample', {
        planId: plan.id,
        learnerId: candidate.learnerId,
        unitId: candidate.unitId,
        iqaId,
        plannedDate: date,
        ...(reason.trim() ? { reason } : {}),
      });
      notifyDone('Sample added to the plan.');
      setChoice(null);
      setReason('');
      onAdded();
    } catch (error) {
      notifyError('The sample was not added', error);
    }
  }
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Add a sample
      </Title>
      <Group align="end">
        <Select
          label="Learner and unit"
          w={420}
          searchable
          value={choice}
          onChange={setChoice}
          data={plan.candidates.map((c) => ({
            value: `${c.learnerId}|${c.unitId}`,
            label: c.label,
          }))}
        />
        <Select
          label="IQA"
          w={200}
          value={iqaId}
          onChange={setIqaId}
          data={plan.iqas.map((q) => ({ value: q.id, label: q.name }))}
        />
        <DateField label="Planned date" value={date} onChange={setDate} />
        <TextInput
          label="Why"
          w={240}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button onClick={add} disabled={!choice || !iqaId || !date}>
          Add sample
        </Button>
      </Group>
    </Card>
  );
}
