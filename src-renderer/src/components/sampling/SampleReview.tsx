import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import {
  qualityRatings,
  vacsrChecks,
  vacsrLabels,
  type ReviewDecision,
  type VacsrCheck,
} from '../../../../src-main/sampling/review-schema';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
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
  return (
    <Loading state={state} label="The sample">
      {(detail) => (
        <Stack>
          <SampledWork detail={detail} />
          {detail.review && <SavedReview detail={detail} />}
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

function SavedReview({ detail }: { detail: SampleDetail }) {
  const review = detail.review!;
  return (
    <Card withBorder data-testid="saved-review">
      <Title order={3} size="h5">
        Reviewed by {detail.reviewerName} on {formatDate(review.reviewedOn)}:{' '}
        {decisionLabels[review.decision]}
      </Title>
      {review.feedbackToAssessor && <Text size="sm">{review.feedbackToAssessor}</Text>}
      {review.actionPoints.map((a) => (
        <Text size="sm" key={a.id}>
          Action: {a.what} (due {formatDate(a.due)}, {a.state})
        </Text>
      ))}
      <Group mt="xs">
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

const refOf = (c: { ref: string; partRef: string | null }) =>
  c.partRef ? `${c.ref} ${c.partRef}` : c.ref;

function ReviewForm({
  detail,
  today,
  onSaved,
}: {
  detail: SampleDetail;
  today: string;
  onSaved: () => void;
}) {
  const previous = detail.review;
  const [reviewedOn, setReviewedOn] = useState(previous?.reviewedOn ?? today);
  const [criteria, setCriteria] = useState(() =>
    Object.fromEntries(
      detail.criteria.map((c) => {
        const seen = previous?.criteria.find((p) => p.ref === refOf(c));
        return [refOf(c), { agree: seen?.agree ?? true, comment: seen?.comment ?? '' }];
      }),
    ),
  );
  const [vacsr, setVacsr] = useState(
    () =>
      Object.fromEntries(
        vacsrChecks.map((k) => [k, previous?.vacsr[k] ?? { met: true, comment: '' }]),
      ) as Record<VacsrCheck, { met: boolean; comment: string }>,
  );
  const [feedbackQuality, setFeedbackQuality] = useState(
    previous?.feedbackQuality ?? { rating: 'good' as const, comment: '' },
  );
  const [recordsQuality, setRecordsQuality] = useState(
    previous?.recordsQuality ?? { rating: 'good' as const, comment: '' },
  );
  const [decision, setDecision] = useState<ReviewDecision>(previous?.decision ?? 'agree');
  const [feedback, setFeedback] = useState(previous?.feedbackToAssessor ?? '');
  const [actions, setActions] = useState<{ what: string; due: string }[]>([]);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    try {
      await call('sampling:save-review', {
        planId: detail.planId,
        sampleId: detail.sample.id,
        reviewedOn,
        criteria: Object.entries(criteria).map(([ref, c]) => ({ ref, ...c })),
        vacsr,
        feedbackQuality,
        recordsQuality,
        decision,
        feedbackToAssessor: feedback,
        newActions: actions.filter((a) => a.what.trim()),
      });
      notifyDone('Review saved.');
      onSaved();
    } catch (error) {
      notifyError('The review was not saved', error);
    } finally {
      setSaving(false);
    }
  }

  const quality = (
    label: string,
    value: { rating: (typeof qualityRatings)[number]; comment: string },
    set: (v: { rating: (typeof qualityRatings)[number]; comment: string }) => void,
  ) => (
    <Group align="end">
      <Select
        label={label}
        w={220}
        allowDeselect={false}
        value={value.rating}
        data={qualityRatings.map((q) => ({
          value: q,
          label: q.charAt(0).toUpperCase() + q.slice(1),
        }))}
        onChange={(v) => v && set({ ...value, rating: v as (typeof qualityRatings)[number] })}
      />
      <TextInput
        label={`${label}: comment`}
        w={420}
        value={value.comment}
        onChange={(e) => set({ ...value, comment: e.currentTarget.value })}
      />
    </Group>
  );

  return (
    <Card withBorder data-testid="review-form">
      <Stack>
        <Title order={3} size="h4">
          {previous ? 'Change the review' : 'Review this sample'}
        </Title>
        <TextInput
          type="date"
          label="Date of review"
          w={200}
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
        />
        <Table withTableBorder verticalSpacing={2}>
          <Table.Caption>Do you agree with each decision?</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col">Agree</Table.Th>
              <Table.Th scope="col">Comment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(criteria).map(([ref, c]) => (
              <Table.Tr key={ref}>
                <Table.Th scope="row">{ref}</Table.Th>
                <Table.Td>
                  <Checkbox
                    aria-label={`Agree with criterion ${ref}`}
                    checked={c.agree}
                    onChange={(e) => {
                      const agree = e.currentTarget.checked;
                      setCriteria((all) => ({ ...all, [ref]: { ...c, agree } }));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Comment on criterion ${ref}`}
                    value={c.comment}
                    onChange={(e) => {
                      const comment = e.currentTarget.value;
                      setCriteria((all) => ({ ...all, [ref]: { ...c, comment } }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={4} size="h5">
          VACSR: is the evidence
        </Title>
        {vacsrChecks.map((k) => (
          <Group key={k} align="center">
            <Checkbox
              w={320}
              label={vacsrLabels[k]}
              checked={vacsr[k].met}
              onChange={(e) => {
                const met = e.currentTarget.checked;
                setVacsr((all) => ({ ...all, [k]: { ...all[k], met } }));
              }}
            />
            <TextInput
              size="xs"
              w={420}
              aria-label={`Comment on ${k}`}
              value={vacsr[k].comment}
              onChange={(e) => {
                const comment = e.currentTarget.value;
                setVacsr((all) => ({ ...all, [k]: { ...all[k], comment } }));
              }}
            />
          </Group>
        ))}
        {quality('Quality of assessor feedback', feedbackQuality, setFeedbackQuality)}
        {quality('Quality of assessment records', recordsQuality, setRecordsQuality)}
        <Radio.Group
          label="Overall decision"
          value={decision}
          onChange={(v) => setDecision(v as ReviewDecision)}
        >
          <Group mt={4}>
            {(Object.keys(decisionLabels) as ReviewDecision[]).map((d) => (
              <Radio key={d} value={d} label={decisionLabels[d]} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Feedback to the assessor"
          autosize
          minRows={2}
          value={feedback}
          onChange={(e) => setFeedback(e.currentTarget.value)}
        />
        <Title order={4} size="h5">
          Action points for the assessor
        </Title>
        {actions.map((a, i) => (
          <Group key={i} align="end">
            <TextInput
              label={`Action point ${i + 1}: what needs doing`}
              w={480}
              value={a.what}
              onChange={(e) => {
                const what = e.currentTarget.value;
                setActions((all) => all.map((x, j) => (j === i ? { ...x, what } : x)));
              }}
            />
            <TextInput
              type="date"
              label={`Action point ${i + 1}: due`}
              value={a.due}
              onChange={(e) => {
                const due = e.currentTarget.value;
                setActions((all) => all.map((x, j) => (j === i ? { ...x, due } : x)));
              }}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setActions((all) => [...all, { what: '', due: today }])}
          >
            Add an action point
          </Button>
          <Button onClick={save} loading={saving}>
            Save review
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
