import { createHash } from 'node:crypto';
import type { ChangeFold, SlotVersion } from '../storage/change-log/change-fold';
import type { Portfolio, PortfolioConflict } from './portfolio-schema';

const SIGN_KINDS = new Set(['sign-off', 'countersign']);
const AGAINST_SIGN = new Set(['decision', 'unlock']);

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function describe(v: SlotVersion): PortfolioConflict['versions'][number] {
  const r = (v.record ?? {}) as Record<string, unknown>;
  const by = String(r.updatedBy ?? '');
  const at = String(r.updatedAt ?? '');
  let summary: string;
  switch (v.kind) {
    case 'decision':
      summary = `${String(r.outcome)} on ${String(r.decidedOn)}${r.feedback ? `: ${String(r.feedback)}` : ''}`;
      break;
    case 'feedback':
      summary = `feedback: ${String(r.feedback ?? '')} / learner comments: ${String(r.learnerComments ?? '')}`;
      break;
    case 'unlock':
      summary = `unlocked: ${String(r.voidReason ?? '')}`;
      break;
    case 'countersign':
      summary = 'countersigned';
      break;
    default:
      summary = v.kind ?? 'changed';
  }
  return {
    version: v.version,
    kind: v.kind ?? '',
    recordId: String(r.id ?? ''),
    by,
    at,
    summary,
    record: { ...r },
  };
}

const decidedAs = (v: SlotVersion) => {
  const r = (v.record ?? {}) as Record<string, unknown>;
  return v.kind === 'feedback'
    ? JSON.stringify([r.feedback ?? '', r.learnerComments ?? ''])
    : JSON.stringify([r.outcome, r.feedback ?? '']);
};

/**
 * The true conflicts of one slot. A criterion or the unit feedback is in conflict while it has
 * more than one version nobody has seen past and they say different things: deciding it again
 * (having seen both) is the assessor's choice. A sign-off is in conflict with every decision or
 * unlock made concurrently with it (neither had seen the other), until the assessor chooses.
 */
export function slotConflicts(
  fold: ChangeFold,
  slot: string,
  resolved: ReadonlySet<string>,
): PortfolioConflict[] {
  const [kind, unitId = '', criterionRef = null, part = null] = slot.split('/');
  if (kind === 'criterion' || kind === 'feedback') {
    const heads = fold.heads(slot).sort((a, b) => (a.version < b.version ? -1 : 1));
    if (heads.length < 2 || new Set(heads.map(decidedAs)).size < 2) return [];
    return [
      {
        id: `c-${shortHash(`${slot}\u0000${heads.map((h) => h.version).join('\u0000')}`)}`,
        kind: kind === 'criterion' ? 'decision' : 'feedback',
        slot,
        unitId,
        criterionRef: kind === 'criterion' ? criterionRef : null,
        partRef: kind === 'criterion' && part !== '-' ? part : null,
        signOffId: null,
        versions: heads.map(describe),
      },
    ];
  }
  if (kind !== 'unit') return [];
  const state = fold.slots.get(slot);
  if (!state) return [];
  const signs = [...SIGN_KINDS].flatMap((k) =>
    [...(state.byKind.get(k) ?? [])].map((version) => state.versions.get(version)!),
  );
  if (!signs.length) return [];
  const seenBy = new Map<string, string[]>();
  for (const v of state.versions.values()) {
    for (const b of v.base) seenBy.set(b, [...(seenBy.get(b) ?? []), v.version]);
  }
  const walk = (from: string, next: (v: string) => readonly string[]) => {
    const reached = new Set<string>();
    const stack = [...next(from)];
    while (stack.length) {
      const v = stack.pop()!;
      if (reached.has(v)) continue;
      reached.add(v);
      stack.push(...next(v));
    }
    return reached;
  };
  const conflicts: PortfolioConflict[] = [];
  for (const sign of signs) {
    const id = `s-${shortHash(`${slot}\u0000${sign.version}`)}`;
    if (resolved.has(id)) continue;
    const before = walk(sign.version, (v) => state.versions.get(v)?.base ?? []);
    const after = walk(sign.version, (v) => seenBy.get(v) ?? []);
    const concurrent = [...state.versions.values()]
      .filter(
        (v) =>
          v.version !== sign.version &&
          AGAINST_SIGN.has(v.kind ?? '') &&
          !before.has(v.version) &&
          !after.has(v.version) &&
          // An unlock of this very sign-off made before it was countersigned elsewhere counts; an
          // unlock of another sign-off that this one already replaced does not.
          (v.kind !== 'unlock' || (v.record as { id?: string } | null)?.id === sign.record?.id),
      )
      .sort((a, b) => (a.version < b.version ? -1 : 1));
    if (!concurrent.length) continue;
    conflicts.push({
      id,
      kind: 'sign-off',
      slot,
      unitId,
      criterionRef: null,
      partRef: null,
      signOffId: String(sign.record?.id ?? ''),
      versions: [describe(sign), ...concurrent.map(describe)],
    });
  }
  return conflicts;
}

/** The conflicts a portfolio holds; an empty list for one read without its changes. */
export function conflictsOf(portfolio: Portfolio): readonly PortfolioConflict[] {
  return portfolio.conflicts ?? [];
}

/** Sign-offs that do not count while a conflict about them stands. */
export function conflictedSignOffs(portfolio: Portfolio): Set<string> {
  return new Set(
    conflictsOf(portfolio)
      .filter((c) => c.kind === 'sign-off' && c.signOffId)
      .map((c) => c.signOffId!),
  );
}

export function unitConflicts(portfolio: Portfolio, unitId: string): PortfolioConflict[] {
  return conflictsOf(portfolio).filter((c) => c.unitId === unitId);
}
