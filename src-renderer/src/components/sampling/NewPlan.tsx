import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProposalView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { LeftOut } from './LeftOut';
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
  const [busy, setBusy] = useState(false);
  const request = () => ({
    qualificationId,
    seed: /^-?\d+$/.test(seed.trim()) ? Number(seed.trim()) : seed.trim(),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });

  async function run<T>(work: () => Promise<T>, failure: string): Promise<T | null> {
    setBusy(true);
    try {
      return await work();
    } catch (error) {
      notifyError(failure, error);
      return null;
    } finally {
      setBusy(false);
    }
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
        <Button
          variant="default"
          loading={busy}
          disabled={!seed.trim()}
          onClick={async () => {
            const answer = await run(
              () => call('sampling:propose-plan', request()),
              'The plan could not be proposed',
            );
            if (answer) setProposal(answer);
          }}
        >
          Preview plan
        </Button>
        {proposal && (
          <Button
            loading={busy}
            onClick={async () => {
              const made = await run(
                () => call('sampling:create-plan', request()),
                'The plan was not saved',
              );
              if (!made) return;
              notifyDone('Sampling plan saved.');
              setProposal(null);
              onCreated(made.id);
            }}
          >
            Save this plan
          </Button>
        )}
      </Group>
      {proposal && (
        <Stack mt="md">
          <Text size="sm">
            {proposal.coverage.totals.samples} samples ({proposal.coverage.totals.interim} interim,{' '}
            {proposal.coverage.totals.summative} summative) from{' '}
            {proposal.coverage.totals.assessments} learners&apos; units.
          </Text>
          {proposal.coverage.gaps.length > 0 && (
            <Alert color="orange" title="Coverage gaps">
              <List size="sm">
                {proposal.coverage.gaps.map((g) => (
                  <List.Item key={g}>{g}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <SampleTable samples={proposal.plan.samples} caption="Proposed samples" />
          <LeftOut leftOut={proposal.plan.leftOut} />
        </Stack>
      )}
    </Card>
  );
}
