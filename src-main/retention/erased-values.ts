import path from 'node:path';
import type { Learner } from '../centre/centre-schema';
import { formatDate } from '../kernel/dates';
import type { ErasureScope } from '../portfolio/erasure-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';

/** Every personal value the erasure takes, so text holding one anywhere is found. */
export function erasedValues(
  learner: Learner,
  portfolio: Portfolio,
  scope: ErasureScope,
): string[] {
  const values: string[] = [];
  for (const e of portfolio.evidence) {
    values.push(e.title, e.location, e.producedBy, e.notes, e.record);
    if (e.file) values.push(e.file.originalName, path.posix.basename(e.file.path));
  }
  for (const t of portfolio.testimonies) {
    const w = t.witness;
    values.push(
      w.name,
      w.contact,
      w.jobTitle,
      w.relationship,
      w.competence,
      t.venue,
      t.description,
    );
    for (const c of t.criteria) values.push(c.how);
  }
  for (const f of portfolio.witnessForms) values.push(f.witnessName);
  if (scope === 'learner') {
    values.push(learner.name, learner.uln, learner.employer, learner.workplace, learner.needs);
    if (learner.dateOfBirth) values.push(learner.dateOfBirth);
    for (const s of portfolio.signatures)
      if (s.role === 'learner' && s.typedName) values.push(s.typedName);
  }
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/**
 * The erased values that identify a person, looked for in every QA text (never her evidence
 * titles, notes or a witness's relationship, which others' notes may say too): her name, each
 * typed signature name, ULN, date of birth as stored and as shown, employer, workplace, and her
 * witnesses' names and contact details.
 */
export function identityValues(
  learner: Learner,
  portfolio: Portfolio,
  scope: ErasureScope,
): string[] {
  const values: string[] = [];
  for (const t of portfolio.testimonies) values.push(t.witness.name, t.witness.contact);
  for (const f of portfolio.witnessForms) values.push(f.witnessName);
  if (scope === 'learner') {
    values.push(learner.name, learner.uln, learner.employer, learner.workplace);
    if (learner.dateOfBirth) values.push(learner.dateOfBirth, formatDate(learner.dateOfBirth));
    for (const s of portfolio.signatures)
      if (s.role === 'learner' && s.typedName) values.push(s.typedName);
  }
  return [...new Set(values.map((v) => v.normalize('NFC').trim()).filter((v) => v.length >= 3))];
}
