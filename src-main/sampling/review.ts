import { UserError } from '../api/user-error';
import { longDate } from './dates';
import type { Sample } from './plan-schema';
import { madeBy, type PopulationAssessment } from './population';
import { vacsrChecks, vacsrLabels, type SampleReview } from './review-schema';

/** What the review needs to know about the decision it samples. */
export type SampledDecision = Pick<
  PopulationAssessment,
  'assessorId' | 'decidedBy' | 'alsoDecidedBy' | 'decidedAt' | 'unitTitle'
>;

/**
 * Written once here so that opening a sample, saving a review and the CLI all refuse the same
 * way: quality assurance by the person who made the decision is no assurance at all.
 */
export function reviewerIsAssessorProblem(
  reviewerId: string,
  decision: SampledDecision,
): string | null {
  if (!madeBy(decision).includes(reviewerId)) return null;
  return `You made the assessment decision on unit '${decision.unitTitle}' for this learner, so you cannot quality-assure it. Ask another IQA to review this sample.`;
}

export function assertCanReview(reviewerId: string, decision: SampledDecision): void {
  const problem = reviewerIsAssessorProblem(reviewerId, decision);
  if (problem) throw new UserError('forbidden', problem);
}

/** Every reason the review cannot be saved as it stands, in the IQA's words; empty when it can. */
export function reviewProblems(review: SampleReview, decision: SampledDecision): string[] {
  const problems: string[] = [];
  const own = reviewerIsAssessorProblem(review.reviewerId, decision);
  if (own) problems.push(own);

  const disagreed = review.criteria.filter((c) => !c.agree).map((c) => c.ref);
  const unmet = vacsrChecks.filter((check) => !review.vacsr[check].met);
  if (review.decision === 'agree') {
    if (disagreed.length > 0) {
      problems.push(
        `You disagree with criterion ${disagreed.join(', ')}, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.`,
      );
    }
    if (unmet.length > 0) {
      const named = unmet.map((check) => vacsrLabels[check].split(' ')[0]?.toLowerCase());
      problems.push(
        `The evidence is not judged ${named.join(', ')}, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.`,
      );
    }
  }
  if (review.decision === 'assessor-to-action' && review.actionPoints.length === 0) {
    problems.push(
      "An 'assessor to action' decision needs at least one action point: say what the assessor must do and by when.",
    );
  }
  if (review.decision !== 'agree' && !review.feedbackToAssessor.trim()) {
    problems.push('Write feedback to the assessor explaining why you did not agree.');
  }
  // DOMAIN.md: assessment date <= IQA date. Interim samples look at work still in progress.
  if (review.type === 'summative' && decision.decidedAt && review.reviewedOn < decision.decidedAt) {
    problems.push(
      `The review is dated ${longDate(review.reviewedOn)}, before the unit decision on ${longDate(decision.decidedAt)}. An IQA reviews a decision after it is made: check the date.`,
    );
  }
  for (const action of review.actionPoints) {
    if (action.due < review.reviewedOn) {
      problems.push(
        `The action point "${action.what}" is due on ${longDate(action.due)}, before the review itself. Give it a due date on or after ${longDate(review.reviewedOn)}.`,
      );
    }
  }
  return problems;
}

export function assertValidReview(review: SampleReview, decision: SampledDecision): void {
  const problems = reviewProblems(review, decision);
  if (problems.length === 0) return;
  const own = reviewerIsAssessorProblem(review.reviewerId, decision);
  throw new UserError(own ? 'forbidden' : 'invalid-input', problems.join(' '));
}

export type CertificationCheck = { allowed: true } | { allowed: false; reason: string };

/**
 * A learner's unit can be claimed once every summative sample of it is agreed. A unit that was
 * not sampled summatively is not held up: the sample is risk-based, not every unit is in it.
 */
export function canClaimCertification(
  unitSamples: readonly { sample: Sample; review?: SampleReview }[],
): CertificationCheck {
  for (const { sample, review } of unitSamples) {
    if (sample.type !== 'summative') continue;
    if (!review) {
      return {
        allowed: false,
        reason: `This unit is in the IQA's summative sample (planned for ${longDate(sample.plannedDate)}) and has not been reviewed yet. It can be claimed for certification once the IQA agrees the assessment.`,
      };
    }
    if (review.decision === 'assessor-to-action') {
      const open = review.actionPoints.filter((a) => a.state !== 'closed').length;
      return {
        allowed: false,
        reason: `The IQA's summative sample asks the assessor to act${open > 0 ? ` (${open} action point${open === 1 ? '' : 's'} still open)` : ''}. It can be claimed once the IQA agrees the assessment.`,
      };
    }
    if (review.decision === 'disagree') {
      return {
        allowed: false,
        reason:
          'The IQA disagreed with the assessment in the summative sample and referred it. It cannot be claimed for certification until it is reassessed and the IQA agrees.',
      };
    }
  }
  return { allowed: true };
}
