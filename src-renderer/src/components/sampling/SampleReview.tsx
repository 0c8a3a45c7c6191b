import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { ReviewForm } from './ReviewForm';
import { SampledWork } from './SampledWork';
import { decisionLabels, formatDate } from './sampling-format';

/** Opens a sample: the assessor's work read-only, then the IQA's review of it. */
export function SampleReview({
  planId,
  sampleId,
  today,
  onSaved,
}: {
  planId: string;
  sampleId: string;
  today: string;
  onSaved: () => void;
}) {
  const state = useOperation('sampling:open-sample', { planId, sampleId });
  const session = useOperation('session:get', {});
  const readOnly = session.data?.readOnly ?? true;
  return (
    <Loading state={state} label="The sample">
      {(detail) => (
        <Stack>
          <SampledWork detail={detail} />
          {detail.review && <SavedReview detail={detail} readOnly={readOnly} />}
          {detail.cannotReview ? (
            <Alert color="gray" title="You cannot review this sample">
              {detail.cannotReview}
            </Alert>
          ) : (
            <ReviewForm
              key={detail.review?.updatedAt ?? 'new'}
              detail={detail}
              today={today}
              onSaved={() => {
                state.reload();
                onSaved();
              }}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}

function SavedReview({ detail, readOnly }: { detail: SampleDetail; readOnly: boolean }) {
  const review = detail.review!;
  if (review.status === 'draft') {
    return (
      <Card withBorder data-testid="saved-review">
        <Group gap="xs">
          <Badge color="yellow" variant="light">
            Draft
          </Badge>
          <Title order={3} size="h5">
            Draft review by {detail.reviewerName}, last saved {formatDate(review.reviewedOn)}
          </Title>
        </Group>
        <Text size="sm">
          Not counted yet: the dashboard, certification checks and the sampling report ignore it
          until the review is completed.
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder data-testid="saved-review">
      <Title order={3} size="h5">
        Reviewed by {detail.reviewerName} on {formatDate(review.reviewedOn)}:{' '}
        {review.decision ? decisionLabels[review.decision] : 'no decision'}
      </Title>
      {review.feedbackToAssessor && <Text size="sm">{review.feedbackToAssessor}</Text>}
      {review.actionPoints.map((a) => (
        <Text size="sm" key={a.id}>
          Action: {a.what} (due {formatDate(a.due)}, {a.state})
        </Text>
      ))}
      <Group mt="xs" hidden={readOnly}>
        <Button
          size="xs"
          variant="default"
          onClick={async () => {
            try {
              const saved = await call('sampling:save-report', {
                planId: detail.planId,
                sampleId: detail.sample.id,
                format: 'pdf',
              });
              notifyDone(`Saved in the workspace folder as ${saved.path}.`);
            } catch (error) {
              notifyError('The sampling record was not saved', error);
            }
          }}
        >
          Save the sampling record (PDF)
        </Button>
      </Group>
    </Card>
  );
}
