import { z } from 'zod';
import { operation } from '../shared/operation';
import { stagedId } from '../evidence/evidence-contract';
import { isoDate } from '../shared/record';
import type { StoredTemplate } from './template-schema';
import { templateContentSchema } from './template-schema';
import type { MadeFormView, TestimonyOverview } from './testimony-views';

const learnerId = z.string().min(1);
const text = z.string().trim().max(5000);
const long = z.string().trim().max(50_000);

/** A returned paper form, scan, photo or DOCX as the assessor types it in. */
export const typedTestimonySchema = z.object({
  formId: z.string().min(1).nullable(),
  unitId: z.string().min(1),
  activityDate: text,
  activityTime: text,
  venue: text,
  description: long,
  criteria: z
    .array(
      z.object({
        criterionRef: z.string().min(1),
        partRef: z.string().min(1).nullable(),
        how: text,
      }),
    )
    .max(500),
  witness: z.object({
    witnessId: z.string().min(1).nullable(),
    name: z.string().trim().min(1, 'Give the witness’s name as written on the form.').max(200),
    jobTitle: text,
    relationship: text,
    contact: text,
    competence: text,
    claimsExpert: z.boolean(),
  }),
  declaredNotRelated: z.boolean(),
  declaredOwnAccount: z.boolean(),
  signedOn: text,
  otherFields: z.record(z.string().max(300), text).default({}),
});

export const testimonyOperations = {
  'witness:templates': operation<{
    latest: StoredTemplate[];
    versions: StoredTemplate[];
    problems: string[];
  }>()(z.object({})),
  'witness:template-save': operation<{ id: string; version: number }>()(
    z.object({ templateId: z.string().min(1).nullable(), content: templateContentSchema }),
    { writes: true },
  ),
  'witness:testimonies': operation<TestimonyOverview>()(z.object({ learnerId })),
  'witness:form': operation<MadeFormView>()(
    z.object({
      learnerId,
      unitId: z.string().min(1),
      criteria: z.array(z.string().min(1).max(40)).max(500),
      witnessId: z.string().min(1).nullable(),
      format: z.enum(['pdf', 'docx']),
    }),
    { writes: true },
  ),
  'witness:withdraw-form': operation<{ id: string }>()(
    z.object({ learnerId, formId: z.string().min(1) }),
    { writes: true },
  ),
  'witness:record-typed': operation<{ evidenceId: string }>()(
    z.object({ learnerId, typed: typedTestimonySchema }),
    { writes: true },
  ),
  /**
   * A returned form sent to the workbench: without `typed` it must be a fillable PDF, whose
   * fields are read; with it (a scan, photo or DOCX) the file is kept with what was typed.
   */
  'witness:import-staged': operation<{ evidenceId: string }>()(
    z.object({ learnerId, stagedId, typed: typedTestimonySchema.optional() }),
    { writes: true },
  ),
  'witness:authenticity': operation<{ id: string }>()(
    z.object({
      learnerId,
      testimonyId: z.string().min(1),
      checkedOn: isoDate,
      how: z
        .string()
        .trim()
        .min(1, 'Say how you checked the testimony, e.g. "phoned the witness".')
        .max(2000),
    }),
    { writes: true },
  ),
};
