import { memo, useMemo } from 'react';
import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import type { MarkingEvidenceView, TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';
import { FeedbackBox } from './FeedbackBox';
import { InlinePreview } from './InlinePreview';
import { statusColour, statusLabel } from './status';
import { DateField } from '../dates/DateField';
import { formatDate } from '../dates/format';

interface Props {
  learnerId: string;
  target: TargetView;
  evidence: Map<string, MarkingEvidenceView>;
  guidance: string[];
  locked: boolean;
  readOnly: boolean;
  assessmentDate: string;
  onAssessmentDate: (date: string) => void;
  openEvidenceId: string | null;
  onOpenEvidence: (id: string | null) => void;
  onDecide: (status: DecisionStatus) => void;
  onFeedback: (text: string) => void;
  onMapEvidence: () => void;
  onUnmap: (evidenceId: string) => void;
  error: string | null;
}

/** Why the marking fields cannot be changed: said beside each, instead of "Saved as you type". */
export function lockedReason(locked: boolean, readOnly: boolean): string | undefined {
  if (locked) {
    return 'Locked: this unit is signed off, so nothing on it can change. To change it, unlock it with a reason in the sign-off section.';
  }
  if (readOnly) return 'Read only: your role can see decisions but not change them.';
  return undefined;
}

const mentions = (line: string, ref: string) =>
  new RegExp(`(^|[^\\d.])${ref.replace('.', '\\.')}(?![\\d])`).test(line);

/**
 * The selected criterion or part: its words, its evidence, the decision and the feedback.
 * It re-renders only when what it shows changes; its callbacks are bound to the target shown,
 * so those from the render that showed it stay right.
 */
export const CriterionDetail = memo(function CriterionDetail(props: Props) {
  const { target, evidence, locked, readOnly } = props;
  const items = target.evidenceIds.map((id) => evidence.get(id)).filter((e) => e !== undefined);
  const guidance = useMemo(
    () => props.guidance.filter((line) => mentions(line, target.criterionRef)),
    [props.guidance, target.criterionRef],
  );
  const canChange = !locked && !readOnly;
  return (
    <Stack gap="sm" data-testid="criterion-detail">
      <Group justify="space-between" align="start" wrap="nowrap">
        <div>
          <Title order={2} size="h4" data-testid="criterion-label">
            {target.label}{' '}
            <Text span size="sm" c="dimmed">
              {target.outcomeKind === 'knowledge' ? 'knowledge' : 'competence'} criterion
            </Text>
          </Title>
          <Text>{target.criterionText}</Text>
          {target.partText && (
            <Text>
              <Text span fw={600}>
                {target.partRef})
              </Text>{' '}
              {target.partText}
            </Text>
          )}
        </div>
        <Badge
          size="lg"
          variant="light"
          color={statusColour[target.status]}
          tt="none"
          style={{ flexShrink: 0 }}
          data-testid="decision-status"
        >
          {statusLabel[target.status]}
        </Badge>
      </Group>
      {guidance.length > 0 && (
        <Paper withBorder p="xs" bg="var(--mantine-color-gray-light)">
          <Text size="xs" fw={600}>
            Guidance
          </Text>
          {guidance.map((line) => (
            <Text size="sm" key={line}>
              {line}
            </Text>
          ))}
        </Paper>
      )}
      {target.flags.map((f) => (
        <Alert key={f.message} color="yellow" p="xs" data-testid="target-flag">
          {f.message}
        </Alert>
      ))}

      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Evidence ({items.length})
            {target.methods.length > 0 && (
              <Text span c="dimmed" size="sm">
                {' '}
                · methods shown: {target.methods.join(', ')}
              </Text>
            )}
          </Text>
          {canChange && (
            <Button size="xs" variant="default" onClick={props.onMapEvidence}>
              Map evidence <Kbd ml={6}>E</Kbd>
            </Button>
          )}
        </Group>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            No evidence is mapped to {target.label} yet.
          </Text>
        )}
        {items.map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" data-testid="mapped-evidence">
            <Text size="sm">
              {e.title}{' '}
              <Text span c="dimmed" size="sm">
                ({e.method}, {formatDate(e.producedOn)})
              </Text>
            </Text>
            <Group gap={4} wrap="nowrap">
              <Button
                size="xs"
                variant="subtle"
                aria-pressed={props.openEvidenceId === e.id}
                onClick={() => props.onOpenEvidence(props.openEvidenceId === e.id ? null : e.id)}
                aria-label={`Preview ${e.title}`}
              >
                {props.openEvidenceId === e.id ? 'Hide' : 'Preview'}
              </Button>
              {canChange && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => props.onUnmap(e.id)}
                  aria-label={`Unmap ${e.title} from ${target.label}`}
                >
                  Unmap
                </Button>
              )}
            </Group>
          </Group>
        ))}
        {props.openEvidenceId && evidence.get(props.openEvidenceId) && (
          <InlinePreview
            key={props.openEvidenceId}
            learnerId={props.learnerId}
            evidenceId={props.openEvidenceId}
            title={evidence.get(props.openEvidenceId)!.title}
          />
        )}
      </Stack>

      <Stack gap={6}>
        <Text fw={600} size="sm">
          Decision
          {target.decidedOn && (
            <Text span c="dimmed" size="sm" data-testid="decision-date">
              {' '}
              · {formatDate(target.decidedOn)} by {target.decidedBy}
            </Text>
          )}
        </Text>
        {props.error && (
          <Alert color="red" p="xs" data-testid="decision-error">
            {props.error}
          </Alert>
        )}
        {canChange && (
          <Group align="end">
            <DateField
              label="Assessment date"
              value={props.assessmentDate}
              onChange={props.onAssessmentDate}
              required
              w={170}
            />
            <Button color="teal.9" onClick={() => props.onDecide('met')}>
              Met <Kbd ml={6}>M</Kbd>
            </Button>
            <Button color="orange" variant="light" onClick={() => props.onDecide('not-yet-met')}>
              Not yet met <Kbd ml={6}>N</Kbd>
            </Button>
            <Button variant="default" onClick={() => props.onDecide('not-assessed')}>
              Clear <Kbd ml={6}>C</Kbd>
            </Button>
          </Group>
        )}
        {locked && (
          <Text size="sm" c="dimmed">
            This unit is signed off and locked. Unlock it in the sign-off section to change it.
          </Text>
        )}
        <FeedbackBox
          key={target.key}
          id="criterion-feedback"
          label={`Feedback on ${target.label}`}
          value={target.feedback}
          disabled={!canChange}
          disabledReason={lockedReason(locked, readOnly)}
          onSave={props.onFeedback}
        />
      </Stack>
    </Stack>
  );
}, sameShown);

type DataProps = Exclude<keyof Props, `on${string}`>;
const dataProps: DataProps[] = [
  'learnerId',
  'target',
  'evidence',
  'guidance',
  'locked',
  'readOnly',
  'assessmentDate',
  'openEvidenceId',
  'error',
];

function sameShown(a: Props, b: Props): boolean {
  return dataProps.every((key) => a[key] === b[key]);
}
