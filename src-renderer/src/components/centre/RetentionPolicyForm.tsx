import { Alert, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type {
  RetentionEvent,
  RetentionKind,
  RetentionPolicy,
} from '../../../../src-main/centre/retention-policy';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { FormFooter } from '../common/FormFooter';
import { DataTable } from '../common/DataTable';

export const retentionEventWords: Record<RetentionEvent, string> = {
  certification: 'certification',
  withdrawal: 'withdrawal',
  'last-activity': 'last activity',
};
export const retentionKindWords: Record<RetentionKind, string> = {
  evidence: 'Evidence files',
  portfolio: 'Portfolio and decisions',
  qa: 'QA records',
  witnessContacts: 'Witness contact details',
};
const kinds = Object.keys(retentionKindWords) as RetentionKind[];
const events = Object.entries(retentionEventWords).map(([value, label]) => ({ value, label }));

/** The awarding bodies' usual minimum for assessment decisions and QA records. */
const AWARDING_BODY_YEARS = 3;

/** What the centre should know about the periods before saving them, in plain words. */
export function policyWarnings(policy: RetentionPolicy): string[] {
  const out: string[] = [];
  for (const kind of ['portfolio', 'qa'] as const) {
    const { years } = policy[kind];
    if (years < AWARDING_BODY_YEARS) {
      out.push(
        `${retentionKindWords[kind]} would be kept for ${years} year${years === 1 ? '' : 's'}. Awarding bodies usually require assessment decisions and QA records to be kept for at least ${AWARDING_BODY_YEARS} years (funders may ask for 6): check your awarding body's rules before saving.`,
      );
    }
  }
  if (policy.evidence.years > policy.portfolio.years) {
    out.push(
      'Evidence files would be kept longer than the portfolio and its decisions: when the portfolio is erased, its evidence goes with it.',
    );
  }
  return out;
}

type SetPeriod = (kind: RetentionKind, change: Partial<RetentionPolicy[RetentionKind]>) => void;

/** A row a kind of data: how many years it is kept, counted from which event. */
function PeriodsTable({ draft, set }: { draft: RetentionPolicy; set: SetPeriod }) {
  return (
    <DataTable head={['Data', 'Years', 'Counted from']}>
      {kinds.map((kind) => (
        <Table.Tr key={kind}>
          <Table.Td>{retentionKindWords[kind]}</Table.Td>
          <Table.Td>
            <NumberInput
              aria-label={`${retentionKindWords[kind]}: years`}
              min={0}
              max={50}
              allowDecimal={false}
              allowNegative={false}
              value={draft[kind].years}
              onChange={(v) => set(kind, { years: typeof v === 'number' ? v : NaN })}
              w={90}
              data-testid={`retention-years-${kind}`}
            />
          </Table.Td>
          <Table.Td>
            <Select
              aria-label={`${retentionKindWords[kind]}: counted from`}
              data={events}
              value={draft[kind].from}
              allowDeselect={false}
              onChange={(v) => v && set(kind, { from: v as RetentionEvent })}
              data-testid={`retention-from-${kind}`}
            />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function PolicyWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" title="Check before saving" data-testid="retention-warnings">
      <Stack gap={4}>
        {warnings.map((w) => (
          <Text size="sm" key={w}>
            {w}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** The centre's retention periods, each counted from a named event, set by the IQA. */
export function RetentionPolicyForm({
  policy,
  onClose,
  onSaved,
}: {
  policy: RetentionPolicy;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<RetentionPolicy>(policy);
  const { busy, run } = useAction();
  const set: SetPeriod = (kind, change) =>
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], ...change } }));
  const warnings = policyWarnings(draft);
  const incomplete = kinds.some((k) => !Number.isInteger(draft[k].years));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => call('retention:set-policy', draft), {
      done: 'The retention periods were saved.',
      failed: 'The retention periods were not saved',
    });
    if (saved) {
      onSaved();
      onClose();
    }
  }

  return (
    <Modal opened onClose={onClose} title="Retention periods" size="lg">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">
            How long the centre keeps each kind of data, counted from an event in the learner’s
            portfolio. When a period ends the learner is listed here, for the IQA to erase.
          </Text>
          <PeriodsTable draft={draft} set={set} />
          {incomplete && (
            <Text size="sm" c="red">
              Give each period as a whole number of years, from 0 to 50.
            </Text>
          )}
          <PolicyWarnings warnings={warnings} />
          <FormFooter
            submit="Save the periods"
            onCancel={onClose}
            busy={busy}
            disabled={incomplete}
            submitTestId="retention-policy-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
