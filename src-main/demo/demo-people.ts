import type { NewLearner } from '../centre/roster';
import { ulnCheckDigit } from '../centre/uln';

/** Completes nine digits into a valid ULN (the prefixes below are chosen so that it exists). */
function demoUln(firstNine: string): string {
  const check = ulnCheckDigit(firstNine);
  if (check === null) throw new Error(`No ULN starts ${firstNine}`);
  return `${firstNine}${check}`;
}

export const demoCentre = {
  name: 'Northgate Skills Centre (demo)',
  number: 'DEMO-40218',
  awardingBodies: ['OCN London'],
  demo: true,
};

export const demoAssessors = {
  qualified: { name: 'Priya Sharma', email: 'priya.sharma@example.org' },
  workingTowards: { name: 'Tom Fletcher', email: 'tom.fletcher@example.org' },
};

export const demoIqa = { name: 'Margaret Ellis', email: 'margaret.ellis@example.org' };
export const demoEqa = { name: 'Dr Helen Carter', email: 'helen.carter@example.org' };

/** Six learners with varied employers, places and needs; the names test every printer path. */
export const demoLearners: (NewLearner & { assessor: 'qualified' | 'workingTowards' })[] = [
  {
    name: 'Amara Okafor',
    uln: demoUln('100000001'),
    employer: 'Riverside Leisure Centre',
    workplace: 'Leeds',
    cohort: 'September 2026',
    needs: '',
    assessor: 'qualified',
  },
  {
    name: 'Łukasz Wójcik',
    uln: demoUln('100000002'),
    employer: 'Northern Rail Services',
    workplace: 'York station',
    cohort: 'September 2026',
    needs: 'Dyslexia: 25% extra time for written questions; coloured overlays.',
    assessor: 'workingTowards',
  },
  {
    name: 'Nguyễn Thị Hoa',
    uln: demoUln('100000003'),
    employer: 'Harbour Hotel Group',
    workplace: 'Hull marina hotel',
    cohort: 'January 2026',
    needs: 'English as an additional language: bilingual glossary allowed.',
    assessor: 'qualified',
  },
  {
    name: "Zoë O'Brien",
    uln: demoUln('100000004'),
    employer: 'Greenfield Garden Centres',
    workplace: 'Harrogate',
    cohort: 'January 2026',
    needs: '',
    assessor: 'workingTowards',
  },
  {
    name: 'Siobhán Ní Bhriain',
    uln: demoUln('100000005'),
    dateOfBirth: '1994-03-17',
    employer: 'City Council Contact Centre',
    workplace: 'Bradford',
    cohort: 'September 2026',
    needs: 'Hearing impairment: observations and discussions in a quiet room.',
    assessor: 'qualified',
  },
  {
    name: 'Daniel Hughes',
    uln: demoUln('100000007'),
    employer: 'Harbour Hotel Group',
    workplace: 'Scarborough seafront hotel',
    cohort: 'January 2026',
    needs: '',
    assessor: 'workingTowards',
  },
];

/** One line manager per demo learner, in the same order, to write their witness testimony. */
export const demoWitnessNames = [
  'Karen Mitchell',
  'Graham Booth',
  'Aisha Rahman',
  'Peter Lindqvist',
  'Fiona McAllister',
  'Owen Griffiths',
];
