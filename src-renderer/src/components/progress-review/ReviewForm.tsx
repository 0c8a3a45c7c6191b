import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { formatDate } from '../../../../src-main/kernel/dates';
import {
  targetOutcomeLabels,
  targetOutcomes,
  type TargetOutcome,
} from '../../../../src-main/kernel/progress-review-words';
import type {
  CarriedTarget,
  ReviewsView,
  ReviewView,
} from '../../../../src-main/progress-review/review-contract';
import { FormBlock } from '../common/FormBlock';
import { FormFooter } from '../common/FormFooter';
import { DateField } from '../dates/DateField';
import { PastDate } from './TargetsTable';
import { UnitsAtReview } from './UnitsAtReview';

interface Props {
  learnerId: string;
  view: ReviewsView;
  /** The unsigned review being changed; a new one when absent. */
  editing?: ReviewView | undefined;
  onClose: () => void;
  onSaved: () => void;
}

type Texts = Pick<
  ReviewView,
  'wentWell' | 'concerns' | 'learnerView' | 'employerView' | 'wellbeing' | 'employerName'
>;
type Answer = { outcome: TargetOutcome | null; comment: string };
type TargetRow = { id?: string; what: string; byWhen: string; who: string };

const textFields: { key: keyof Texts; label: string }[] = [
  { key: 'wentWell', label: 'What went well' },
  { key: 'concerns', label: 'Concerns' },
  { key: 'learnerView', label: 'The learner’s view' },
  { key: 'employerView', label: 'The employer’s view' },
  { key: 'wellbeing', label: 'Wellbeing and support' },
];

function CarriedAnswers(props: {
  targets: CarriedTarget[];
  heldOn: string;
  answers: Record<string, Answer>;
  onAnswer: (id: string, answer: Answer) => void;
}) {
  if (!props.targets.length)
    return <Text size="sm">This is the learner’s first review: no earlier targets.</Text>;
  return (
    <Stack gap="sm" data-testid="previous-targets">
      {props.targets.map((t) => {
        const answer = props.answers[t.targetId] ?? { outcome: null, comment: '' };
        return (
          <Stack key={t.targetId} gap={4} data-testid="previous-target">
            <Text size="sm" fw={500}>
              {t.what}
            </Text>
            <Text size="xs">
              By {formatDate(t.byWhen)} · {t.who}
              <PastDate byWhen={t.byWhen} met={answer.outcome === 'met'} asAt={props.heldOn} />
            </Text>
            <Radio.Group
              label="Was it met?"
              value={answer.outcome}
              onChange={(v) =>
                props.onAnswer(t.targetId, { ...answer, outcome: v as TargetOutcome })
              }
            >
              <Group gap="md" mt={4}>
                {targetOutcomes.map((o) => (
                  <Radio key={o} value={o} label={targetOutcomeLabels[o]} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              aria-label={`Comment on “${t.what}”`}
              placeholder="Comment (optional)"
              value={answer.comment}
              onChange={(e) =>
                props.onAnswer(t.targetId, { ...answer, comment: e.currentTarget.value })
              }
            />
          </Stack>
        );
      })}
    </Stack>
  );
}

function TargetRows({
  rows,
  onChange,
}: {
  rows: TargetRow[];
  onChange: (rows: TargetRow[]) => void;
}) {
  const set = (i: number, change: Partial<TargetRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Stack gap="xs" data-testid="new-targets">
      {rows.map((r, i) => (
        <Group key={i} align="flex-end" wrap="nowrap">
          <Textarea
            style={{ flex: 3 }}
            label={`Target ${i + 1}: what`}
            autosize
            minRows={1}
            value={r.what}
            onChange={(e) => set(i, { what: e.currentTarget.value })}
          />
          <DateField
            style={{ flex: 1 }}
            label="By when"
            value={r.byWhen}
            onChange={(d) => set(i, { byWhen: d })}
          />
          <TextInput
            style={{ flex: 1 }}
            label="Who"
            value={r.who}
            onChange={(e) => set(i, { who: e.currentTarget.value })}
          />
          <ActionIcon
            variant="default"
            aria-label={`Remove target ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...rows, { what: '', byWhen: '', who: '' }])}
        >
          Add a target
        </Button>
      </Group>
    </Stack>
  );
}

/** A new progress review, or changes to one nobody has signed yet. */
export function ReviewForm({ learnerId, view, editing, onClose, onSaved }: Props) {
  const [heldOn, setHeldOn] = useState(editing?.heldOn ?? view.today);
  const [texts, setTexts] = useState<Texts>({
    wentWell: editing?.wentWell ?? '',
    concerns: editing?.concerns ?? '',
    learnerView: editing?.learnerView ?? '',
    employerView: editing?.employerView ?? '',
    wellbeing: editing?.wellbeing ?? '',
    employerName: editing?.employerName ?? '',
  });
  const carried = editing?.previousTargets ?? view.fresh.previousTargets;
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      carried.map((t) => [t.targetId, { outcome: t.outcome, comment: t.comment }]),
    ),
  );
  const [targets, setTargets] = useState<TargetRow[]>(
    editing?.targets ?? [{ what: '', byWhen: '', who: '' }],
  );
  const { busy, run } = useAction();
  const filled = targets.filter((t) => t.what.trim() || t.who.trim() || t.byWhen);
  const incomplete = filled.some((t) => !t.what.trim() || !t.who.trim() || !t.byWhen);

  const save = async () => {
    const saved = await run(
      () =>
        call('review:save', {
          learnerId,
          ...(editing ? { reviewId: editing.id } : {}),
          heldOn,
          ...texts,
          answers: carried.map((t) => ({
            targetId: t.targetId,
            ...(answers[t.targetId] ?? { outcome: null, comment: '' }),
          })),
          targets: filled.map((t) => ({
            ...(t.id ? { id: t.id } : {}),
            what: t.what,
            byWhen: t.byWhen,
            who: t.who,
          })),
        }),
      { done: 'Progress review saved.', failed: 'The review was not saved' },
    );
    if (saved) onSaved();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        editing?.revises
          ? `Amend the review of ${formatDate(editing.heldOn)} (version ${editing.version})`
          : editing
            ? 'Change the progress review'
            : 'Record a progress review'
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <DateField
            label="Held on"
            required
            value={heldOn}
            onChange={setHeldOn}
            maxDate={view.today}
          />
          <FormBlock
            title={
              editing?.revises
                ? 'Progress on each unit (from the portfolio on the day of the review)'
                : 'Progress on each unit (from the portfolio)'
            }
          >
            <UnitsAtReview units={editing?.units ?? view.fresh.units} />
          </FormBlock>
          <FormBlock
            title={
              view.fresh.previousHeldOn && !editing
                ? `Targets set at the review of ${formatDate(view.fresh.previousHeldOn)}`
                : 'Targets set at the previous review'
            }
          >
            <CarriedAnswers
              targets={carried}
              heldOn={heldOn}
              answers={answers}
              onAnswer={(id, a) => setAnswers((all) => ({ ...all, [id]: a }))}
            />
          </FormBlock>
          <FormBlock title="The review">
            {textFields.map(({ key, label }) => (
              <Textarea
                key={key}
                label={label}
                autosize
                minRows={2}
                value={texts[key]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTexts((t) => ({ ...t, [key]: value }));
                }}
              />
            ))}
            <TextInput
              label="Employer’s representative (if they took part)"
              value={texts.employerName}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTexts((t) => ({ ...t, employerName: value }));
              }}
            />
          </FormBlock>
          <FormBlock title="SMART targets for the next period">
            <TargetRows rows={targets} onChange={setTargets} />
            {incomplete && (
              <Text size="xs" c="red">
                Give each target what, by when and who.
              </Text>
            )}
          </FormBlock>
          <FormFooter
            submit="Save the review"
            onCancel={onClose}
            busy={busy}
            disabled={incomplete || !heldOn}
            submitTestId="save-review"
          />
        </Stack>
      </form>
    </Modal>
  );
}
