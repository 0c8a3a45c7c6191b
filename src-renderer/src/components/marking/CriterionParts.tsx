import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import type { MarkingEvidenceView, TargetView } from '../../../../src-main/decision/decision-views';
import { FeedbackBox } from './FeedbackBox';
import { InlinePreview } from './InlinePreview';
import { statusColour, statusLabel } from './status';
import { DateField } from '../dates/DateField';
import { formatDate } from '../dates/format';
import { lockedReason } from './locked-reason';
import type { CriterionDetailProps } from './criterion-detail-props';

/** The criterion's (or part's) label and words, with its decision as a badge. */
export function CriterionHeading({ target }: { target: TargetView }) {
  return (
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
  );
}

/** The unit guidance lines that mention this criterion. */
export function CriterionGuidance({ guidance }: { guidance: string[] }) {
  if (guidance.length === 0) return null;
  return (
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
  );
}

/** The evidence mapped to the criterion, each to preview or unmap, and mapping more. */
export function MappedEvidence({
  learnerId,
  target,
  items,
  evidence,
  canChange,
  openEvidenceId,
  onOpenEvidence,
  onMapEvidence,
  onUnmap,
}: {
  learnerId: string;
  target: TargetView;
  items: MarkingEvidenceView[];
  evidence: Map<string, MarkingEvidenceView>;
  canChange: boolean;
  openEvidenceId: string | null;
  onOpenEvidence: (id: string | null) => void;
  onMapEvidence: () => void;
  onUnmap: (evidenceId: string) => void;
}) {
  return (
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
          <Button size="xs" variant="default" onClick={onMapEvidence}>
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
        <EvidenceRow
          key={e.id}
          item={e}
          targetLabel={target.label}
          canChange={canChange}
          open={openEvidenceId === e.id}
          onOpen={(open) => onOpenEvidence(open ? e.id : null)}
          onUnmap={() => onUnmap(e.id)}
        />
      ))}
      {openEvidenceId && evidence.get(openEvidenceId) && (
        <InlinePreview
          key={openEvidenceId}
          learnerId={learnerId}
          evidenceId={openEvidenceId}
          title={evidence.get(openEvidenceId)!.title}
        />
      )}
    </Stack>
  );
}

/** One piece of mapped evidence: what it is, and buttons to preview it or unmap it. */
function EvidenceRow({
  item: e,
  targetLabel,
  canChange,
  open,
  onOpen,
  onUnmap,
}: {
  item: MarkingEvidenceView;
  targetLabel: string;
  canChange: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  onUnmap: () => void;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="mapped-evidence">
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
          aria-pressed={open}
          onClick={() => onOpen(!open)}
          aria-label={`Preview ${e.title}`}
        >
          {open ? 'Hide' : 'Preview'}
        </Button>
        {canChange && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={onUnmap}
            aria-label={`Unmap ${e.title} from ${targetLabel}`}
          >
            Unmap
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** The decision on the criterion: who made it and when, the buttons to make it, and feedback. */
export function DecisionSection(props: CriterionDetailProps & { canChange: boolean }) {
  const { target, locked, readOnly, canChange } = props;
  return (
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
  );
}
