import { Alert, Button, Card, Group, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import type { ReviewDecision } from '../../../../src-main/kernel/review-words';
import { decisionLabels } from './sampling-format';
import { DateField } from '../dates/DateField';
import { ReviewCriteriaTable } from './ReviewCriteriaTable';
import { ReviewEvidence } from './ReviewEvidence';
import { QualityField, VacsrChecks } from './ReviewChecks';
import type { ReviewStatus } from '../../../../src-main/sampling/review-schema';
import { useReviewForm, type NewAction } from './use-review-form';
import { ChoiceGroup } from '../common/ChoiceGroup';

/**
 * The IQA's review of one sample. Nothing starts answered: every agreement, VACSR check, rating
 * and the overall decision is the IQA's own choice, and a criterion the assessor has not decided
 * on has nothing to agree with.
 */
export function ReviewForm({
  detail,
  today,
  onSaved,
}: {
  detail: SampleDetail;
  today: string;
  onSaved: () => void;
}) {
  const previous = detail.review;
  const form = useReviewForm(detail, today, onSaved);
  const isDraft = previous?.status === 'draft';
  return (
    <Card withBorder data-testid="review-form">
      <Stack>
        <Title order={3} size="h4">
          {!previous ? 'Review this sample' : isDraft ? 'Continue the draft' : 'Change the review'}
        </Title>
        {isDraft && (
          <Alert color="yellow" title="Draft review" data-testid="draft-notice">
            This review is a draft: it does not count on the dashboard, for certification or in the
            report until you complete it.
          </Alert>
        )}
        <DateField
          label="Date of review"
          w={200}
          value={form.reviewedOn}
          onChange={form.setReviewedOn}
        />
        <ReviewCriteriaTable
          rows={detail.criteria}
          criteria={form.criteria}
          setCriteria={form.setCriteria}
        />
        <ReviewEvidence detail={detail} sampled={form.sampled} setSampled={form.setSampled} />
        <VacsrChecks vacsr={form.vacsr} setVacsr={form.setVacsr} />
        <QualityField
          label="Quality of assessor feedback"
          value={form.feedbackQuality}
          set={form.setFeedbackQuality}
        />
        <QualityField
          label="Quality of assessment records"
          value={form.recordsQuality}
          set={form.setRecordsQuality}
        />
        <ChoiceGroup
          label="Overall decision"
          choices={Object.keys(decisionLabels) as ReviewDecision[]}
          labelOf={(d) => decisionLabels[d]}
          value={form.decision}
          onChange={form.setDecision}
        />
        <Textarea
          label="Feedback to the assessor"
          autosize
          minRows={2}
          value={form.feedback}
          onChange={(e) => form.setFeedback(e.currentTarget.value)}
        />
        <NewActionPoints actions={form.actions} setActions={form.setActions} />
        <ReviewButtons
          canDraft={previous?.status !== 'complete'}
          saving={form.saving}
          save={form.save}
          addAction={() => form.setActions((all) => [...all, { what: '', due: today }])}
        />
      </Stack>
    </Card>
  );
}

/** The action points this review sets the assessor, each with what needs doing and when. */
function NewActionPoints({
  actions,
  setActions,
}: {
  actions: NewAction[];
  setActions: Dispatch<SetStateAction<NewAction[]>>;
}) {
  const change = (i: number, next: Partial<NewAction>) =>
    setActions((all) => all.map((x, j) => (j === i ? { ...x, ...next } : x)));
  return (
    <>
      <Title order={4} size="h5">
        Action points for the assessor
      </Title>
      {actions.map((a, i) => (
        <Group key={i} align="end">
          <TextInput
            label={`Action point ${i + 1}: what needs doing`}
            w={480}
            value={a.what}
            onChange={(e) => change(i, { what: e.currentTarget.value })}
          />
          <DateField
            label={`Action point ${i + 1}: due`}
            value={a.due}
            onChange={(due) => change(i, { due })}
          />
        </Group>
      ))}
    </>
  );
}

/** Adding an action point, then saving the review as a draft (until complete) or completing it. */
function ReviewButtons({
  canDraft,
  saving,
  save,
  addAction,
}: {
  canDraft: boolean;
  saving: ReviewStatus | null;
  save: (status: ReviewStatus) => Promise<void>;
  addAction: () => void;
}) {
  return (
    <Group>
      <Button variant="default" onClick={addAction}>
        Add an action point
      </Button>
      {canDraft && (
        <Button
          variant="default"
          onClick={() => void save('draft')}
          loading={saving === 'draft'}
          disabled={saving !== null}
        >
          Save as draft
        </Button>
      )}
      <Button
        onClick={() => void save('complete')}
        loading={saving === 'complete'}
        disabled={saving !== null}
      >
        Complete the review
      </Button>
    </Group>
  );
}
