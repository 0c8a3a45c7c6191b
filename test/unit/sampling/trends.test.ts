import { describe, expect, it } from 'vitest';
import type { AssessorCompliance, PlanVsActual } from '../../../src-main/sampling/dashboard';
import type { Sample } from '../../../src-main/sampling/plan-schema';
import { sampleReviewSchema, type SampleReview } from '../../../src-main/sampling/review-schema';
import { samplingTrends } from '../../../src-main/sampling/trends';

const met = { met: true };
const names: Record<string, string> = { 'as-tom': 'Tom Fletcher', 'as-priya': 'Priya Shah' };
const person = (id: string) => names[id] ?? id;

function sample(id: string, assessorId: string, methods: string[]): Sample {
  return {
    id,
    learnerId: `ln-${id}`,
    unitId: 'u1',
    assessorId,
    iqaId: 'iq-ann',
    type: 'interim',
    methods,
    location: '',
    plannedDate: '2026-03-01',
    reasons: ['covers unit'],
    origin: 'generated',
  };
}

function review(
  sampleId: string,
  assessorId: string,
  decision: SampleReview['decision'],
  sufficient = true,
) {
  return sampleReviewSchema.parse({
    id: `rv-${sampleId}`,
    updatedAt: '2026-03-02T10:00:00Z',
    updatedBy: 'iq-ann',
    sampleId,
    learnerId: `ln-${sampleId}`,
    unitId: 'u1',
    assessorId,
    reviewerId: 'iq-ann',
    type: 'interim',
    reviewedOn: '2026-03-02',
    criteria: [],
    vacsr: {
      valid: met,
      authentic: met,
      current: met,
      sufficient: { met: sufficient },
      reliable: met,
    },
    feedbackQuality: { rating: decision === 'agree' ? 'good' : 'needs improvement' },
    recordsQuality: { rating: 'good' },
    decision,
  });
}

const progress: PlanVsActual = {
  planned: 4,
  done: 3,
  doneLate: 0,
  overdue: 1,
  upcoming: 0,
  byMonth: [],
  samples: [],
};

const compliance = (done: number): AssessorCompliance[] => [
  {
    assessorId: 'as-tom',
    name: 'Tom Fletcher',
    rate: 100,
    assessments: 3,
    required: 3,
    planned: 3,
    done,
    share: 0,
    compliant: done >= 3,
    status: done >= 3 ? 'compliant' : 'not compliant',
  },
];

describe('trends for the EQA', () => {
  it('names the assessor, the failing check and the method behind the disagreements', () => {
    const samples = [
      sample('a', 'as-tom', ['witness testimony', 'direct observation']),
      sample('b', 'as-tom', ['witness testimony']),
      sample('c', 'as-priya', ['essay']),
    ];
    const trends = samplingTrends({
      samples,
      reviews: [
        review('a', 'as-tom', 'assessor-to-action', false),
        review('b', 'as-tom', 'disagree', false),
        review('c', 'as-priya', 'agree'),
      ],
      compliance: compliance(2),
      progress,
      overdueActions: [],
      gaps: ['no sample covers method simulation'],
      person,
    });
    expect(trends).toEqual([
      'Tom Fletcher: 2 of 2 reviewed samples not agreed (assessor to action or referred).',
      'Evidence was not judged sufficient in 2 of 3 reviews.',
      'Every sample not agreed (2) used witness testimony.',
      'Assessor feedback to learners needed improving in 2 of 3 reviews.',
      '1 sample past the planned date and not yet done.',
      "Tom Fletcher's sample is behind the 100% rate: 2 of the 3 needed have been carried out.",
      '1 coverage gap in the plan (listed above).',
    ]);
  });

  it('says nothing when every sample is agreed, done and the rates are met', () => {
    expect(
      samplingTrends({
        samples: [sample('a', 'as-tom', ['essay'])],
        reviews: [review('a', 'as-tom', 'agree')],
        compliance: compliance(3),
        progress: { ...progress, overdue: 0 },
        overdueActions: [],
        gaps: [],
        person,
      }),
    ).toEqual([]);
  });
});
