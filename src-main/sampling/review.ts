import { UserError } from '../kernel/user-error';
import type { Sample } from './plan-schema';
import { madeBy, type PopulationAssessment } from './population';
import {
  isCompleteReview,
  vacsrChecks,
  vacsrLabels,
  type SampleReview,
  type VacsrCheck,
} from './review-schema';
import { formatDate } from '../kernel/dates';

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

/**
 * The refs ("7.1", "9.1 a") of the criteria and parts the assessor has decided on: the only ones
 * an IQA can agree with, and the ones a complete review must answer.
 */
export type AssessedRefs = ReadonlySet<string>;

const listed = (refs: readonly string[]) => refs.join(', ');

/** What a complete review still lacks, in the IQA's words; empty when nothing is missing. */
export function missingAnswers(review: SampleReview, assessed: AssessedRefs): string[] {
  const missing: string[] = [];
  const unanswered = review.criteria
    .filter((c) => assessed.has(c.ref) && c.agree === null)
    .map((c) => c.ref);
  const answered = new Set(review.criteria.map((c) => c.ref));
  const absent = [...assessed].filter((ref) => !answered.has(ref));
  if (unanswered.length + absent.length > 0) {
    missing.push(
      `Say whether you agree with the assessor's decision on ${listed([...unanswered, ...absent])}.`,
    );
  }
  const unticked = vacsrChecks.filter((check) => review.vacsr[check].met === null);
  if (unticked.length > 0) {
    missing.push(
      `Answer every VACSR check: ${unticked.map((check) => vacsrWord(check)).join(', ')} ${unticked.length === 1 ? 'has' : 'have'} no answer yet.`,
    );
  }
  if (review.feedbackQuality.rating === null || review.recordsQuality.rating === null) {
    missing.push("Rate the quality of the assessor's feedback and of the assessment records.");
  }
  if (review.decision === null) missing.push('Choose the overall decision.');
  return missing;
}

const vacsrWord = (check: VacsrCheck) => vacsrLabels[check].split(' ')[0]?.toLowerCase() ?? check;

/**
 * Every reason the review cannot be saved as it stands, in the IQA's words; empty when it can.
 * A draft may leave anything unanswered, but nothing in it may claim more than the IQA saw: no
 * agreement with a decision the assessor never made.
 */
export function reviewProblems(
  review: SampleReview,
  decision: SampledDecision,
  assessed?: AssessedRefs,
): string[] {
  const problems: string[] = [];
  const own = reviewerIsAssessorProblem(review.reviewerId, decision);
  if (own) problems.push(own);

  if (assessed) {
    const undecided = review.criteria
      .filter((c) => c.agree === true && !assessed.has(c.ref))
      .map((c) => c.ref);
    if (undecided.length > 0) {
      problems.push(
        `The assessor has made no decision on ${listed(undecided)}, so there is nothing to agree with. Leave ${undecided.length === 1 ? 'it' : 'them'} unanswered, or disagree and say why.`,
      );
    }
  }
  if (review.status === 'complete') {
    problems.push(...missingAnswers(review, assessed ?? new Set()));
  }

  const disagreed = review.criteria.filter((c) => c.agree === false).map((c) => c.ref);
  const unmet = vacsrChecks.filter((check) => review.vacsr[check].met === false);
  if (review.decision === 'agree') {
    if (disagreed.length > 0) {
      problems.push(
        `You disagree with criterion ${listed(disagreed)}, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.`,
      );
    }
    if (unmet.length > 0) {
      problems.push(
        `The evidence is not judged ${unmet.map(vacsrWord).join(', ')}, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.`,
      );
    }
  }
  if (review.status === 'complete') {
    if (review.decision === 'assessor-to-action' && review.actionPoints.length === 0) {
      problems.push(
        "An 'assessor to action' decision needs at least one action point: say what the assessor must do and by when.",
      );
    }
    if (
      review.decision !== 'agree' &&
      review.decision !== null &&
      !review.feedbackToAssessor.trim()
    ) {
      problems.push('Write feedback to the assessor explaining why you did not agree.');
    }
  }
  // DOMAIN.md: assessment date <= IQA date. Interim samples look at work still in progress.
  if (review.type === 'summative' && decision.decidedAt && review.reviewedOn < decision.decidedAt) {
    problems.push(
      `The review is dated ${formatDate(review.reviewedOn)}, before the unit decision on ${formatDate(decision.decidedAt)}. An IQA reviews a decision after it is made: check the date.`,
    );
  }
  for (const action of review.actionPoints) {
    if (action.due < review.reviewedOn) {
      problems.push(
        `The action point "${action.what}" is due on ${formatDate(action.due)}, before the review itself. Give it a due date on or after ${formatDate(review.reviewedOn)}.`,
      );
    }
  }
  return problems;
}

export function assertValidReview(
  review: SampleReview,
  decision: SampledDecision,
  assessed?: AssessedRefs,
): void {
  const problems = reviewProblems(review, decision, assessed);
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
    if (!review || !isCompleteReview(review)) {
      return {
        allowed: false,
        reason: `This unit is in the IQA's summative sample (planned for ${formatDate(sample.plannedDate)}) and has not been reviewed yet. It can be claimed for certification once the IQA agrees the assessment.`,
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
