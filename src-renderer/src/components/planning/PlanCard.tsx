import { Badge, Button, Card, Group, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlansOverview, PlanView } from '../../../../src-main/planning/plan-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { formatDate } from '../dates/format';
import { useOpenedCard } from '../common/use-opened-card';
import { useRecordOf } from '../common/use-record-of';
import { PlanSignatures, SignPlan } from './PlanSigning';

interface Props {
  learnerId: string;
  plan: PlanView;
  overview: PlansOverview;
  readOnly: boolean;
  assessorName: string;
  onEdit: (plan: PlanView) => void;
  onChanged: () => void;
  /** The plan the address names (a timeline entry opened it): shown and marked. */
  opened?: boolean;
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value || '—'}
    </Text>
  );
}

function statusOf(plan: PlanView): { text: string; color: string } {
  if (plan.supersededBy) return { text: 'Replaced by a newer version', color: 'gray' };
  if (plan.status === 'draft') return { text: 'Draft: not yet agreed', color: 'orange' };
  if (plan.recordedBeforeSigning)
    return {
      text: `Agreed ${formatDate(plan.agreedOn!)} (before plans were signed)`,
      color: 'teal',
    };
  return { text: `Agreed ${formatDate(plan.agreedOn!)}`, color: 'green' };
}

/** Makes the plan's record (a sealed PDF or a Word document) and opens it on the Records page. */
function PlanRecord({ learnerId, plan }: { learnerId: string; plan: PlanView }) {
  const { busy, make: makeRecord } = useRecordOf();
  const [passphrase, setPassphrase] = useState('');
  async function make(format: 'pdf' | 'docx') {
    const sign = format === 'pdf' && plan.status === 'agreed';
    await makeRecord(
      {
        learnerId,
        kind: 'assessment-plan',
        id: plan.id,
        format,
        sign,
        ...(sign && passphrase ? { passphrase } : {}),
      },
      { done: (r) => `${r.title} ${r.recordId} made.`, failed: 'The plan record was not made' },
    );
  }
  return (
    <Group align="flex-end">
      {plan.status === 'agreed' && (
        <PasswordInput
          label="Passphrase of your signing identity (to seal the PDF)"
          w={320}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoComplete="off"
        />
      )}
      <Button
        variant="default"
        loading={busy}
        onClick={() => void make('pdf')}
        data-testid="plan-record-pdf"
      >
        {plan.status === 'agreed' ? 'Make the sealed PDF' : 'Make a draft PDF'}
      </Button>
      <Button variant="default" loading={busy} onClick={() => void make('docx')}>
        Make a Word document
      </Button>
    </Group>
  );
}

function LinkEvidence({
  learnerId,
  plan,
  overview,
  onChanged,
}: Omit<Props, 'readOnly' | 'assessorName' | 'onEdit'>) {
  const { busy, run } = useAction();
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const linked = overview.evidence.filter((e) => plan.evidenceIds.includes(e.id));
  async function link(id: string, on: boolean) {
    const done = await run(
      () => call('plan:link-evidence', { learnerId, planId: plan.id, evidenceId: id, linked: on }),
      {
        done: on
          ? 'The evidence is linked to this plan.'
          : 'The evidence is no longer linked to this plan.',
        failed: 'The link was not changed',
      },
    );
    if (done) {
      setEvidenceId(null);
      onChanged();
    }
  }
  return (
    <Stack gap={4}>
      {linked.length > 0 && (
        <Text size="sm" fw={500}>
          Evidence that came from this plan
        </Text>
      )}
      {linked.map((e) => (
        <Group key={e.id} gap="xs">
          <Text size="sm">
            {e.title} ({e.method}, {formatDate(e.producedOn)})
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => void link(e.id, false)}>
            Unlink
          </Button>
        </Group>
      ))}
      <Group align="flex-end">
        <Select
          label="Link evidence that came from this plan"
          placeholder="Choose an evidence item"
          searchable
          w={380}
          data={overview.evidence
            .filter((e) => !plan.evidenceIds.includes(e.id))
            .map((e) => ({ value: e.id, label: `${e.title} (${formatDate(e.producedOn)})` }))}
          value={evidenceId}
          onChange={setEvidenceId}
        />
        <Button
          variant="default"
          disabled={!evidenceId}
          loading={busy}
          onClick={() => evidenceId && void link(evidenceId, true)}
        >
          Link
        </Button>
      </Group>
    </Stack>
  );
}

/** What the plan says, line by line, as the learner and assessor agreed it. */
function PlanDetails({ plan, overview, readOnly }: Pick<Props, 'plan' | 'overview' | 'readOnly'>) {
  return (
    <>
      <Line label="Place" value={plan.place} />
      <Line label="Assessor" value={plan.assessorName} />
      <Line label="Units" value={plan.unitLabels.join(', ')} />
      <Line label="Criteria" value={plan.criteriaLabels.join(', ')} />
      <Line label="Methods" value={plan.methods.join(', ')} />
      <Line label="Witnesses" value={plan.witnessNames.join(', ')} />
      <Line label="Expert witnesses" value={plan.expertWitnessNames.join(', ')} />
      <Line label="Also there" value={plan.others} />
      <Line label="To prepare" value={plan.preparation} />
      <Line label="Adjustments" value={plan.adjustments} />
      <Line label="How it was agreed" value={plan.agreedHow} />
      {plan.notes && <Line label="Notes" value={plan.notes} />}
      {readOnly && (
        <Line
          label="Evidence from the visit"
          value={overview.evidence
            .filter((e) => plan.evidenceIds.includes(e.id))
            .map((e) => e.title)
            .join('; ')}
        />
      )}
      {plan.stillToDo.length > 0 && (
        <Text size="sm" c="orange.9" data-testid="plan-still-to-do">
          Still to do after the visit: {plan.stillToDo.join(', ')}
        </Text>
      )}
    </>
  );
}

/** What the assessor can do with a plan that is still current: sign, change, link, record. */
function PlanActions({
  learnerId,
  plan,
  overview,
  assessorName,
  onEdit,
  onChanged,
}: Omit<Props, 'readOnly' | 'opened'>) {
  const { busy, run } = useAction();
  async function revise() {
    const made = await run(() => call('plan:revise', { learnerId, planId: plan.id }), {
      done: 'A new version is drafted from this plan: change it, then agree and sign it again.',
      failed: 'No new version was made',
    });
    if (made) onChanged();
  }
  return (
    <>
      <SignPlan
        learnerId={learnerId}
        plan={plan}
        overview={overview}
        assessorName={assessorName}
        onSigned={onChanged}
      />
      <Group>
        {plan.status === 'draft' && (
          <Button variant="default" onClick={() => onEdit(plan)}>
            Change the draft
          </Button>
        )}
        {plan.status === 'agreed' && !plan.newerVersionId && (
          <Button variant="default" loading={busy} onClick={() => void revise()}>
            Make a new version to change it
          </Button>
        )}
      </Group>
      <LinkEvidence learnerId={learnerId} plan={plan} overview={overview} onChanged={onChanged} />
      <PlanRecord learnerId={learnerId} plan={plan} />
    </>
  );
}

/** One plan: what it says, who signed it, and what can be done with it now. */
export function PlanCard(props: Props) {
  const { plan, readOnly, opened = false } = props;
  const status = statusOf(plan);
  const card = useOpenedCard<HTMLDivElement>(opened);
  return (
    <Card
      withBorder
      ref={card}
      data-testid="plan-card"
      aria-current={opened ? 'true' : undefined}
      style={opened ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>
            Visit {plan.visitDate ? formatDate(plan.visitDate) : '(no date yet)'}
            {plan.visitTime ? ` at ${plan.visitTime}` : ''} · version {plan.version}
          </Text>
          <Badge color={status.color} variant="light" data-testid="plan-status">
            {status.text}
          </Badge>
        </Group>
        <PlanDetails plan={plan} overview={props.overview} readOnly={readOnly} />
        <PlanSignatures plan={plan} />
        {!readOnly && !plan.supersededBy && <PlanActions {...props} />}
      </Stack>
    </Card>
  );
}
