import { z } from 'zod';
import { operation } from '../shared/operation';
import { uln } from '../centre/centre-schema';
import { isoDate } from '../shared/record';
import type { LearnerDetail } from './learner-views';
import type { QualificationPosition } from '../qualification/learner-position';

export type * from './learner-views';

export interface LearnerUnitView {
  unitId: string;
  unitVersion: number;
  title: string;
  ref: string;
  assessorName: string;
  total: number;
  met: number;
  evidenced: number;
  signedOff: boolean;
}

/** Who a learner is and where they work, as the learner list and a visit pack both show them. */
export interface LearnerHeadline {
  id: string;
  name: string;
  uln: string;
  employer: string;
  workplace: string;
  cohort: string;
}

export interface LearnerSummary extends LearnerHeadline {
  needs: string;
  archived: boolean;
  units: LearnerUnitView[];
  evidenceCount: number;
  /** Where they stand against their qualification's rules of combination, when they have one. */
  qualification: QualificationPosition | null;
  /** Why the portfolio could not be read; the learner still appears in the list. */
  problem: string | null;
}

const text = z.string().trim().max(2000);
const optionalDate = z.union([isoDate, z.literal('')]).optional();

export const learnerDetails = z.object({
  name: z.string().trim().min(1, 'Give the learner a name.').max(200),
  uln,
  dateOfBirth: optionalDate,
  employer: text.optional(),
  workplace: text.optional(),
  cohort: text.optional(),
  needs: text.optional(),
});

const learnerId = z.string().min(1);

export const learnerOperations = {
  'learner:list': operation<LearnerSummary[]>()(
    z.object({ includeArchived: z.boolean().optional() }),
  ),
  'learner:get': operation<LearnerDetail>()(z.object({ learnerId })),
  'learner:add': operation<{ id: string }>()(learnerDetails, { writes: true }),
  'learner:update': operation<{ id: string }>()(
    learnerDetails.partial().extend({ learnerId, archived: z.boolean().optional() }),
    { writes: true },
  ),
  'learner:restore-portfolio': operation<{ keptAs: string }>()(z.object({ learnerId }), {
    writes: true,
  }),
};
