import { createHash } from 'node:crypto';
import type { ChangeFold } from './change-log/change-fold';
import { ROOT, keyOfRecord, type Cell, type DocumentShape } from './change-log/document-cells';

/** One value of a field in conflict: what it was set to, by whom and when. */
export interface ConflictVersion {
  version: string;
  value: unknown;
  by: string | null;
  at: string | null;
  cell: Cell;
}

/**
 * A field of a workbench document that two computers changed differently, neither having seen
 * the other's change. The document shows one value (the same on every computer) until someone
 * keeps one of them; both stay on file.
 */
export interface FieldConflict {
  id: string;
  slot: string;
  /** The file, as people know it: `centre.json`, `sampling/plan-sp-….json`. */
  file: string;
  collection: string;
  key: string;
  field: string;
  /** The record in words: a learner's or person's name, else its id. */
  record: string;
  /** The value the document shows meanwhile. */
  shown: unknown;
  versions: ConflictVersion[];
}

/** Who changed a record last and when: each change sets them, so they never conflict. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function recordName(doc: unknown, collection: string, key: string, shape?: DocumentShape) {
  if (collection === ROOT) return 'the file';
  let value: unknown = doc;
  for (const part of collection.split('.')) {
    value = (value as Record<string, unknown> | null)?.[part];
  }
  if (!Array.isArray(value)) return collection;
  const found = (value as Record<string, unknown>[]).find((r) =>
    shape ? keyOfRecord(shape, collection, r) === key : r.id === key,
  );
  return typeof found?.name === 'string' ? found.name : key;
}

/** The conflict one field's slot holds, or null when its latest versions agree. */
export function fieldConflicts(
  fold: ChangeFold,
  slot: string,
  file: string,
  doc: unknown,
  shape?: DocumentShape,
): FieldConflict | null {
  const [collection = '', key = '', field = ''] = slot.split('\u0000');
  if (BOOKKEEPING.has(field)) return null;
  const heads = fold.heads(slot).sort((a, b) => (a.version < b.version ? -1 : 1));
  if (heads.length < 2) return null;
  const cells = heads.map((h) => h.record as Cell | null);
  if (new Set(cells.map((c) => JSON.stringify(c?.x ?? null))).size < 2) return null;
  const shown = (fold.collection(collection) as readonly Cell[]).find(
    (c) => c.k === key && c.f === field,
  );
  return {
    id: `fc-${hash(`${slot}\u0000${heads.map((h) => h.version).join('\u0000')}`)}`,
    slot,
    file,
    collection,
    key,
    field,
    record: recordName(doc, collection, key, shape),
    shown: shown?.x ?? null,
    versions: heads.map((h, i) => ({
      version: h.version,
      value: cells[i]?.x ?? null,
      by: cells[i]?.by ?? null,
      // A record without its own time (a sample of a plan) is dated by the change that set it.
      at:
        cells[i]?.at ??
        fold.changes.get(h.version.slice(0, h.version.lastIndexOf('.')))?.at ??
        null,
      cell: cells[i]!,
    })),
  };
}
