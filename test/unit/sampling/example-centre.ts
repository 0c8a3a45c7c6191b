import type { SamplingPopulation } from '../../../src-main/sampling/population';
import { defaultStrategy } from '../../../src-main/sampling/strategy';

/**
 * A small hospitality centre: Tom is new, Priya experienced, and Ann is the only IQA and also
 * assesses one learner herself, on the only simulation in the centre.
 */
export const centre: SamplingPopulation = {
  assessors: [
    { id: 'as-tom', name: 'Tom Fletcher', status: 'new' },
    { id: 'as-priya', name: 'Priya Shah', status: 'experienced', risk: 'green' },
    { id: 'iq-ann', name: 'Ann Lee', status: 'experienced' },
  ],
  iqas: [{ id: 'iq-ann', name: 'Ann Lee' }],
  learners: [
    {
      id: 'ln-amy',
      name: 'Amy Hart',
      cohort: 'Sept 2025',
      employer: 'Harbour Hotels',
      workplace: 'Scarborough seafront hotel',
      needs: '',
    },
    ...['ben', 'cal', 'dee', 'eve', 'fin'].map((n) => ({
      id: `ln-${n}`,
      name: `Learner ${n}`,
      cohort: 'Sept 2025',
      employer: 'Moor Care',
      workplace: 'Whitby',
      needs: n === 'cal' ? 'dyslexia' : '',
    })),
  ],
  assessments: [
    {
      learnerId: 'ln-amy',
      unitId: 'u-food',
      unitTitle: 'Food safety',
      assessorId: 'as-priya',
      methods: ['direct observation'],
      location: 'Scarborough seafront hotel',
      stage: 'completed',
      decidedAt: '2026-02-10',
    },
    {
      learnerId: 'ln-ben',
      unitId: 'u-food',
      unitTitle: 'Food safety',
      assessorId: 'as-tom',
      methods: ['witness testimony', 'oral questions'],
      location: 'Whitby',
      stage: 'completed',
      decidedAt: '2026-03-05',
    },
    {
      learnerId: 'ln-cal',
      unitId: 'u-service',
      unitTitle: 'Customer service',
      assessorId: 'as-tom',
      methods: ['direct observation'],
      location: 'Whitby',
      stage: 'in-progress',
    },
    ...['dee', 'eve', 'fin'].map((n, i) => ({
      learnerId: `ln-${n}`,
      unitId: 'u-service',
      unitTitle: 'Customer service',
      assessorId: 'as-priya',
      methods: ['direct observation'],
      location: 'Whitby',
      stage: 'completed' as const,
      decidedAt: `2026-04-1${i}`,
    })),
    {
      learnerId: 'ln-fin',
      unitId: 'u-food',
      unitTitle: 'Food safety',
      assessorId: 'iq-ann',
      methods: ['simulation'],
      location: 'Whitby',
      stage: 'completed',
      decidedAt: '2026-03-20',
    },
  ],
};

export const strategy = defaultStrategy('centre-1', 'qual-hospitality', {
  from: '2026-01-01',
  to: '2026-06-30',
});
