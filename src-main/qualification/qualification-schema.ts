import { z } from 'zod';
import { levelPattern } from './level';

export const optionalGroupSchema = z
  .object({
    title: z.string().min(1),
    unitIds: z.array(z.string().min(1)),
    minCredits: z.number().nonnegative().default(0),
    maxCredits: z.number().nonnegative().nullable().default(null),
  })
  .refine((g) => g.maxCredits === null || g.maxCredits >= g.minCredits, {
    message: 'The most credits a group allows cannot be fewer than the least it needs.',
    path: ['maxCredits'],
  });

/** A qualification and its rules of combination (DOMAIN.md: "What is assessed"). */
export const qualificationSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The qualification number, such as 601/1234/5. */
  number: z.string().nullable().default(null),
  awardingBody: z.string().nullable().default(null),
  /** Demo data is labelled as such wherever it is shown. */
  demo: z.boolean().default(false),
  mandatoryUnitIds: z.array(z.string().min(1)).default([]),
  optionalGroups: z.array(optionalGroupSchema).default([]),
  minTotalCredits: z.number().nonnegative().default(0),
  minCreditsAtOrAboveLevel: z
    .object({
      level: z.string().regex(levelPattern, 'Write the level as 1 to 8 or Entry 1 to Entry 3.'),
      credits: z.number().positive(),
    })
    .nullable()
    .default(null),
});

export type OptionalGroup = z.infer<typeof optionalGroupSchema>;
export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationInput = z.input<typeof qualificationSchema>;
