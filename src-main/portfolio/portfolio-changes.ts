import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { appendedParts } from '../shared/appended-list';
import type { Op } from '../storage/change-log/change';
import { describeIssues } from '../storage/json-document';
import { portfolioSchema, type Portfolio } from './portfolio-schema';

/** Every list of records a portfolio holds; each record is one entry of a change. */
export const PORTFOLIO_COLLECTIONS = [
  'registrations',
  'evidence',
  'mappings',
  'decisions',
  'signOffs',
  'signatures',
  'unitFeedback',
  'issuedRecords',
  'witnessForms',
  'testimonies',
  'assessmentPlans',
  'progressReviews',
  'resolutions',
  'erasures',
  'audit',
] as const satisfies readonly (keyof Portfolio)[];

export type PortfolioCollection = (typeof PORTFOLIO_COLLECTIONS)[number];
type Rec = Readonly<Record<string, unknown>> & { readonly id: string };

const shape = portfolioSchema.shape;
const elementOf = (schema: z.ZodType): z.ZodType => {
  const inner = schema instanceof z.ZodDefault ? (schema.def.innerType as z.ZodType) : schema;
  return (inner as z.ZodArray<z.ZodType>).element;
};
const recordSchemas = new Map<string, z.ZodType>(
  PORTFOLIO_COLLECTIONS.map((c) => [c, elementOf(shape[c] as z.ZodType)]),
);

/** Validates a record of a change (read or about to be written); frozen, since it is shared. */
export function prepareRecord(collection: string, record: unknown, where: string): Rec {
  const schema = recordSchemas.get(collection);
  if (!schema) {
    throw new UserError(
      'unreadable-file',
      `${where} holds a kind of record this workbench does not know ("${collection}"). It may have been written by a newer version.`,
    );
  }
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    throw new UserError(
      'unreadable-file',
      `${where} holds a ${collection} record the workbench cannot read: ${describeIssues(parsed.error)}.`,
    );
  }
  return Object.freeze(parsed.data as Rec);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * What a change made to a portfolio, record by record: the records added or changed (whole),
 * and any taken out. Unchanged lists are the same arrays, unchanged records the same objects and
 * lists that only grew say so (`appended`), so this costs as much as the change, not the history.
 */
export function diffPortfolio(before: Portfolio, after: Portfolio): Op[] {
  const ops: Op[] = [];
  for (const c of PORTFOLIO_COLLECTIONS) {
    const was = before[c] as readonly Rec[];
    const now = after[c] as readonly Rec[];
    if (was === now) continue;
    const parts = appendedParts(now);
    if (parts && parts.base === was && parts.baseLength === was.length) {
      for (const r of parts.added) ops.push({ c, r: { ...r } });
      continue;
    }
    const fast = diffInPlace(c, was, now);
    if (fast) {
      ops.push(...fast);
      continue;
    }
    const old = new Map(was.map((r) => [r.id, r]));
    const kept = new Set<string>();
    for (const r of now) {
      kept.add(r.id);
      const prior = old.get(r.id);
      if (!prior || !same(prior, r)) ops.push({ c, r: { ...r } });
    }
    for (const r of was) if (!kept.has(r.id)) ops.push({ c, del: r.id });
  }
  return ops;
}

/** Records changed where they stood and new ones added at the end: the shape of every domain change. */
function diffInPlace(c: string, was: readonly Rec[], now: readonly Rec[]): Op[] | null {
  if (now.length < was.length) return null;
  const ops: Op[] = [];
  for (let i = 0; i < now.length; i += 1) {
    const r = now[i]!;
    if (i < was.length) {
      const prior = was[i]!;
      if (prior === r) continue;
      if (prior.id !== r.id) return null;
      if (!same(prior, r)) ops.push({ c, r: { ...r } });
    } else ops.push({ c, r: { ...r } });
  }
  return ops;
}

/** The slots a criterion decision belongs to: its criterion (or part), and its unit. */
export const criterionSlot = (unitId: string, criterionRef: string, partRef: string | null) =>
  `criterion/${unitId}/${criterionRef}/${partRef ?? '-'}`;
export const unitSlot = (unitId: string) => `unit/${unitId}`;
export const feedbackSlot = (unitId: string) => `feedback/${unitId}`;

interface Slotted {
  slots: string[];
  kind?: string;
}

/**
 * Which conflict slots a record change belongs to, and what kind of change it is there: a
 * decision (its criterion and its unit), a sign-off, countersignature or unlock (its unit), the
 * unit feedback, or the resolution of a conflict (the slot it resolves).
 */
export function slotsOf(op: Op, prior: Rec | undefined): Slotted {
  const r = op.r as Record<string, unknown> | undefined;
  if (!r) return { slots: [] };
  const unitId = String(r.unitId ?? '');
  switch (op.c) {
    case 'decisions':
      return {
        slots: [
          criterionSlot(unitId, String(r.criterionRef), (r.partRef as string | null) ?? null),
          unitSlot(unitId),
        ],
        kind: 'decision',
      };
    case 'unitFeedback':
      return { slots: [feedbackSlot(unitId)], kind: 'feedback' };
    case 'signOffs': {
      if (!prior) return { slots: [unitSlot(unitId)], kind: 'sign-off' };
      if (r.voidedAt && !prior.voidedAt) return { slots: [unitSlot(unitId)], kind: 'unlock' };
      if (r.countersignedAt && !prior.countersignedAt) {
        return { slots: [unitSlot(unitId)], kind: 'countersign' };
      }
      return { slots: [unitSlot(unitId)], kind: 'sign-off-change' };
    }
    case 'resolutions':
      return { slots: [String(r.slot)], kind: 'resolution' };
    default:
      return { slots: [] };
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A whole portfolio.json (today's layout, an older one upgraded, or a sync engine's conflict
 * copy) as the operations of one change. Each version is named by its content, so the same
 * record imported from two copies is one version, and decisions on one criterion are chained in
 * the order they were made: two copies that decided a criterion differently show as a conflict.
 */
export function importOps(portfolio: Portfolio): Op[] {
  const ops: Op[] = [];
  const lastInSlot = new Map<string, string>();
  for (const c of PORTFOLIO_COLLECTIONS) {
    const records = [...(portfolio[c] as readonly Rec[])];
    if (c === 'decisions' || c === 'unitFeedback' || c === 'signOffs') {
      records.sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)));
    }
    for (const r of records) {
      const op: Op = { c, r: { ...r } };
      const { slots, kind } = slotsOf(op, c === 'signOffs' ? undefined : undefined);
      if (slots.length) {
        op.v = `i-${hash(`${c}\u0000${JSON.stringify(r)}`).slice(0, 24)}`;
        op.s = Object.fromEntries(
          slots.map((s) => [s, lastInSlot.has(s) ? [lastInSlot.get(s)!] : []]),
        );
        if (kind) op.k = c === 'signOffs' && r.voidedAt ? 'sign-off-change' : kind;
        for (const s of slots) lastInSlot.set(s, op.v);
      }
      ops.push(op);
    }
  }
  return ops;
}

export function contentHash(text: string): string {
  return hash(text).slice(0, 20);
}
