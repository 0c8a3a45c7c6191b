import { Alert, Autocomplete, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
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
import { DateField } from '../dates/DateField';
import { Loading } from '../Loading';
import { formatDate } from '../sampling/sampling-format';
import {
  ActionsBlock,
  FindingsBlock,
  IdentityBlock,
  RiskBlock,
  SampleTable,
  Signed,
  type Action,
  type Judgement,
  type RiskAnswers,
} from './EqaReportBlocks';

/** Where the report's visit comes from: the centre's record of it, or the pack the EQA opened. */
export type ReportSource = { kind: 'visit'; visitId: string } | { kind: 'pack' };

/**
 * The EQA's report on a visit, filled in on screen and signed with the EQA's own identity. Every
 * agree or disagree starts unanswered; the signed PDF is saved where the EQA chooses, and nothing
 * is written into the centre's workspace or the pack.
 */
export function EqaReportForm({ source, onClose }: { source: ReportSource; onClose: () => void }) {
  return source.kind === 'visit' ? (
    <VisitReportForm visitId={source.visitId} onClose={onClose} />
  ) : (
    <PackReportForm onClose={onClose} />
  );
}

function VisitReportForm({ visitId, onClose }: { visitId: string; onClose: () => void }) {
  const state = useOperation('visit:report-form', { visitId });
  return (
    <Loading state={state} label="The visit">
      {(form) => <ReportFields form={form} source={{ kind: 'visit', visitId }} onClose={onClose} />}
    </Loading>
  );
}

function PackReportForm({ onClose }: { onClose: () => void }) {
  const state = useOperation('pack:report-form', {});
  return (
    <Loading state={state} label="The report form">
      {(form) => <ReportFields form={form} source={{ kind: 'pack' }} onClose={onClose} />}
    </Loading>
  );
}

type Sign = (
  answers: EqaAnswers,
  identity: { contentBase64: string; passphrase: string },
) => Promise<SignedEqaReport>;

const signWith =
  (source: ReportSource): Sign =>
  (answers, identity) =>
    source.kind === 'visit'
      ? call('visit:sign-report', { answers, identity })
      : call('pack:sign-report', { answers, identity });

/** The answers as the EQA gives them, each starting unanswered. */
function useAnswers(form: EqaReportFormView) {
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
  const [risk, setRisk] = useState<RiskAnswers>({
    riskRating: null,
    directClaims: null,
    reason: '',
  });
  const answers: EqaAnswers = {
    visitId: form.visitId,
    awardingBody,
    visitedOn,
    samples,
    findings,
    actions,
    riskRating: risk.riskRating,
    directClaims: risk.directClaims,
    directClaimsReason: risk.reason,
  };
  return {
    answers,
    setAwardingBody,
    setVisitedOn,
    setSample: (i: number, change: Partial<Judgement>) =>
      setSamples((all) => all.map((s, n) => (n === i ? { ...s, ...change } : s))),
    setFindings,
    setActions,
    risk,
    setRisk: (change: Partial<RiskAnswers>) => setRisk((r) => ({ ...r, ...change })),
  };
}

function ReportFields({
  form,
  source,
  onClose,
}: {
  form: EqaReportFormView;
  source: ReportSource;
  onClose: () => void;
}) {
  const a = useAnswers(form);
  const [p12, setP12] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [signed, setSigned] = useState<SignedEqaReport | null>(null);
  const { busy, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await run(
      async () => {
        if (!p12) throw new Error('Choose your own signing identity (.p12 file) to sign with.');
        return signWith(source)(a.answers, {
          contentBase64: await readAsBase64(p12),
          passphrase,
        });
      },
      { failed: 'The report was not signed' },
    );
    if (!made) return;
    saveFile(made.fileName, made.mediaType, made.base64);
    setSigned(made);
  };

  const untouched = source.kind === 'pack' ? 'the pack' : 'the centre’s workspace';
  if (signed) return <Signed signed={signed} onClose={onClose} untouched={untouched} />;
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="eqa-report-form">
      <Stack>
        <ReportIntro form={form} untouched={untouched} />
        <Group grow align="flex-start">
          <Autocomplete
            label="Your awarding body"
            required
            data={form.awardingBodies}
            value={a.answers.awardingBody}
            onChange={a.setAwardingBody}
          />
          <DateField
            label="Date of the visit"
            required
            value={a.answers.visitedOn}
            onChange={a.setVisitedOn}
          />
        </Group>
        <FormBlock title="Learners and units sampled">
          <SampleTable form={form} samples={a.answers.samples} onChange={a.setSample} />
        </FormBlock>
        <FindingsBlock findings={a.answers.findings} onChange={a.setFindings} />
        <ActionsBlock actions={a.answers.actions} onChange={a.setActions} />
        <RiskBlock value={a.risk} onChange={a.setRisk} />
        <IdentityBlock
          p12={p12}
          passphrase={passphrase}
          onP12={setP12}
          onPassphrase={setPassphrase}
        />
        <FormFooter submit="Sign and save the report" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}

function ReportIntro({ form, untouched }: { form: EqaReportFormView; untouched: string }) {
  return (
    <>
      <Text size="sm">
        Your report on the visit to {form.centreName}, whose pack was made on{' '}
        {formatDate(form.packMadeAt)}. Nothing is answered for you, and nothing is written into{' '}
        {untouched}: you sign the report and send the one file back.
      </Text>
      {form.reported && (
        <Alert color="blue" title="The centre already has an EQA report for this visit">
          A report you sign now replaces it when the centre imports it; the first is kept.
        </Alert>
      )}
    </>
  );
}
