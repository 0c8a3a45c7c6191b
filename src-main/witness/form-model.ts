import { UserError } from '../kernel/user-error';
import type { StoredUnit } from '../unit/unit-schema';
import type { FormCriterion } from '../portfolio/testimony-schema';
import type { StoredTemplate } from './template-schema';
import type { Witness } from '../centre/witness-schema';

/** Everything a testimony form prints, gathered once so the PDF and the DOCX say the same. */
export interface FormModel {
  formId: string;
  centreName: string;
  learner: { id: string; name: string; uln: string };
  assessorName: string;
  unit: { id: string; version: number; title: string; ref: string; level: string | null };
  criteria: FormCriterion[];
  witness: Pick<
    Witness,
    'name' | 'jobTitle' | 'relationship' | 'contact' | 'competence' | 'expert'
  > | null;
  template: StoredTemplate;
  /** When the form was made, ISO; printed, and fixes the PDF's dates. */
  generatedAt: string;
}

/** Values the form starts with: who the assessor asked, so the witness only corrects them. */
export function prefilledValues(model: FormModel): Record<string, string> {
  const w = model.witness;
  return w
    ? {
        witnessName: w.name,
        jobTitle: w.jobTitle,
        relationship: w.relationship,
        contact: w.contact,
        competence: w.competence,
      }
    : {};
}

export const criterionField = (index: number) => `criterion-${index + 1}`;
export const howField = (field: string) => `${field}-how`;

const compact = (ref: string) => ref.replace(/[\s()]/g, '').toLowerCase();

/**
 * The criteria (or parts) a form asks about, with their full wording. "7.1" asks about the
 * criterion (each of its parts, where it has them); "9.1a" or "9.1 a" one part. None: all.
 */
export function chooseCriteria(unit: StoredUnit, refs: readonly string[]): FormCriterion[] {
  const all = unit.outcomes.flatMap((o) =>
    o.criteria.flatMap((c): Omit<FormCriterion, 'field'>[] =>
      c.parts.length
        ? c.parts.map((p) => ({
            criterionRef: c.ref,
            partRef: p.ref,
            text: `${c.text} ${p.ref}) ${p.text}`.replace(/\s+/g, ' ').trim(),
          }))
        : [{ criterionRef: c.ref, partRef: null, text: c.text }],
    ),
  );
  const wanted = refs.map((r) => r.trim()).filter((r) => r !== '');
  const chosen = wanted.length
    ? all.filter((t) =>
        wanted.some(
          (w) =>
            compact(w) === compact(t.criterionRef) ||
            compact(w) === compact(`${t.criterionRef}${t.partRef ?? ''}`),
        ),
      )
    : all;
  const unknown = wanted.filter(
    (w) =>
      !all.some(
        (t) =>
          compact(w) === compact(t.criterionRef) ||
          compact(w) === compact(`${t.criterionRef}${t.partRef ?? ''}`),
      ),
  );
  if (unknown.length) {
    throw new UserError(
      'invalid-input',
      `${unit.title} has no criterion ${unknown.join(', ')}. Its criteria are ${[...new Set(all.map((t) => t.criterionRef))].join(', ')}.`,
    );
  }
  return chosen.map((t, i) => ({ ...t, field: criterionField(i) }));
}
