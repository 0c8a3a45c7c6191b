import type { CentreFile } from '../centre/centre-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitRef } from '../kernel/unit-label';
import { formatDate } from '../kernel/dates';
import type { StoredUnit } from '../unit/unit-schema';
import type { NameOf } from './audit-words';

/** Every id a learner's audit trail can mention, with what a person calls it. */
export function auditNames(
  centre: Pick<CentreFile, 'staff' | 'learners' | 'witnesses'>,
  units: readonly StoredUnit[],
  portfolio: Portfolio,
): NameOf {
  const names = new Map<string, string>();
  for (const u of units) names.set(u.id, unitRef(u));
  const unitName = (id: string) => names.get(id) ?? 'a unit';
  for (const p of [...centre.staff, ...centre.learners, ...centre.witnesses])
    names.set(p.id, p.name);
  for (const e of portfolio.evidence) names.set(e.id, `“${e.title}”`);
  for (const r of portfolio.registrations) names.set(r.id, `on ${unitName(r.unitId)}`);
  for (const f of portfolio.witnessForms) {
    names.set(f.id, `for ${unitName(f.unitId)} sent ${formatDate(f.sentAt)}`);
  }
  for (const p of portfolio.assessmentPlans) {
    names.set(
      p.id,
      p.agreedOn
        ? `agreed ${formatDate(p.agreedOn)}`
        : `drafted ${formatDate(p.updatedAt)} (not yet agreed)`,
    );
  }
  for (const r of portfolio.progressReviews) names.set(r.id, `held ${formatDate(r.heldOn)}`);
  return (id) => names.get(id);
}
