import { Alert, Button, Card, Group, List, PasswordInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanView, SampleView } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { formatDate, formatPeriod } from './sampling-format';

/** Which period the plan covers, who made it and how many samples it holds. */
export function PlanSummary({ plan }: { plan: PlanView }) {
  const totals = plan.coverage.totals;
  return (
    <Text size="sm">
      Plan for {formatPeriod(plan.period)}, seed {String(plan.seed)}, made by {plan.createdBy} on{' '}
      {formatDate(plan.createdAt)}: {totals.samples} samples ({totals.interim} interim,{' '}
      {totals.summative} summative) of {totals.assessments} learners&apos; units.
    </Text>
  );
}

/** Saves the sampling report as PDF or Word, or (for an IQA) signed with their identity. */
export function PlanReportButtons({
  planId,
  canSign,
  onSaved,
}: {
  planId: string;
  canSign: boolean;
  onSaved: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const { run } = useAction();
  async function saveReport(format: 'pdf' | 'docx', sign = false) {
    const saved = await run(
      () => call('sampling:save-report', { planId, format, ...(sign ? { sign, passphrase } : {}) }),
      {
        done: (s) => `Saved${sign ? ' and signed' : ''} in the workspace folder as ${s.path}.`,
        failed: 'The report was not saved',
      },
    );
    if (!saved) return;
    if (sign) setPassphrase('');
    onSaved();
  }
  return (
    <>
      <Group gap="xs">
        {(['pdf', 'docx'] as const).map((format) => (
          <Button key={format} size="xs" variant="default" onClick={() => saveReport(format)}>
            Save the sampling report ({format.toUpperCase()})
          </Button>
        ))}
      </Group>
      {canSign && (
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
    </>
  );
}

/**
 * The assessors' rates and CAMERA targets a plan does not meet; a saved plan also says when it
 * meets them all.
 */
export function CoverageGaps({ gaps, sayWhenNone }: { gaps: string[]; sayWhenNone?: boolean }) {
  if (gaps.length === 0 && !sayWhenNone) return null;
  return gaps.length > 0 ? (
    <Alert color="orange" title="Coverage gaps">
      <List size="sm">
        {gaps.map((g) => (
          <List.Item key={g}>{g}</List.Item>
        ))}
      </List>
    </Alert>
  ) : (
    <Alert color="teal" title="No coverage gaps">
      Every assessor&apos;s rate is met and every CAMERA target is covered.
    </Alert>
  );
}

/** The samples the IQA took out of the plan, each with why and when. */
export function RemovedSamples({ removed }: { removed: PlanView['removed'] }) {
  if (removed.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Taken out of the plan
      </Title>
      <List size="sm">
        {removed.map((r) => (
          <List.Item key={`${r.sample.id}-${r.removedOn}`}>
            {r.learnerName}, {r.unitTitle}: {r.reason} ({formatDate(r.removedOn)})
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

export type SampleEdit = 'reschedule' | 'remove';

/** A sample row's buttons: open it, and (before it is done) reschedule or remove it. */
export function SampleRowActions({
  sample: s,
  canEdit,
  onOpen,
  onEdit,
}: {
  sample: SampleView;
  canEdit: boolean;
  onOpen: () => void;
  onEdit: (kind: SampleEdit) => void;
}) {
  const of = `sample of ${s.learnerName}, ${s.unitTitle}`;
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" onClick={onOpen} aria-label={`Open ${of}`}>
        Open
      </Button>
      {canEdit && !s.actualDate && (
        <>
          <Button
            size="compact-xs"
            variant="default"
            aria-label={`Reschedule ${of}`}
            onClick={() => onEdit('reschedule')}
          >
            Reschedule
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            color="red"
            aria-label={`Remove ${of}`}
            onClick={() => onEdit('remove')}
          >
            Remove
          </Button>
        </>
      )}
    </Group>
  );
}
