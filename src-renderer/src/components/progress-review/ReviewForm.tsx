import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { formatDate } from '../../../../src-main/kernel/dates';
import type { ReviewsView, ReviewView } from '../../../../src-main/progress-review/review-contract';
import { FormBlock } from '../common/FormBlock';
import { FormFooter } from '../common/FormFooter';
import { DateField } from '../dates/DateField';
import {
  CarriedAnswers,
  ReviewTexts,
  TargetRows,
  type Answer,
  type TargetRow,
  type Texts,
} from './ReviewFormParts';
import { UnitsAtReview } from './UnitsAtReview';

interface Props {
  learnerId: string;
  view: ReviewsView;
  /** The unsigned review being changed; a new one when absent. */
  editing?: ReviewView | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** The review's answers and targets as they are typed, and saving them. */
function useReviewForm({ learnerId, view, editing, onSaved }: Omit<Props, 'onClose'>) {
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

  return {
    heldOn,
    setHeldOn,
    texts,
    setTexts,
    carried,
    answers,
    setAnswers,
    targets,
    setTargets,
    busy,
    incomplete,
    save,
  };
}

/** A new progress review, or changes to one nobody has signed yet. */
export function ReviewForm(props: Props) {
  const { view, editing, onClose } = props;
  const form = useReviewForm(props);
  const { heldOn, setHeldOn, texts, setTexts, carried, answers, setAnswers } = form;
  const { targets, setTargets, busy, incomplete, save } = form;
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
          <ReviewTexts texts={texts} onTexts={setTexts} />
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
