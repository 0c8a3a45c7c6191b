import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import type { StaffMember } from '../centre/centre-schema';
import { unitConflicts } from '../portfolio/portfolio-conflicts';
import type {
  ConflictResolution,
  Portfolio,
  PortfolioConflict,
} from '../portfolio/portfolio-schema';
import { newRecord, stamp, type Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { ConflictView } from './decision-views';
import { assertUnitUnlocked } from './lock';
import { recordDecision } from './marking';
import { appended } from '../shared/appended-list';
import { criterionLabel } from '../kernel/criterion-key';

/** What the marking screen shows of each conflict: both sides, who and when, and the choices. */
export function conflictViews(
  portfolio: Portfolio,
  unitId: string,
  staff: readonly StaffMember[],
): ConflictView[] {
  const nameOf = (id: string) => staff.find((s) => s.id === id)?.name ?? id;
  return unitConflicts(portfolio, unitId).map((c) => ({
    id: c.id,
    kind: c.kind,
    target: c.criterionRef ? criterionLabel(c.criterionRef, c.partRef) : null,
    sides: c.versions.map((v) => ({
      choice: c.kind === 'sign-off' ? null : v.version,
      kind: v.kind,
      by: nameOf(v.by),
      at: v.at,
      summary: v.summary,
    })),
    choices:
      c.kind === 'sign-off'
        ? [
            { choice: 'keep-sign-off', label: 'Keep the sign-off' },
            { choice: 'reopen', label: 'Reopen the unit' },
          ]
        : c.versions.map((v) => ({ choice: v.version, label: `Keep ${nameOf(v.by)}'s` })),
  }));
}

type UnitConflict = ReturnType<typeof unitConflicts>[number];
type Choosing = { unit: StoredUnit; conflict: UnitConflict; actor: Actor; now: Date };

/** A criterion's decision or the unit feedback: the chosen side is recorded again, having seen both. */
function keepSide(portfolio: Portfolio, c: Choosing, choice: string) {
  const { unit, conflict, actor, now } = c;
  const side = conflict.versions.find((v) => v.version === choice);
  if (!side) throw new UserError('invalid-input', 'Choose one of the two sides of the conflict.');
  if (conflict.kind === 'decision') {
    const chosen = side.record as unknown as Portfolio['decisions'][number];
    const { portfolio: next } = recordDecision(
      portfolio,
      unit,
      {
        criterionRef: chosen.criterionRef,
        partRef: chosen.partRef,
        outcome: chosen.outcome,
        decidedOn: chosen.decidedOn,
        feedback: chosen.feedback,
      },
      actor,
      now,
    );
    return { next, kept: side.summary };
  }
  assertUnitUnlocked(portfolio, unit.id, unit.title);
  const chosen = side.record as unknown as Portfolio['unitFeedback'][number];
  // The resolution is recorded even when this text already stands here: it has seen both sides.
  const kept = { ...chosen, ...stamp(actor, now) };
  const next: Portfolio = {
    ...portfolio,
    unitFeedback: portfolio.unitFeedback.map((f) => (f.id === chosen.id ? kept : f)),
    resolutions: [...portfolio.resolutions, resolutionOf(conflict, 'keep-side', unit, actor, now)],
  };
  return { next, kept: side.summary };
}

/** A sign-off: kept as it was signed, or the unit reopened (sign-off and signatures voided). */
function settleSignOff(portfolio: Portfolio, c: Choosing, choice: string): Portfolio {
  const { unit, conflict, actor, now } = c;
  if (choice !== 'keep-sign-off' && choice !== 'reopen') {
    throw new UserError('invalid-input', 'Keep the sign-off, or reopen the unit.');
  }
  const next: Portfolio = {
    ...portfolio,
    resolutions: appended(portfolio.resolutions, resolutionOf(conflict, choice, unit, actor, now)),
  };
  if (choice === 'keep-sign-off') {
    // An unlock made elsewhere at the same time is overruled: the sign-off stands as it was signed.
    const signed = conflict.versions[0]!.record as unknown as Portfolio['signOffs'][number];
    return {
      ...next,
      signOffs: next.signOffs.map((s) =>
        s.id === conflict.signOffId && s.voidedAt ? { ...signed, ...stamp(actor, now) } : s,
      ),
    };
  }
  const at = now.toISOString();
  return {
    ...next,
    signOffs: next.signOffs.map((s) =>
      s.id === conflict.signOffId && !s.voidedAt
        ? {
            ...s,
            ...stamp(actor, now),
            voidedAt: at,
            voidedBy: actor.id,
            voidReason: 'Reopened: the unit changed on another computer while it was signed off.',
          }
        : s,
    ),
    signatures: next.signatures.map((s) =>
      s.unitId === unit.id && !s.voidedAt ? { ...s, ...stamp(actor, now), voidedAt: at } : s,
    ),
  };
}

/**
 * The assessor's choice on a conflict. For a criterion or the unit feedback, the chosen side is
 * recorded again as a new decision (or feedback) that has seen both, so both stay on the trail
 * and the conflict ends. For a sign-off, it is kept as it was, or the unit is reopened (the
 * sign-off and its signatures voided, as an unlock does), and the choice is recorded.
 */
export function resolveConflict(
  portfolio: Portfolio,
  unit: StoredUnit,
  conflictId: string,
  choice: string,
  actor: Actor,
  now: Date,
): Portfolio {
  const conflict = unitConflicts(portfolio, unit.id).find((c) => c.id === conflictId);
  if (!conflict) {
    throw new UserError(
      'not-found',
      'That conflict has already been resolved, on this computer or another. The screen shows what stands now.',
    );
  }
  const audited = (p: Portfolio, after: Record<string, unknown>): Portfolio => ({
    ...p,
    audit: appended(
      p.audit,
      auditEntry(actor, now, 'resolved conflict', conflict.slot, {
        before: { sides: conflict.versions },
        after,
        subject: {
          learnerId: portfolio.learnerId,
          unitId: unit.id,
          ...(conflict.criterionRef ? { criterionRef: conflict.criterionRef } : {}),
          ...(conflict.partRef ? { partRef: conflict.partRef } : {}),
        },
      }),
    ),
  });
  const choosing: Choosing = { unit, conflict, actor, now };
  if (conflict.kind !== 'sign-off') {
    const { next, kept } = keepSide(portfolio, choosing, choice);
    return audited(next, { kept });
  }
  return audited(settleSignOff(portfolio, choosing, choice), { choice });
}

function resolutionOf(
  conflict: PortfolioConflict,
  choice: ConflictResolution['choice'],
  unit: StoredUnit,
  actor: Actor,
  now: Date,
): ConflictResolution {
  return {
    ...newRecord('rs', actor, now),
    conflictId: conflict.id,
    slot: conflict.slot,
    unitId: unit.id,
    choice,
  };
}
