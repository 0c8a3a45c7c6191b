import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProposalView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { LeftOut } from './LeftOut';
import { CoverageGaps } from './PlanParts';
import { SampleTable } from './SampleTable';
import { DateField } from '../dates/DateField';

/** Proposes a plan from the workspace as it is (same seed, same plan), shows why each sample is in it, and saves it. */
export function NewPlan({
  qualificationId,
  hasPlan,
  onCreated,
}: {
  qualificationId: string;
  hasPlan: boolean;
  onCreated: (planId: string) => void;
}) {
  const [seed, setSeed] = useState(String(new Date().getFullYear()));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [proposal, setProposal] = useState<ProposalView | null>(null);
  const { busy, run } = useAction();
  const request = () => ({
    qualificationId,
    seed: /^-?\d+$/.test(seed.trim()) ? Number(seed.trim()) : seed.trim(),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  async function preview() {
    const answer = await run(() => call('sampling:propose-plan', request()), {
      failed: 'The plan could not be proposed',
    });
    if (answer) setProposal(answer);
  }
  async function save() {
    const made = await run(() => call('sampling:create-plan', request()), {
      done: 'Sampling plan saved.',
      failed: 'The plan was not saved',
    });
    if (!made) return;
    setProposal(null);
    onCreated(made.id);
  }

  return (
    <Card withBorder data-testid="new-plan">
      <Title order={2} size="h4" mb="xs">
        {hasPlan ? 'Make another sampling plan' : 'Make a sampling plan'}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The plan is drawn from the learners&apos; registrations, decisions and evidence, meeting
        each assessor&apos;s rate and covering CAMERA. The same workspace and seed always give the
        same plan. Leave the dates empty to use the strategy&apos;s period.
      </Text>
      <Group align="end">
        <TextInput
          label="Seed"
          w={140}
          value={seed}
          onChange={(e) => setSeed(e.currentTarget.value)}
        />
        <DateField label="From" value={from} onChange={setFrom} />
        <DateField label="To" value={to} onChange={setTo} />
        <Button variant="default" loading={busy} disabled={!seed.trim()} onClick={preview}>
          Preview plan
        </Button>
        {proposal && (
          <Button loading={busy} onClick={save}>
            Save this plan
          </Button>
        )}
      </Group>
      {proposal && <ProposalPreview proposal={proposal} />}
    </Card>
  );
}

/** The plan the planner proposes, before it is saved: its samples, gaps and what it leaves out. */
function ProposalPreview({ proposal }: { proposal: ProposalView }) {
  const totals = proposal.coverage.totals;
  return (
    <Stack mt="md">
      <Text size="sm">
        {totals.samples} samples ({totals.interim} interim, {totals.summative} summative) from{' '}
        {totals.assessments} learners&apos; units.
      </Text>
      <CoverageGaps gaps={proposal.coverage.gaps} />
      <SampleTable samples={proposal.plan.samples} caption="Proposed samples" />
      <LeftOut leftOut={proposal.plan.leftOut} />
    </Stack>
  );
}
