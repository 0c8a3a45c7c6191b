import { z } from 'zod';
import { operation } from '../shared/operation';
import type { QualificationAssessment } from './assess-qualification';
import { qualificationSchema, type Qualification } from './qualification-schema';

export const qualificationOperations = {
  'qualification:list': operation<{ qualifications: Qualification[]; problems: string[] }>()(
    z.object({}),
  ),
  'qualification:save': operation<Qualification>()(
    qualificationSchema.extend({ id: z.string().min(1).optional() }),
    { writes: true },
  ),
  'qualification:assess': operation<QualificationAssessment>()(
    z.object({ qualificationId: z.string().min(1), achievedUnitIds: z.array(z.string()) }),
  ),
};
