import type { FieldConflict } from '../storage/document-log';
import { newId } from '../shared/ids';
import type { Actor } from '../shared/record';
import type { AuditEntry, AuditSubject } from './audit-schema';

export interface AuditChange {
  before?: unknown;
  after?: unknown;
  subject?: AuditSubject;
}

/** One line of the trail: who, in which role, when, what, and before → after. */
export function auditEntry(
  actor: Actor,
  now: Date,
  action: string,
  target: string,
  change: AuditChange = {},
): AuditEntry {
  return {
    id: newId('au'),
    at: now.toISOString(),
    by: actor.id,
    role: actor.role,
    action,
    target,
    ...change,
  };
}

export interface AuditFilter {
  unitId?: string;
  criterionRef?: string;
  evidenceId?: string;
}

/** The entries about one unit, one criterion of it, or one evidence item; all when no filter. */
export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter((entry) => {
    const s = entry.subject ?? {};
    if (filter.unitId && s.unitId !== filter.unitId) return false;
    if (filter.criterionRef && s.criterionRef !== filter.criterionRef) return false;
    if (filter.evidenceId && s.evidenceId !== filter.evidenceId) return false;
    return true;
  });
}

/** Only what changed between two records, so the trail stays short and readable. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  ignore: readonly string[] = ['updatedAt', 'updatedBy'],
): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T & string>;
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return Object.keys(now).length || Object.keys(was).length ? { before: was, after: now } : null;
}

/**
 * A sync engine's conflict copy merged into a workbench file, on that file's audit trail: which
 * copy, where it now is, and each value the two copies gave differently (the one kept and the
 * other), so nothing either computer recorded is lost from sight.
 */
export function withMergedCopy<D extends { audit: readonly AuditEntry[] }>(
  data: D,
  merged: {
    copy: string;
    differences: readonly { where: string; kept: unknown; other: unknown }[];
  },
  keptIn: string,
  now = new Date(),
): D {
  const entry = auditEntry(
    { id: 'workbench', role: 'system' },
    now,
    'merged sync conflict copy',
    merged.copy,
    { after: { keptIn, differences: merged.differences } },
  );
  return { ...data, audit: [...data.audit, entry] };
}

/**
 * Keeps one value of a field two computers set differently, and says so on the file's own audit
 * trail: which record and field, the values there were, and the one kept.
 */
export async function settleOnAuditTrail<D extends { audit: AuditEntry[] }>(
  doc: {
    conflicts: readonly FieldConflict[];
    settle(conflictId: string, version: string, also?: (d: D) => D): Promise<unknown>;
  },
  conflictId: string,
  version: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  const conflict = doc.conflicts.find((c) => c.id === conflictId);
  const chosen = conflict?.versions.find((v) => v.version === version);
  await doc.settle(conflictId, version, (data) => ({
    ...data,
    audit: [
      ...data.audit,
      auditEntry(
        actor,
        now,
        'settled a conflict',
        `${conflict?.record ?? ''} ${conflict?.field ?? ''}`.trim(),
        {
          before: { values: conflict?.versions.map((v) => v.value) },
          after: { kept: chosen?.value },
        },
      ),
    ],
  }));
}

type AuditedDocument = Parameters<typeof settleOnAuditTrail<{ audit: AuditEntry[] }>>[0];

/** Fields that two computers set differently, in every document a store has open. */
export async function openConflicts(
  docs: Iterable<Promise<{ conflicts: readonly FieldConflict[] } | null>>,
): Promise<FieldConflict[]> {
  const open = await Promise.all([...docs].map((d) => d.catch(() => null)));
  return open.flatMap((d) => d?.conflicts ?? []);
}

/**
 * Keeps one value of a conflict in whichever open document holds it, on that document's audit
 * trail; false when none of them holds it.
 */
export async function settleInOpenDocuments(
  docs: Iterable<Promise<{ conflicts: readonly FieldConflict[] } | null>>,
  conflictId: string,
  version: string,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  for (const pending of docs) {
    const doc = await pending.catch(() => null);
    if (doc?.conflicts.some((c) => c.id === conflictId)) {
      await settleOnAuditTrail(doc as AuditedDocument, conflictId, version, actor, now);
      return true;
    }
  }
  return false;
}
