import {
  Alert,
  Autocomplete,
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
import { useState, type FormEvent } from 'react';
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
import { call } from '../../api/client';
import { readAsBase64, saveFile } from '../../api/local-files';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { FormBlock } from '../common/FormBlock';
import { FormFooter } from '../common/FormFooter';
import { RowActions } from '../common/RowActions';
import { DateField } from '../dates/DateField';
import { Loading } from '../Loading';
import { formatDate } from '../sampling/sampling-format';

type Judgement = EqaAnswers['samples'][number];
type Action = EqaAnswers['actions'][number];

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'agree' : 'disagree');
const fromYesNo = (v: string) => v === 'agree';

/**
 * The EQA's report on a visit, filled in on screen and signed with the EQA's own identity. Every
 * agree or disagree starts unanswered; the signed PDF is saved where the EQA chooses, and nothing
 * is written into the centre's workspace.
 */
export function EqaReportForm({ visitId, onClose }: { visitId: string; onClose: () => void }) {
  const state = useOperation('visit:report-form', { visitId });
  return (
    <Loading state={state} label="The visit">
      {(form) => <ReportFields form={form} onClose={onClose} />}
    </Loading>
  );
}

function ReportFields({ form, onClose }: { form: EqaReportFormView; onClose: () => void }) {
  const [awardingBody, setAwardingBody] = useState('');
  const [visitedOn, setVisitedOn] = useState('');
  const [samples, setSamples] = useState<Judgement[]>(
    form.samples.map((s) => ({
      learnerId: s.learnerId,
      unitId: s.unitId,
      agreesWithAssessor: null,
      agreesWithIqa: null,
      comment: '',
    })),
  );
  const [findings, setFindings] = useState<string[]>(['']);
  const [actions, setActions] = useState<Action[]>([]);
  const [riskRating, setRiskRating] = useState<EqaRiskRating | null>(null);
  const [directClaims, setDirectClaims] = useState<DirectClaimsDecision | null>(null);
  const [reason, setReason] = useState('');
  const [p12, setP12] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [signed, setSigned] = useState<SignedEqaReport | null>(null);
  const { busy, run } = useAction();

  const setSample = (i: number, change: Partial<Judgement>) =>
    setSamples((all) => all.map((s, n) => (n === i ? { ...s, ...change } : s)));
  const setAction = (i: number, change: Partial<Action>) =>
    setActions((all) => all.map((a, n) => (n === i ? { ...a, ...change } : a)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await run(
      async () => {
        if (!p12) throw new Error('Choose your own signing identity (.p12 file) to sign with.');
        return call('visit:sign-report', {
          answers: {
            visitId: form.visitId,
            awardingBody,
            visitedOn,
            samples,
            findings,
            actions,
            riskRating,
            directClaims,
            directClaimsReason: reason,
          },
          identity: { contentBase64: await readAsBase64(p12), passphrase },
        });
      },
      { failed: 'The report was not signed' },
    );
    if (!made) return;
    saveFile(made.fileName, made.mediaType, made.base64);
    setSigned(made);
  };

  if (signed) return <Signed signed={signed} onClose={onClose} />;
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="eqa-report-form">
      <Stack>
        <Text size="sm">
          Your report on the visit to {form.centreName}, whose pack was made on{' '}
          {formatDate(form.packMadeAt)}. Nothing is answered for you, and nothing here changes the
          centre&rsquo;s records: you sign the report and send the one file back.
        </Text>
        {form.reported && (
          <Alert color="blue" title="The centre already has an EQA report for this visit">
            A report you sign now replaces it when the centre imports it; the first is kept.
          </Alert>
        )}
        <Group grow align="flex-start">
          <Autocomplete
            label="Your awarding body"
            required
            data={form.awardingBodies}
            value={awardingBody}
            onChange={setAwardingBody}
          />
          <DateField label="Date of the visit" required value={visitedOn} onChange={setVisitedOn} />
        </Group>
        <FormBlock title="Learners and units sampled">
          <SampleTable form={form} samples={samples} onChange={setSample} />
        </FormBlock>
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
                setFindings((all) => all.map((x, n) => (n === i ? text : x)));
              }}
            />
          ))}
          <Group>
            <Button variant="default" onClick={() => setFindings((all) => [...all, ''])}>
              Add a finding
            </Button>
          </Group>
        </FormBlock>
        <FormBlock title="Actions for the centre">
          <ActionRows
            actions={actions}
            onChange={setAction}
            onRemove={(i) => setActions((all) => all.filter((_, n) => n !== i))}
          />
          <Group>
            <Button
              variant="default"
              onClick={() => setActions((all) => [...all, { what: '', owner: '', due: '' }])}
            >
              Add an action
            </Button>
          </Group>
        </FormBlock>
        <FormBlock title="Risk and direct claims status">
          <Radio.Group
            label="Risk rating"
            required
            value={riskRating}
            onChange={(v) => setRiskRating(v as EqaRiskRating)}
          >
            <Group gap="md" mt={4}>
              {eqaRiskRatings.map((r) => (
                <Radio key={r} value={r} label={eqaRiskLabels[r]} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label="Direct claims status"
            required
            value={directClaims}
            onChange={(v) => setDirectClaims(v as DirectClaimsDecision)}
          >
            <Group gap="md" mt={4}>
              {directClaimsDecisions.map((d) => (
                <Radio key={d} value={d} label={directClaimsLabels[d]} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label="Reason for the decision on direct claims status"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </FormBlock>
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
              onChange={setP12}
              data-testid="eqa-identity-input"
            />
            <PasswordInput
              label="Its passphrase"
              required
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
            />
          </Group>
        </FormBlock>
        <FormFooter submit="Sign and save the report" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}

function SampleTable({
  form,
  samples,
  onChange,
}: {
  form: EqaReportFormView;
  samples: Judgement[];
  onChange: (i: number, change: Partial<Judgement>) => void;
}) {
  return (
    <Table withTableBorder data-testid="eqa-report-samples">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Learner and unit</Table.Th>
          <Table.Th scope="col">With the assessor</Table.Th>
          <Table.Th scope="col">With the IQA</Table.Th>
          <Table.Th scope="col">Comment</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
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
      </Table.Tbody>
    </Table>
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

function Signed({ signed, onClose }: { signed: SignedEqaReport; onClose: () => void }) {
  return (
    <Stack data-testid="eqa-report-signed">
      <Alert color="green" title="Your report is signed">
        Saved as <b>{signed.fileName}</b>. Signed by {signed.signer.name}
        {signed.signer.organisation ? ` (${signed.signer.organisation})` : ''} with your own
        certificate, issued by {signed.signer.issuer}: the awarding body&rsquo;s, not the
        centre&rsquo;s. Send this one file back to the centre; their IQA imports it on the Sampling
        page. Nothing was written into the centre&rsquo;s workspace.
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
