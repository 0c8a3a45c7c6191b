import { z } from 'zod';
import { recordFields } from '../shared/record';
import { criterionLabel } from '../kernel/criterion-key';

/**
 * One evidence item covering one criterion (or one part of it). Taking a mapping away marks it
 * removed rather than deleting it, so a merge of two copies can tell "never mapped" from "unmapped".
 */
export const mappingSchema = z.object({
  ...recordFields,
  evidenceId: z.string().min(1),
  unitId: z.string().min(1),
  criterionRef: z.string().min(1),
  partRef: z.string().min(1).nullable(),
  removed: z.boolean().default(false),
});

export type Mapping = z.infer<typeof mappingSchema>;

/** The mappings that stand: a removed one stays on file but maps nothing. */
export function activeMappings(portfolio: { mappings: readonly Mapping[] }): Mapping[] {
  return portfolio.mappings.filter((m) => !m.removed);
}

/** A criterion, or one part of it, of a unit. */
export interface CriterionTarget {
  unitId: string;
  criterionRef: string;
  partRef: string | null;
}

export function describeTarget(t: CriterionTarget): string {
  return `criterion ${criterionLabel(t.criterionRef, t.partRef)}`;
}
