import type { FrameTarget, SamplingFrame } from './sampling-frame';

const learnerPhrases: Partial<Record<FrameTarget['dimension'], (value: string) => string>> = {
  location: (v) => `only learner at ${v}`,
  employer: (v) => `only learner employed by ${v}`,
  cohort: (v) => `only learner in cohort '${v}'`,
  needs: (v) => `only learner with needs '${v}'`,
  ageBand: (v) => `only learner in age band '${v}'`,
  gender: (v) => `only learner recorded as '${v}'`,
};

/** Stops at the first second learner: common targets have thousands of assessments. */
function oneLearner(frame: SamplingFrame, target: FrameTarget): boolean {
  const first = frame.items[target.items[0] ?? -1]?.assessment.learnerId;
  for (const index of target.items) {
    if (frame.items[index]?.assessment.learnerId !== first) return false;
  }
  return true;
}

/**
 * Why a sample covering this target was worth taking. "Only" is said when there was no other
 * choice, because that is the reason an EQA will ask about.
 */
export function coverageReason(frame: SamplingFrame, target: FrameTarget): string {
  const learnerPhrase = learnerPhrases[target.dimension];
  if (learnerPhrase && oneLearner(frame, target)) return learnerPhrase(target.value);
  if (target.items.length === 1) {
    if (target.dimension === 'unit') return `only assessment of ${target.label}`;
    if (target.dimension === 'method') return `only assessment using ${target.label}`;
    if (target.dimension === 'assessor') return `only assessment by ${target.label}`;
  }
  return `covers ${target.label}`;
}

/** "witness testimony" reads as "witness-testimony decisions" in a sentence. */
export function methodDecisions(assessorName: string, method: string): string {
  return `covers ${assessorName}'s ${method.trim().replace(/\s+/g, '-')} decisions`;
}

export function unitDecisions(assessorName: string, unitTitle: string): string {
  return `covers ${assessorName}'s decisions on unit '${unitTitle}'`;
}

export function rateReason(assessorName: string, rate: number): string {
  return `meets ${assessorName}'s ${rate}% rate`;
}
