import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-views';
import type {
  TestimonyOverview,
  TestimonyView,
} from '../../../../src-main/witness/testimony-views';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { sendReturnedForm } from '../../api/witness-forms';
import { Loading } from '../Loading';
import { AuthenticityForm } from './AuthenticityForm';
import { FormsAwaitingTable } from './FormsAwaitingTable';
import { MakeFormCard } from './MakeFormCard';
import { ReturnedFileButton } from './ReturnedFileButton';
import { TestimonyCard } from './TestimonyCard';
import { TypedTestimonyForm } from './TypedTestimonyForm';
import { formatDate } from '../dates/format';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

/** The expert witnesses named in agreed plans: only they count as expert. */
function ExpertWitnessPlans({
  overview,
  nameOf,
}: {
  overview: TestimonyOverview;
  nameOf: (witnessId: string) => string;
}) {
  const expertPlans = overview.plans.filter(
    (p) => p.status === 'agreed' && p.agreedOn && p.expertWitnessIds.length > 0,
  );
  return (
    <>
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
    </>
  );
}

/** The two ways a form comes back: a filled-in PDF, or anything else typed in by hand. */
function ReturnedFormButtons({
  onPdf,
  onType,
}: {
  onPdf: (file: Parameters<typeof sendReturnedForm>[1]) => void;
  onType: () => void;
}) {
  return (
    <Group>
      <ReturnedFileButton
        label="Import a returned fillable PDF…"
        accept=".pdf,application/pdf"
        testId="witness-pdf-input"
        variant="filled"
        onChosen={onPdf}
      />
      <Button variant="default" onClick={onType}>
        Type in a returned form…
      </Button>
    </Group>
  );
}

/** Bringing a returned PDF in and withdrawing a form, each saying what happened. */
function useTestimonyActions(detail: LearnerDetail, changed: () => void) {
  const learnerId = detail.learner.id;
  const { run } = useAction();

  async function importPdf(file: Parameters<typeof sendReturnedForm>[1]) {
    const imported = await run(() => sendReturnedForm(learnerId, file), {
      done: ({ evidenceId }) => {
        const title = detail.evidence.find((e) => e.id === evidenceId)?.title ?? 'the testimony';
        return `Imported ${file.name} as ${title}, mapped to the criteria the witness ticked.`;
      },
      failed: 'The returned form was not imported',
    });
    if (imported) changed();
  }

  async function withdraw(formId: string) {
    const withdrawn = await run(() => call('witness:withdraw-form', { learnerId, formId }), {
      done: 'The form is withdrawn; it will not be expected back.',
      failed: 'The form was not withdrawn',
    });
    if (withdrawn !== undefined) changed();
  }

  return { importPdf, withdraw };
}

/** Witness testimony for one learner: forms out, forms back, the checks on each testimony. */
export function WitnessTestimonySection({ detail, readOnly, onChanged }: Props) {
  const learnerId = detail.learner.id;
  const overview = useOperation('witness:testimonies', { learnerId });
  const witnesses = useOperation('witness:list', {});
  const nameOf = (id: string) => (witnesses.data ?? []).find((w) => w.id === id)?.name ?? id;
  const [typing, setTyping] = useState(false);
  const [checking, setChecking] = useState<TestimonyView | null>(null);
  const changed = () => {
    overview.reload();
    onChanged();
  };
  const { importPdf, withdraw } = useTestimonyActions(detail, changed);

  return (
    <Loading state={overview} label="Witness testimony">
      {(o) => (
        <Stack data-testid="witness-testimony">
          {!readOnly && <MakeFormCard detail={detail} onMade={overview.reload} />}
          <Title order={3} size="h4">
            Forms awaiting return
          </Title>
          <FormsAwaitingTable
            awaiting={o.forms.filter((f) => f.status === 'awaiting-return')}
            readOnly={readOnly}
            onWithdraw={(formId) => void withdraw(formId)}
          />
          {!readOnly && (
            <ReturnedFormButtons
              onPdf={(file) => void importPdf(file)}
              onType={() => setTyping(true)}
            />
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
            <TestimonyCard
              key={t.id}
              testimony={t}
              readOnly={readOnly}
              onCheck={() => setChecking(t)}
            />
          ))}
          <ExpertWitnessPlans overview={o} nameOf={nameOf} />
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
      )}
    </Loading>
  );
}
