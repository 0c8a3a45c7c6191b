import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { formatDate } from '../../../../src-main/kernel/dates';
import {
  targetOutcomeLabels,
  targetOutcomes,
  type TargetOutcome,
} from '../../../../src-main/kernel/progress-review-words';
import type {
  CarriedTarget,
  ReviewView,
} from '../../../../src-main/progress-review/review-contract';
import { FormBlock } from '../common/FormBlock';
import { DateField } from '../dates/DateField';
import { PastDate } from './TargetsTable';
import { ChoiceGroup } from '../common/ChoiceGroup';

export type Texts = Pick<
  ReviewView,
  'wentWell' | 'concerns' | 'learnerView' | 'employerView' | 'wellbeing' | 'employerName'
>;
export type Answer = { outcome: TargetOutcome | null; comment: string };
export type TargetRow = { id?: string; what: string; byWhen: string; who: string };

const textFields: { key: keyof Texts; label: string }[] = [
  { key: 'wentWell', label: 'What went well' },
  { key: 'concerns', label: 'Concerns' },
  { key: 'learnerView', label: 'The learner’s view' },
  { key: 'employerView', label: 'The employer’s view' },
  { key: 'wellbeing', label: 'Wellbeing and support' },
];

export function CarriedAnswers(props: {
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
            <ChoiceGroup
              label="Was it met?"
              choices={targetOutcomes}
              labelOf={(o) => targetOutcomeLabels[o]}
              value={answer.outcome}
              onChange={(outcome) => props.onAnswer(t.targetId, { ...answer, outcome })}
            />
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

export function TargetRows({
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

/** What was said at the review, and the employer's representative who took part. */
export function ReviewTexts({
  texts,
  onTexts,
}: {
  texts: Texts;
  onTexts: Dispatch<SetStateAction<Texts>>;
}) {
  const typed = (key: keyof Texts) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    onTexts((t) => ({ ...t, [key]: value }));
  };
  return (
    <FormBlock title="The review">
      {textFields.map(({ key, label }) => (
        <Textarea
          key={key}
          label={label}
          autosize
          minRows={2}
          value={texts[key]}
          onChange={typed(key)}
        />
      ))}
      <TextInput
        label="Employer’s representative (if they took part)"
        value={texts.employerName}
        onChange={typed('employerName')}
      />
    </FormBlock>
  );
}
