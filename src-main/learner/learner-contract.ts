import { z } from 'zod';
import { operation } from '../api/operation';

export interface LearnerUnitView {
  unitId: string;
  unitVersion: number;
  title: string;
  assessorName: string;
}

export interface LearnerSummary {
  id: string;
  name: string;
  uln: string;
  employer: string;
  workplace: string;
  cohort: string;
  needs: string;
  archived: boolean;
  units: LearnerUnitView[];
}

export const learnerOperations = {
  'learner:list': operation<LearnerSummary[]>()(
    z.object({ includeArchived: z.boolean().optional() }),
  ),
};
