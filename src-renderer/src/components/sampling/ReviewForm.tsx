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
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import {
  qualityRatings,
  vacsrChecks,
  vacsrLabels,
  type QualityRating,
  type ReviewDecision,
  type VacsrCheck,
} from '../../../../src-main/kernel/review-words';
import type { ReviewStatus } from '../../../../src-main/sampling/review-schema';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { InlinePreview } from '../marking/InlinePreview';
import { decisionLabels } from './sampling-format';
import { DateField } from '../dates/DateField';
import { criterionLabel } from '../../../../src-main/kernel/criterion-key';

const refOf = (c: { ref: string; partRef: string | null }) => criterionLabel(c.ref, c.partRef);

type Answer = boolean | null;
type Quality = { rating: QualityRating | null; comment: string };

const yesNo = (value: Answer) => (value === null ? null : value ? 'yes' : 'no');
const fromYesNo = (value: string | null): Answer =>
  value === 'yes' ? true : value === 'no' ? false : null;

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
  const [reviewedOn, setReviewedOn] = useState(previous?.reviewedOn ?? today);
  const [criteria, setCriteria] = useState(() =>
    Object.fromEntries(
      detail.criteria.map((c) => {
        const seen = previous?.criteria.find((p) => p.ref === refOf(c));
        return [refOf(c), { agree: seen?.agree ?? null, comment: seen?.comment ?? '' }];
      }),
    ),
  );
  const [vacsr, setVacsr] = useState(
    () =>
      Object.fromEntries(
        vacsrChecks.map((k) => [k, previous?.vacsr[k] ?? { met: null, comment: '' }]),
      ) as Record<VacsrCheck, { met: Answer; comment: string }>,
  );
  const [feedbackQuality, setFeedbackQuality] = useState<Quality>(
    previous?.feedbackQuality ?? { rating: null, comment: '' },
  );
  const [recordsQuality, setRecordsQuality] = useState<Quality>(
    previous?.recordsQuality ?? { rating: null, comment: '' },
  );
  const [decision, setDecision] = useState<ReviewDecision | null>(previous?.decision ?? null);
  const [feedback, setFeedback] = useState(previous?.feedbackToAssessor ?? '');
  const [sampled, setSampled] = useState<string[]>(previous?.evidenceSampled ?? []);
  const [opened, setOpened] = useState<string | null>(null);
  const [actions, setActions] = useState<{ what: string; due: string }[]>([]);
  const [saving, setSaving] = useState<ReviewStatus | null>(null);

  async function save(status: ReviewStatus) {
    setSaving(status);
    try {
      await call('sampling:save-review', {
        planId: detail.planId,
        sampleId: detail.sample.id,
        status,
        reviewedOn,
        criteria: Object.entries(criteria).map(([ref, c]) => ({ ref, ...c })),
        evidenceSampled: sampled,
        vacsr,
        feedbackQuality,
        recordsQuality,
        decision,
        feedbackToAssessor: feedback,
        newActions: actions.filter((a) => a.what.trim()),
      });
      notifyDone(
        status === 'draft'
          ? 'Draft saved. It does not count until you complete the review.'
          : 'Review completed.',
      );
      onSaved();
    } catch (error) {
      notifyError('The review was not saved', error);
    } finally {
      setSaving(null);
    }
  }

  const quality = (label: string, value: Quality, set: (v: Quality) => void) => (
    <Group align="end">
      <Select
        label={label}
        w={220}
        placeholder="Not rated yet"
        clearable
        value={value.rating}
        data={qualityRatings.map((q) => ({
          value: q,
          label: q.charAt(0).toUpperCase() + q.slice(1),
        }))}
        onChange={(v) => set({ ...value, rating: (v as QualityRating | null) ?? null })}
      />
      <TextInput
        label={`${label}: comment`}
        w={420}
        value={value.comment}
        onChange={(e) => set({ ...value, comment: e.currentTarget.value })}
      />
    </Group>
  );

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
        <DateField label="Date of review" w={200} value={reviewedOn} onChange={setReviewedOn} />
        <Table withTableBorder verticalSpacing={2}>
          <Table.Caption>Do you agree with each decision the assessor made?</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col">Your answer</Table.Th>
              <Table.Th scope="col">Comment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.criteria.map((row) => {
              const ref = refOf(row);
              const c = criteria[ref]!;
              const decided = row.outcome !== 'not yet assessed';
              return (
                <Table.Tr key={ref}>
                  <Table.Th scope="row">{ref}</Table.Th>
                  <Table.Td>
                    {decided ? (
                      <Radio.Group
                        label={<VisuallyHidden>Your answer on criterion {ref}</VisuallyHidden>}
                        value={yesNo(c.agree)}
                        onChange={(v) =>
                          setCriteria((all) => ({ ...all, [ref]: { ...c, agree: fromYesNo(v) } }))
                        }
                      >
                        <Group gap="sm">
                          <Radio value="yes" label="Agree" aria-label={`Agree with ${ref}`} />
                          <Radio value="no" label="Disagree" aria-label={`Disagree with ${ref}`} />
                        </Group>
                      </Radio.Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        No assessor decision to sample
                      </Text>
                    )}
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
              );
            })}
          </Table.Tbody>
        </Table>
        <Title order={4} size="h5">
          Evidence you sampled
        </Title>
        {detail.evidence.length === 0 && (
          <Text size="sm" c="dimmed">
            No evidence is mapped to this unit.
          </Text>
        )}
        {detail.evidence.map((e) => (
          <Stack key={e.id} gap={4}>
            <Group>
              <Checkbox
                label={`Sampled: ${e.title}`}
                checked={sampled.includes(e.id)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setSampled((all) => (on ? [...all, e.id] : all.filter((id) => id !== e.id)));
                }}
              />
              <Button
                size="compact-xs"
                variant="default"
                aria-expanded={opened === e.id}
                onClick={() => {
                  setOpened(opened === e.id ? null : e.id);
                  if (opened !== e.id && !sampled.includes(e.id)) {
                    setSampled((all) => [...all, e.id]);
                  }
                }}
              >
                {opened === e.id ? `Close ${e.title}` : `Open ${e.title}`}
              </Button>
            </Group>
            {opened === e.id && (
              <InlinePreview learnerId={detail.learner.id} evidenceId={e.id} title={e.title} />
            )}
          </Stack>
        ))}
        <Title order={4} size="h5">
          VACSR: is the evidence
        </Title>
        {vacsrChecks.map((k) => (
          <Group key={k} align="end">
            <Radio.Group
              w={320}
              label={vacsrLabels[k]}
              value={yesNo(vacsr[k].met)}
              onChange={(v) =>
                setVacsr((all) => ({ ...all, [k]: { ...all[k], met: fromYesNo(v) } }))
              }
            >
              <Group gap="sm" mt={2}>
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </Group>
            </Radio.Group>
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
            <DateField
              label={`Action point ${i + 1}: due`}
              value={a.due}
              onChange={(due) =>
                setActions((all) => all.map((x, j) => (j === i ? { ...x, due } : x)))
              }
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
          {previous?.status !== 'complete' && (
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
      </Stack>
    </Card>
  );
}
