import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { AuditEntry } from '../audit/audit-schema';
import { assertUnitUnlocked } from '../decision/lock';
import { registeredUnit } from '../portfolio/registered-units';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { appended } from '../shared/appended-list';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import {
  activeMappings,
  describeTarget,
  type CriterionTarget,
  type Mapping,
} from '../portfolio/mapping-schema';
import { unitCriterionKey } from '../kernel/criterion-key';
import { findCriterion } from '../unit/unit-outline';

interface Pair {
  evidenceId: string;
  target: CriterionTarget;
}

const pairKey = (p: Pair) => `${p.evidenceId}\u0000${unitCriterionKey(p.target)}`;

/** A target must be a criterion (or one of its parts) of a unit version the learner is on. */
export function checkTarget(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  target: CriterionTarget,
): void {
  const unit = registeredUnit({ portfolio, units }, target.unitId)?.unit;
  if (!unit) {
    throw new UserError(
      'invalid-input',
      'The learner is not registered on that unit, so evidence cannot be mapped to it. Register them on the unit first.',
    );
  }
  const criterion = findCriterion(unit, target.criterionRef);
  if (!criterion) {
    throw new UserError(
      'invalid-input',
      `Criterion ${target.criterionRef} is not in ${unit.title} (version ${unit.version}).`,
    );
  }
  if (target.partRef !== null && !criterion.parts.some((p) => p.ref === target.partRef)) {
    throw new UserError(
      'invalid-input',
      `Criterion ${target.criterionRef} has no part ${target.partRef} in this unit version.`,
    );
  }
}

function checkEvidence(portfolio: Portfolio, evidenceId: string): void {
  const evidence = portfolio.evidence.find((e) => e.id === evidenceId);
  if (!evidence || evidence.archived) {
    throw new UserError('not-found', 'That evidence item is not in this portfolio.');
  }
}

/** Adds and removes mappings, each change on the audit trail with what it was about. */
function applyChanges(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  add: Pair[],
  remove: Pair[],
  actor: Actor,
  now: Date,
): Portfolio {
  // A signed-off unit's mappings are part of what was signed: they change only after an unlock.
  for (const unitId of new Set([...add, ...remove].map((p) => p.target.unitId))) {
    assertUnitUnlocked(portfolio, unitId, units.find((u) => u.id === unitId)?.title ?? 'This unit');
  }
  const mappings = [...portfolio.mappings];
  const entries: AuditEntry[] = [];
  const index = new Map(
    mappings.map((m, i) => [pairKey({ evidenceId: m.evidenceId, target: m }), i]),
  );
  const record = (pair: Pair, removed: boolean) => {
    const at = index.get(pairKey(pair));
    const existing = at === undefined ? undefined : mappings[at];
    if (existing && existing.removed === removed) return;
    const mapping: Mapping = existing
      ? { ...existing, removed, ...stamp(actor, now) }
      : {
          id: newId('mp'),
          ...stamp(actor, now),
          evidenceId: pair.evidenceId,
          ...pair.target,
          removed,
        };
    if (at === undefined) mappings.push(mapping);
    else mappings[at] = mapping;
    const title =
      portfolio.evidence.find((e) => e.id === pair.evidenceId)?.title ?? pair.evidenceId;
    entries.push(
      auditEntry(
        actor,
        now,
        removed ? 'unmapped evidence' : 'mapped evidence',
        `${title} → ${describeTarget(pair.target)}`,
        {
          before: { mapped: removed },
          after: { mapped: !removed },
          subject: {
            learnerId: portfolio.learnerId,
            unitId: pair.target.unitId,
            criterionRef: pair.target.criterionRef,
            ...(pair.target.partRef ? { partRef: pair.target.partRef } : {}),
            evidenceId: pair.evidenceId,
          },
        },
      ),
    );
  };
  for (const pair of remove) record(pair, true);
  for (const pair of add) record(pair, false);
  return { ...portfolio, mappings, audit: appended(portfolio.audit, ...entries) };
}

/** From the evidence side: exactly these criteria (and parts) for one evidence item. */
export function setTargetsForEvidence(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  evidenceId: string,
  targets: CriterionTarget[],
  actor: Actor,
  now: Date,
): Portfolio {
  checkEvidence(portfolio, evidenceId);
  for (const target of targets) checkTarget(portfolio, units, target);
  const wanted = new Map(targets.map((t) => [unitCriterionKey(t), t]));
  const current = activeMappings(portfolio).filter((m) => m.evidenceId === evidenceId);
  const remove = current
    .filter((m) => !wanted.has(unitCriterionKey(m)))
    .map((m) => ({ evidenceId, target: m }));
  const have = new Set(current.map((m) => unitCriterionKey(m)));
  const add = [...wanted.values()]
    .filter((t) => !have.has(unitCriterionKey(t)))
    .map((target) => ({ evidenceId, target }));
  return applyChanges(portfolio, units, add, remove, actor, now);
}

/** From the criterion side: exactly these evidence items for one criterion or part. */
export function setEvidenceForTarget(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  target: CriterionTarget,
  evidenceIds: string[],
  actor: Actor,
  now: Date,
): Portfolio {
  checkTarget(portfolio, units, target);
  for (const id of evidenceIds) checkEvidence(portfolio, id);
  const key = unitCriterionKey(target);
  const current = activeMappings(portfolio).filter((m) => unitCriterionKey(m) === key);
  const wanted = new Set(evidenceIds);
  const remove = current
    .filter((m) => !wanted.has(m.evidenceId))
    .map((m) => ({ evidenceId: m.evidenceId, target }));
  const have = new Set(current.map((m) => m.evidenceId));
  const add = [...wanted]
    .filter((id) => !have.has(id))
    .map((evidenceId) => ({ evidenceId, target }));
  return applyChanges(portfolio, units, add, remove, actor, now);
}
