import { z } from 'zod';

import { assessmentMethods } from '../kernel/assessment-methods';

export { assessmentMethods };

export const partSchema = z.object({
  ref: z.string().min(1),
  text: z.string(),
});

export const criterionSchema = z.object({
  ref: z.string().min(1),
  text: z.string(),
  parts: z.array(partSchema),
});

export const outcomeKinds = ['knowledge', 'competence'] as const;

export const outcomeSchema = z.object({
  ref: z.string().min(1),
  text: z.string(),
  kind: z.enum(outcomeKinds),
  criteria: z.array(criterionSchema),
});

export const methodUseSchema = z.object({
  name: z.string().min(1),
  use: z.enum(['prescribed', 'optional']),
});

/** A unit specification as the importer reads it (the `spec import --json` shape). */
export const unitSpecSchema = z.object({
  title: z.string(),
  level: z.string().nullable(),
  credits: z.number().nullable(),
  glh: z.number().nullable(),
  codes: z.object({
    ofqual: z.string().nullable(),
    awardingBody: z.string().nullable(),
    /** The unit's number in its qualification ("Unit 204"), where the specification gives one. */
    unitNumber: z.string().nullable().optional(),
  }),
  outcomes: z.array(outcomeSchema),
  methods: z.array(methodUseSchema),
  guidance: z.array(z.string()),
});

/** A unit as a workspace keeps it: one file per version under `units/`. */
export const storedUnitSchema = unitSpecSchema.extend({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  version: z.number().int().positive(),
  awardingBody: z.string().nullable(),
  builtIn: z.boolean(),
  source: z.object({
    fileName: z.string(),
    text: z.string(),
    importedAt: z.iso.datetime({ offset: true }),
  }),
});

export type Part = z.infer<typeof partSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type OutcomeKind = (typeof outcomeKinds)[number];
export type MethodUse = z.infer<typeof methodUseSchema>;
export type UnitSpec = z.infer<typeof unitSpecSchema>;
export type StoredUnit = z.infer<typeof storedUnitSchema>;
