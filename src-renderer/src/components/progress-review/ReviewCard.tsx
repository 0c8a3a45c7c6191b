import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useOpenedCard } from '../common/use-opened-card';
import { useRecordOf } from '../common/use-record-of';
import { formatDate } from '../../../../src-main/kernel/dates';
import { reviewSignerLabels } from '../../../../src-main/kernel/progress-review-words';
import type { ReviewView, ReviewsView } from '../../../../src-main/progress-review/review-contract';
import { ReviewSigning } from './ReviewSigning';
import { StateBadge, VersionNote } from './ReviewVersion';
import { CarriedTable, TargetsTable } from './TargetsTable';
import { UnitsAtReview } from './UnitsAtReview';

interface Props {
  learnerId: string;
  view: ReviewsView;
  review: ReviewView;
  latest: boolean;
  readOnly: boolean;
  /** Opened from elsewhere (the timeline): marked and scrolled to. */
  opened: boolean;
  onEdit: () => void;
  onAmend: () => void;
  onChanged: () => void;
}

const said = (label: string, text: string) => (
  <div>
    <Text size="sm" fw={500}>
      {label}
    </Text>
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text || '—'}
    </Text>
  </div>
);

/** What was said at the review, each in its own words. */
function ReviewSaid({ review }: { review: ReviewView }) {
  return (
    <>
      {said('What went well', review.wentWell)}
      {said('Concerns', review.concerns)}
      {said('The learner’s view', review.learnerView)}
      {said(
        `The employer’s view${review.employerName ? ` (${review.employerName})` : ''}`,
        review.employerView,
      )}
      {said('Wellbeing and support', review.wellbeing)}
    </>
  );
}

/** Change or amend the review, and save its record as PDF or Word. */
function ReviewButtons({
  learnerId,
  view,
  review,
  readOnly,
  onEdit,
  onAmend,
}: Omit<Props, 'latest' | 'opened' | 'onChanged'>) {
  const { busy, make } = useRecordOf();
  const mayRecord = !readOnly && view.canRecord;
  const record = (format: 'pdf' | 'docx') =>
    make(
      {
        learnerId,
        kind: 'progress-review',
        id: review.id,
        format,
        sign: format === 'pdf' && review.complete && view.canRecord,
      },
      { done: (r) => `${r.title} ${r.recordId} saved.`, failed: 'The record was not made' },
    );
  return (
    <Group>
      {mayRecord && review.signatures.length === 0 && (
        <Button size="xs" variant="default" onClick={onEdit}>
          Change
        </Button>
      )}
      {mayRecord && review.amendBlocker === null && !review.pendingAmendmentId && (
        <Button size="xs" variant="default" onClick={onAmend} data-testid="amend-review">
          Amend…
        </Button>
      )}
      {!readOnly && (
        <>
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={() => void record('pdf')}
            data-testid="review-record-pdf"
          >
            Save the record (PDF)
          </Button>
          <Button size="xs" variant="default" loading={busy} onClick={() => void record('docx')}>
            Save as Word
          </Button>
        </>
      )}
    </Group>
  );
}

/** One review as it was recorded, its signatures, and its record. */
export function ReviewCard(props: Props) {
  const { learnerId, view, review, latest, readOnly, opened, onChanged } = props;
  const card = useOpenedCard<HTMLDivElement>(opened);
  const mayRecord = !readOnly && view.canRecord;
  return (
    <Paper
      withBorder
      p="md"
      ref={card}
      data-testid="review-card"
      data-review={review.id}
      aria-current={opened ? 'true' : undefined}
      bg={opened ? 'var(--mantine-color-yellow-0)' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Review held {formatDate(review.heldOn)} · {review.assessorName}
            {review.version > 1 || review.supersededBy ? ` · version ${review.version}` : ''}
          </Title>
          <StateBadge review={review} />
        </Group>
        <VersionNote review={review} all={view.reviews} />
        {!review.signaturesHold && (
          <Text c="red" size="sm">
            This review was changed after it was signed: the signatures no longer match it.
          </Text>
        )}
        <UnitsAtReview units={review.units} />
        <Text size="sm" fw={500}>
          Targets set at the previous review
        </Text>
        <CarriedTable targets={review.previousTargets} heldOn={review.heldOn} />
        <ReviewSaid review={review} />
        <Text size="sm" fw={500}>
          Targets for the next period
        </Text>
        <TargetsTable targets={review.targets} {...(latest ? { asAt: view.today } : {})} />
        {review.signatures.map((s) => (
          <Text key={s.role} size="sm" data-testid="review-signed">
            {reviewSignerLabels[s.role]}: {s.name}, {s.method}, {formatDate(s.signedAt)} — “
            {s.words}”
          </Text>
        ))}
        {mayRecord && !review.supersededBy && (
          <ReviewSigning
            learnerId={learnerId}
            learnerName={view.learnerName}
            review={review}
            allowTyped={view.allowTypedSignatures}
            onSigned={onChanged}
          />
        )}
        <ReviewButtons {...props} />
      </Stack>
    </Paper>
  );
}
