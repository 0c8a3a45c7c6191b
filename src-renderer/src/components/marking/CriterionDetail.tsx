import { memo, useMemo } from 'react';
import { Alert, Stack } from '@mantine/core';
import type { CriterionDetailProps } from './criterion-detail-props';
import {
  CriterionGuidance,
  CriterionHeading,
  DecisionSection,
  MappedEvidence,
} from './CriterionParts';

export { lockedReason } from './locked-reason';

const mentions = (line: string, ref: string) =>
  new RegExp(`(^|[^\\d.])${ref.replace('.', '\\.')}(?![\\d])`).test(line);

/**
 * The selected criterion or part: its words, its evidence, the decision and the feedback.
 * It re-renders only when what it shows changes; its callbacks are bound to the target shown,
 * so those from the render that showed it stay right.
 */
export const CriterionDetail = memo(function CriterionDetail(props: CriterionDetailProps) {
  const { target, evidence, locked, readOnly } = props;
  const items = target.evidenceIds.map((id) => evidence.get(id)).filter((e) => e !== undefined);
  const guidance = useMemo(
    () => props.guidance.filter((line) => mentions(line, target.criterionRef)),
    [props.guidance, target.criterionRef],
  );
  const canChange = !locked && !readOnly;
  return (
    <Stack gap="sm" data-testid="criterion-detail">
      <CriterionHeading target={target} />
      <CriterionGuidance guidance={guidance} />
      {target.flags.map((f) => (
        <Alert key={f.message} color="yellow" p="xs" data-testid="target-flag">
          {f.message}
        </Alert>
      ))}

      <MappedEvidence
        learnerId={props.learnerId}
        target={target}
        items={items}
        evidence={evidence}
        canChange={canChange}
        openEvidenceId={props.openEvidenceId}
        onOpenEvidence={props.onOpenEvidence}
        onMapEvidence={props.onMapEvidence}
        onUnmap={props.onUnmap}
      />
      <DecisionSection {...props} canChange={canChange} />
    </Stack>
  );
}, sameShown);

type DataProps = Exclude<keyof CriterionDetailProps, `on${string}`>;
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

function sameShown(a: CriterionDetailProps, b: CriterionDetailProps): boolean {
  return dataProps.every((key) => a[key] === b[key]);
}
