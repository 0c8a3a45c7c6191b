import type { CriterionDecision } from '../decision/decision-schema';
import type { Criterion, StoredUnit } from '../unit/unit-schema';
import type { Portfolio } from './portfolio-schema';

export interface CriterionCounts {
  total: number;
  met: number;
  evidenced: number;
}

export interface UnitProgress {
  unitId: string;
  criteria: CriterionCounts;
  signedOff: boolean;
}

/** The most recent decision wins; later decisions supersede earlier ones, never erase them. */
function latestOutcomes(decisions: readonly CriterionDecision[], unitId: string) {
  const latest = new Map<string, CriterionDecision>();
  for (const d of decisions) {
    if (d.unitId !== unitId) continue;
    const key = `${d.criterionRef}\u0000${d.partRef ?? ''}`;
    const seen = latest.get(key);
    if (!seen || seen.updatedAt <= d.updatedAt) latest.set(key, d);
  }
  return latest;
}

/**
 * A criterion with parts is evidenced (or met) when the criterion as a whole is, or when every
 * one of its parts is: there is no credit for part of a criterion, as there is none for part of
 * a unit.
 */
function covered(criterion: Criterion, has: (partRef: string | null) => boolean): boolean {
  if (has(null)) return true;
  return criterion.parts.length > 0 && criterion.parts.every((p) => has(p.ref));
}

export function unitProgress(portfolio: Portfolio, unit: StoredUnit): UnitProgress {
  const criteria = unit.outcomes.flatMap((o) => o.criteria);
  const mapped = new Set(
    portfolio.mappings
      .filter((m) => !m.removed && m.unitId === unit.id)
      .map((m) => `${m.criterionRef}\u0000${m.partRef ?? ''}`),
  );
  const outcomes = latestOutcomes(portfolio.decisions, unit.id);
  let met = 0;
  let evidenced = 0;
  for (const c of criteria) {
    if (covered(c, (part) => mapped.has(`${c.ref}\u0000${part ?? ''}`))) evidenced += 1;
    if (covered(c, (part) => outcomes.get(`${c.ref}\u0000${part ?? ''}`)?.outcome === 'met')) {
      met += 1;
    }
  }
  const signedOff = portfolio.signOffs.some(
    (s) => s.unitId === unit.id && s.unitVersion === unit.version && !s.withdrawn,
  );
  return { unitId: unit.id, criteria: { total: criteria.length, met, evidenced }, signedOff };
}

/** The reference people use for a unit: its Ofqual code, else the awarding body's, else its id. */
export function unitRef(unit: StoredUnit): string {
  return unit.codes.ofqual ?? unit.codes.awardingBody ?? unit.id;
}
