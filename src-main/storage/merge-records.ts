/** A value the two copies gave differently: which was kept, and the one that was not. */
export interface MergeDifference {
  /** Where it is, by record id: `learners[ln-4f0c].employer`. */
  where: string;
  kept: unknown;
  other: unknown;
}

type Side = 'ours' | 'theirs';
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isRecordList = (value: unknown): value is Json[] =>
  Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The copy whose record was changed later, by its `updatedAt`; the one kept when the two changed
 * one field differently. Equal times fall to the content, so both computers pick the same one.
 */
function laterOf(ours: Json, theirs: Json, outer: Side): Side {
  const a = typeof ours.updatedAt === 'string' ? ours.updatedAt : null;
  const b = typeof theirs.updatedAt === 'string' ? theirs.updatedAt : null;
  if (a === null || b === null || a === b) {
    if (a !== null && a === b)
      return JSON.stringify(ours) >= JSON.stringify(theirs) ? 'ours' : 'theirs';
    return outer;
  }
  return a > b ? 'ours' : 'theirs';
}

/**
 * Two copies of one JSON document that were changed apart (a sync engine's conflict copy and the
 * file it stands beside), merged record by record so that nothing either holds is lost:
 *
 * - lists of records (objects with an `id`) are joined by id: a record only one copy has is
 *   kept, in its place; a record both have is merged field by field;
 * - where the two give one field different values, the copy whose record was changed later
 *   (`updatedAt`) is kept, and the other value is returned as a difference, for the audit trail.
 *
 * Lists are append-only in the workbench's files (audit trails, decisions), so joining them loses
 * nothing; a record deleted in one copy only comes back, which is the safe way round.
 */
export function mergeCopies(
  ours: unknown,
  theirs: unknown,
): { merged: unknown; differences: MergeDifference[] } {
  const differences: MergeDifference[] = [];
  const merged = mergeValue(ours, theirs, 'ours', '', differences);
  return { merged, differences };
}

function mergeValue(
  ours: unknown,
  theirs: unknown,
  later: Side,
  where: string,
  differences: MergeDifference[],
): unknown {
  if (same(ours, theirs)) return ours;
  if (ours === undefined) return theirs;
  if (theirs === undefined) return ours;
  if (isRecordList(ours) && isRecordList(theirs)) {
    return mergeLists(ours, theirs, later, where, differences);
  }
  if (isObject(ours) && isObject(theirs)) {
    const side = laterOf(ours, theirs, later);
    const result: Json = {};
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      if (key === 'updatedAt' || key === 'updatedBy') continue;
      const path = where ? `${where}.${key}` : key;
      result[key] = mergeValue(ours[key], theirs[key], side, path, differences);
    }
    // Who changed it last is the later copy's, whichever fields came from where.
    for (const key of ['updatedAt', 'updatedBy']) {
      const value = side === 'ours' ? (ours[key] ?? theirs[key]) : (theirs[key] ?? ours[key]);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  const kept = later === 'ours' ? ours : theirs;
  differences.push({ where: where || 'the file', kept, other: later === 'ours' ? theirs : ours });
  return kept;
}

function mergeLists(
  ours: Json[],
  theirs: Json[],
  later: Side,
  where: string,
  differences: MergeDifference[],
): Json[] {
  const theirsById = new Map(theirs.map((r) => [r.id as string, r]));
  const oursIds = new Set(ours.map((r) => r.id as string));
  // Records only the other copy has go after the last record both hold that came before them.
  const following = new Map<string | null, Json[]>();
  let anchor: string | null = null;
  for (const r of theirs) {
    const id = r.id as string;
    if (oursIds.has(id)) anchor = id;
    else {
      const list = following.get(anchor) ?? [];
      list.push(r);
      following.set(anchor, list);
    }
  }
  const result: Json[] = [...(following.get(null) ?? [])];
  for (const r of ours) {
    const other = theirsById.get(r.id as string);
    result.push(
      other ? (mergeValue(r, other, later, `${where}[${String(r.id)}]`, differences) as Json) : r,
    );
    result.push(...(following.get(r.id as string) ?? []));
  }
  return result;
}
