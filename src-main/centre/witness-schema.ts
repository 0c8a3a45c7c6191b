import { z } from 'zod';
import { recordFields } from '../shared/record';

/**
 * Someone who saw a learner at work and writes a testimony, usually a line manager. Contact
 * details are kept so the assessor can check the testimony is genuine.
 */
export const witnessSchema = z.object({
  ...recordFields,
  name: z.string().trim().min(1, 'A name is needed.'),
  jobTitle: z.string().default(''),
  employer: z.string().default(''),
  /** How they know the learner (e.g. "line manager"); a relative may not be a witness. */
  relationship: z.string().default(''),
  contact: z.string().default(''),
  /** Occupationally competent and named in the assessment plan in advance. */
  expert: z.boolean().default(false),
  /** For an expert witness: the role, qualifications or CV that show competence. */
  competence: z.string().default(''),
  archived: z.boolean().default(false),
});

export type Witness = z.infer<typeof witnessSchema>;
