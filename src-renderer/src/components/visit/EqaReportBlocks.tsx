import {
  Alert,
  Button,
  FileInput,
  Group,
  PasswordInput,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import {
  directClaimsDecisions,
  directClaimsLabels,
  eqaRiskLabels,
  eqaRiskRatings,
  type DirectClaimsDecision,
  type EqaRiskRating,
} from '../../../../src-main/kernel/eqa-words';
import type {
  EqaAnswers,
  EqaReportFormView,
  SignedEqaReport,
} from '../../../../src-main/visit-pack/visit-contract';
import { FormBlock } from '../common/FormBlock';
import { RowActions } from '../common/RowActions';
import { DateField } from '../dates/DateField';
import { DataTable } from '../common/DataTable';
import { ChoiceGroup } from '../common/ChoiceGroup';

export type Judgement = EqaAnswers['samples'][number];
export type Action = EqaAnswers['actions'][number];

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'agree' : 'disagree');
const fromYesNo = (v: string) => v === 'agree';

/** The EQA's findings, one text each, with a button for another. */
export function FindingsBlock({
  findings,
  onChange,
}: {
  findings: string[];
  onChange: (change: (all: string[]) => string[]) => void;
}) {
  return (
    <FormBlock title="Findings">
      {findings.map((f, i) => (
        <Textarea
          key={i}
          label={`Finding ${i + 1}`}
          autosize
          minRows={2}
          value={f}
          onChange={(e) => {
            const text = e.currentTarget.value;
            onChange((all) => all.map((x, n) => (n === i ? text : x)));
          }}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => onChange((all) => [...all, ''])}>
          Add a finding
        </Button>
      </Group>
    </FormBlock>
  );
}

/** The actions for the centre: what, who and by when, each removable. */
export function ActionsBlock({
  actions,
  onChange,
}: {
  actions: Action[];
  onChange: (change: (all: Action[]) => Action[]) => void;
}) {
  return (
    <FormBlock title="Actions for the centre">
      <ActionRows
        actions={actions}
        onChange={(i, change) =>
          onChange((all) => all.map((a, n) => (n === i ? { ...a, ...change } : a)))
        }
        onRemove={(i) => onChange((all) => all.filter((_, n) => n !== i))}
      />
      <Group>
        <Button
          variant="default"
          onClick={() => onChange((all) => [...all, { what: '', owner: '', due: '' }])}
        >
          Add an action
        </Button>
      </Group>
    </FormBlock>
  );
}

export interface RiskAnswers {
  riskRating: EqaRiskRating | null;
  directClaims: DirectClaimsDecision | null;
  reason: string;
}

/** The risk rating and the decision on direct claims status, neither chosen for the EQA. */
export function RiskBlock({
  value,
  onChange,
}: {
  value: RiskAnswers;
  onChange: (change: Partial<RiskAnswers>) => void;
}) {
  return (
    <FormBlock title="Risk and direct claims status">
      <ChoiceGroup
        label="Risk rating"
        required
        choices={eqaRiskRatings}
        labelOf={(r) => eqaRiskLabels[r]}
        value={value.riskRating}
        onChange={(riskRating) => onChange({ riskRating })}
      />
      <ChoiceGroup
        label="Direct claims status"
        required
        choices={directClaimsDecisions}
        labelOf={(d) => directClaimsLabels[d]}
        value={value.directClaims}
        onChange={(directClaims) => onChange({ directClaims })}
      />
      <Textarea
        label="Reason for the decision on direct claims status"
        autosize
        minRows={2}
        value={value.reason}
        onChange={(e) => onChange({ reason: e.currentTarget.value })}
      />
    </FormBlock>
  );
}

/** The EQA's own signing identity and its passphrase, used for this signature only. */
export function IdentityBlock({
  p12,
  passphrase,
  onP12,
  onPassphrase,
}: {
  p12: File | null;
  passphrase: string;
  onP12: (file: File | null) => void;
  onPassphrase: (passphrase: string) => void;
}) {
  return (
    <FormBlock title="Sign with your own identity">
      <Text size="sm" c="dimmed">
        Your signing identity from your awarding body, not one the centre issued. It is used for
        this signature only and is not kept.
      </Text>
      <Group grow align="flex-start">
        <FileInput
          label="Your signing identity (.p12)"
          accept=".p12,.pfx,application/x-pkcs12"
          required
          value={p12}
          onChange={onP12}
          data-testid="eqa-identity-input"
        />
        <PasswordInput
          label="Its passphrase"
          required
          value={passphrase}
          onChange={(e) => onPassphrase(e.currentTarget.value)}
        />
      </Group>
    </FormBlock>
  );
}

export function SampleTable({
  form,
  samples,
  onChange,
}: {
  form: EqaReportFormView;
  samples: Judgement[];
  onChange: (i: number, change: Partial<Judgement>) => void;
}) {
  return (
    <DataTable
      withTableBorder
      testId="eqa-report-samples"
      head={['Learner and unit', 'With the assessor', 'With the IQA', 'Comment']}
    >
      {form.samples.map((s, i) => {
        const who = `${s.learner}, ${s.unit}`;
        const answer = samples[i]!;
        return (
          <Table.Tr key={`${s.learnerId}|${s.unitId}`}>
            <Table.Th scope="row" fw={500}>
              {who}
            </Table.Th>
            {(['agreesWithAssessor', 'agreesWithIqa'] as const).map((field) => {
              const whom = field === 'agreesWithAssessor' ? 'the assessor' : 'the IQA';
              return (
                <Table.Td key={field}>
                  <Radio.Group
                    label={<VisuallyHidden>{`With ${whom} on ${who}`}</VisuallyHidden>}
                    value={yesNo(answer[field])}
                    onChange={(v) => onChange(i, { [field]: fromYesNo(v) })}
                  >
                    <Stack gap={4}>
                      <Radio
                        value="agree"
                        label="Agree"
                        aria-label={`Agree with ${whom} on ${who}`}
                      />
                      <Radio
                        value="disagree"
                        label="Disagree"
                        aria-label={`Disagree with ${whom} on ${who}`}
                      />
                    </Stack>
                  </Radio.Group>
                </Table.Td>
              );
            })}
            <Table.Td>
              <Textarea
                aria-label={`Comment on ${who}`}
                autosize
                minRows={2}
                value={answer.comment}
                onChange={(e) => onChange(i, { comment: e.currentTarget.value })}
              />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}

function ActionRows({
  actions,
  onChange,
  onRemove,
}: {
  actions: Action[];
  onChange: (i: number, change: Partial<Action>) => void;
  onRemove: (i: number) => void;
}) {
  if (!actions.length) return <Text size="sm">No actions yet.</Text>;
  return actions.map((a, i) => (
    <Group key={i} align="flex-end" wrap="nowrap" data-testid="eqa-report-action">
      <TextInput
        style={{ flex: 3 }}
        label={`Action ${i + 1}: what the centre needs to do`}
        required
        value={a.what}
        onChange={(e) => onChange(i, { what: e.currentTarget.value })}
      />
      <TextInput
        style={{ flex: 1 }}
        label="Who at the centre"
        required
        value={a.owner}
        onChange={(e) => onChange(i, { owner: e.currentTarget.value })}
      />
      <DateField label="Due by" required value={a.due} onChange={(due) => onChange(i, { due })} />
      <RowActions
        actions={[
          { label: 'Remove', ariaLabel: `Remove action ${i + 1}`, onClick: () => onRemove(i) },
        ]}
      />
    </Group>
  ));
}

export function Signed({
  signed,
  onClose,
  untouched,
}: {
  signed: SignedEqaReport;
  onClose: () => void;
  /** What the EQA read, which signing left as it was ("the centre’s workspace", "the pack"). */
  untouched: string;
}) {
  return (
    <Stack data-testid="eqa-report-signed">
      <Alert color="green" title="Your report is signed">
        Saved as <b>{signed.fileName}</b>. Signed by {signed.signer.name}
        {signed.signer.organisation ? ` (${signed.signer.organisation})` : ''} with your own
        certificate, issued by {signed.signer.issuer}: the awarding body&rsquo;s, not the
        centre&rsquo;s. Send this one file back to the centre; their IQA imports it on the Sampling
        page. Nothing was written into {untouched}.
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
