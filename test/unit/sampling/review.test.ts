import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src-main/sampling/plan-schema';
import {
  assertCanReview,
  assertValidReview,
  canClaimCertification,
  reviewProblems,
} from '../../../src-main/sampling/review';
import {
  isCompleteReview,
  sampleReviewSchema,
  type SampleReview,
} from '../../../src-main/sampling/review-schema';

const decision = {
  assessorId: 'as-tom',
  decidedAt: '2026-03-05',
  unitTitle: 'Food safety',
};

const sample: Sample = {
  id: 'sm-1',
  learnerId: 'ln-ben',
  unitId: 'u-food',
  assessorId: 'as-tom',
  iqaId: 'iq-ann',
  type: 'summative',
  methods: ['witness testimony'],
  location: 'Whitby',
  plannedDate: '2026-03-20',
  reasons: [],
  origin: 'generated',
};

const met = { met: true };
function review(overrides: Partial<SampleReview> = {}): SampleReview {
  return sampleReviewSchema.parse({
    id: 'rv-1',
    updatedAt: '2026-03-20T10:00:00Z',
    updatedBy: 'iq-ann',
    sampleId: 'sm-1',
    learnerId: 'ln-ben',
    unitId: 'u-food',
    assessorId: 'as-tom',
    reviewerId: 'iq-ann',
    type: 'summative',
    reviewedOn: '2026-03-20',
    criteria: [
      { ref: '1.1', agree: true },
      { ref: '1.2', agree: true },
    ],
    vacsr: { valid: met, authentic: met, current: met, sufficient: met, reliable: met },
    feedbackQuality: { rating: 'good' },
    recordsQuality: { rating: 'adequate' },
    decision: 'agree',
    ...overrides,
  });
}

const actionPoint = {
  id: 'ap-1',
  sampleId: 'sm-1',
  what: 'Add the questions asked to the observation record',
  owner: 'as-tom',
  raisedBy: 'iq-ann',
  raisedOn: '2026-03-20',
  due: '2026-04-03',
  state: 'open' as const,
  history: [],
};

describe('a sample review', () => {
  it('refuses a reviewer who made the decision, in plain words', () => {
    expect(() => assertCanReview('as-tom', decision)).toThrow(
      "You made the assessment decision on unit 'Food safety' for this learner, so you cannot quality-assure it. Ask another IQA to review this sample.",
    );
    expect(() => assertCanReview('iq-ann', { ...decision, decidedBy: 'iq-ann' })).toThrow(
      'you cannot quality-assure it',
    );
    expect(() => assertCanReview('iq-ann', decision)).not.toThrow();
    expect(() => assertValidReview(review({ reviewerId: 'as-tom' }), decision)).toThrow(
      'you cannot quality-assure it',
    );
  });

  it('accepts a sound agreed review', () => {
    expect(reviewProblems(review(), decision)).toEqual([]);
  });

  it('will not agree while a criterion or a VACSR check fails', () => {
    const problems = reviewProblems(
      review({
        criteria: [{ ref: '1.2', agree: false, comment: 'no evidence of questioning' }],
        vacsr: {
          ...review().vacsr,
          sufficient: { met: false, comment: '' },
        },
      }),
      decision,
    );
    expect(problems).toEqual([
      "You disagree with criterion 1.2, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.",
      "The evidence is not judged sufficient, so the overall decision cannot be 'agree'. Choose 'assessor to action' or 'disagree (refer)'.",
    ]);
  });

  it('needs an action point and feedback when the assessor has to act', () => {
    expect(reviewProblems(review({ decision: 'assessor-to-action' }), decision)).toEqual([
      "An 'assessor to action' decision needs at least one action point: say what the assessor must do and by when.",
      'Write feedback to the assessor explaining why you did not agree.',
    ]);
  });

  it('dates the review after the decision it samples', () => {
    expect(reviewProblems(review({ reviewedOn: '2026-03-01' }), decision)[0]).toBe(
      'The review is dated 1 Mar 2026, before the unit decision on 5 Mar 2026. An IQA reviews a decision after it is made: check the date.',
    );
  });
});

describe('a review starts empty and completes only when answered', () => {
  const assessed = new Set(['1.1', '1.2']);
  const unanswered = { met: null, comment: '' };
  const empty = () =>
    review({
      status: 'draft',
      criteria: [
        { ref: '1.1', agree: null, comment: '' },
        { ref: '1.2', agree: null, comment: '' },
        { ref: '2.1', agree: null, comment: '' },
      ],
      vacsr: {
        valid: unanswered,
        authentic: unanswered,
        current: unanswered,
        sufficient: unanswered,
        reliable: unanswered,
      },
      feedbackQuality: { rating: null, comment: '' },
      recordsQuality: { rating: null, comment: '' },
      decision: null,
    });

  it('saves an empty draft, which is not a complete review', () => {
    expect(reviewProblems(empty(), decision, assessed)).toEqual([]);
    expect(isCompleteReview(empty())).toBe(false);
  });

  it('refuses agreement with a criterion the assessor has not decided, even in a draft', () => {
    const draft = empty();
    draft.criteria[2] = { ref: '2.1', agree: true, comment: '' };
    expect(reviewProblems(draft, decision, assessed)).toEqual([
      'The assessor has made no decision on 2.1, so there is nothing to agree with. Leave it unanswered, or disagree and say why.',
    ]);
  });

  it('names every answer a complete review still lacks', () => {
    expect(reviewProblems({ ...empty(), status: 'complete' }, decision, assessed)).toEqual([
      "Say whether you agree with the assessor's decision on 1.1, 1.2.",
      'Answer every VACSR check: valid, authentic, current, sufficient, reliable have no answer yet.',
      "Rate the quality of the assessor's feedback and of the assessment records.",
      'Choose the overall decision.',
    ]);
  });

  it('counts only a complete review towards a claim', () => {
    const draft = { ...review(), status: 'draft' as const };
    expect(canClaimCertification([{ sample, review: draft }]).allowed).toBe(false);
    expect(canClaimCertification([{ sample, review: review() }]).allowed).toBe(true);
  });
});

describe('the certification claim', () => {
  it('waits for a summative sample to be agreed', () => {
    const notYet = canClaimCertification([{ sample }]);
    expect(notYet).toEqual({
      allowed: false,
      reason:
        "This unit is in the IQA's summative sample (planned for 20 Mar 2026) and has not been reviewed yet. It can be claimed for certification once the IQA agrees the assessment.",
    });
    const toAction = canClaimCertification([
      {
        sample,
        review: review({
          decision: 'assessor-to-action',
          feedbackToAssessor: 'Record the questions you asked.',
          actionPoints: [actionPoint],
        }),
      },
    ]);
    expect(toAction.allowed).toBe(false);
    expect(toAction.allowed ? '' : toAction.reason).toContain('(1 action point still open)');
    const referred = canClaimCertification([
      { sample, review: review({ decision: 'disagree', feedbackToAssessor: 'Reassess.' }) },
    ]);
    expect(referred.allowed).toBe(false);
    expect(canClaimCertification([{ sample, review: review() }])).toEqual({ allowed: true });
  });

  it('is not held up by an interim sample or by a unit outside the sample', () => {
    expect(canClaimCertification([{ sample: { ...sample, type: 'interim' } }])).toEqual({
      allowed: true,
    });
    expect(canClaimCertification([])).toEqual({ allowed: true });
  });
});
