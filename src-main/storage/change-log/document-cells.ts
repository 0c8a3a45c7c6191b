import type { Op } from './change';

type Json = Record<string, unknown>;

/**
 * Where the records of a JSON document are, so two computers' edits of it merge field by field:
 * `objects` are single records (`centre`, `plan`), `lists` are lists of records known by a key
 * (an `id` unless said otherwise). A `whole` list (an audit trail) only ever gains records, so
 * each is kept whole. Every other value is a field of the record it sits in (the document itself
 * is the root record).
 */
export interface DocumentShape {
  objects?: readonly string[];
  lists: readonly { path: string; key?: (record: Json) => string; whole?: boolean }[];
}

/** One value of a record: the cell a change puts. `x` absent means the field was taken out. */
export type Cell = {
  readonly id: string;
  readonly k: string;
  readonly f: string;
  readonly x?: unknown;
  /** Who and when, from the record's `updatedBy` / `updatedAt` where it has them. */
  readonly by?: string;
  readonly at?: string;
};

export const ROOT = '$';
/** The field saying a list's record is there (true) or was taken out (false). */
export const PRESENT = '$';
/** The field holding a whole record of a `whole` list. */
export const WHOLE = '*';

export const cellId = (key: string, field: string) => `${key}\u0000${field}`;
/** The conflict slot of one field of one record. */
export const slotOf = (collection: string, key: string, field: string) =>
  `${collection}\u0000${key}\u0000${field}`;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (doc: Json, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), doc);

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The fields of each record of a document, by collection and key, in the document's order. */
export type Records = Map<string, Map<string, Json>>;

function declared(shape: DocumentShape): Set<string> {
  return new Set([...(shape.objects ?? []), ...shape.lists.map((l) => l.path)]);
}

/** The fields a record holds itself: not the objects and lists declared inside it. */
function fieldsOf(record: Json, prefix: string, paths: Set<string>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (!paths.has(prefix ? `${prefix}.${key}` : key)) out[key] = value;
  }
  return out;
}

export function keyOfRecord(shape: DocumentShape, list: string, record: Json): string {
  const spec = shape.lists.find((l) => l.path === list);
  return spec?.key ? spec.key(record) : String(record.id);
}

/** A document as records: the root, each declared object, each record of each list. */
export function recordsOf(doc: Json, shape: DocumentShape): Records {
  const paths = declared(shape);
  const out: Records = new Map([[ROOT, new Map([['', fieldsOf(doc, '', paths)]])]]);
  for (const object of shape.objects ?? []) {
    const value = at(doc, object);
    if (isObject(value)) out.set(object, new Map([['', fieldsOf(value, object, paths)]]));
  }
  for (const list of shape.lists) {
    const value = at(doc, list.path);
    const records = new Map<string, Json>();
    if (Array.isArray(value)) {
      for (const r of value as Json[]) records.set(keyOfRecord(shape, list.path, r), r);
    }
    out.set(list.path, records);
  }
  return out;
}

const cell = (key: string, field: string, record: Json, value?: unknown): Cell => ({
  id: cellId(key, field),
  k: key,
  f: field,
  ...(value === undefined ? {} : { x: value }),
  ...(typeof record.updatedBy === 'string' ? { by: record.updatedBy } : {}),
  ...(typeof record.updatedAt === 'string' ? { at: record.updatedAt } : {}),
});

/**
 * What changed between two states of a document, as cells: only the fields that differ, so two
 * computers changing different fields of one record both keep theirs. Unchanged records (the
 * same objects, as the domain's changes leave them) cost nothing to compare.
 */
export function diffCells(before: Json, after: Json, shape: DocumentShape): Op[] {
  const was = recordsOf(before, shape);
  const now = recordsOf(after, shape);
  const ops: Op[] = [];
  for (const [collection, records] of now) {
    const whole = shape.lists.find((l) => l.path === collection)?.whole === true;
    const isList = shape.lists.some((l) => l.path === collection);
    const old = was.get(collection) ?? new Map<string, Json>();
    for (const [key, record] of records) {
      const prior = old.get(key);
      if (prior === record) continue;
      if (whole) {
        if (!prior || !same(prior, record))
          ops.push({ c: collection, r: cell(key, WHOLE, {}, record) });
        continue;
      }
      const fields = isList ? fieldsOf(record, collection, declared(shape)) : record;
      const priorFields = prior && isList ? fieldsOf(prior, collection, declared(shape)) : prior;
      if (isList && !prior) ops.push({ c: collection, r: cell(key, PRESENT, record, true) });
      for (const [field, value] of Object.entries(fields)) {
        if (!priorFields || !same(priorFields[field], value)) {
          ops.push({ c: collection, r: cell(key, field, record, value) });
        }
      }
      for (const field of Object.keys(priorFields ?? {})) {
        if (!(field in fields)) ops.push({ c: collection, r: cell(key, field, record) });
      }
    }
    for (const [key, prior] of old) {
      if (records.has(key)) continue;
      ops.push({
        c: collection,
        r: cell(key, whole ? WHOLE : PRESENT, prior, whole ? undefined : false),
      });
    }
  }
  return ops;
}

/** Every cell of a document, as a change that brings it in whole (an older layout's file). */
export function allCells(doc: Json, shape: DocumentShape): Op[] {
  const empty: Json = {};
  return diffCells(empty, doc, shape);
}

/**
 * The document the cells of each collection make, records in the order they first appeared.
 * `cells` gives a collection's cells as the fold holds them.
 */
export function assemble(
  cells: (collection: string) => readonly Cell[],
  shape: DocumentShape,
): Json {
  const build = (collection: string) => {
    const records = new Map<string, Json>();
    const gone = new Set<string>();
    for (const c of cells(collection)) {
      let r = records.get(c.k);
      if (!r) {
        r = {};
        records.set(c.k, r);
      }
      if (c.f === WHOLE) {
        if (c.x === undefined) gone.add(c.k);
        else records.set(c.k, c.x as Json);
      } else if (c.f === PRESENT) {
        if (c.x === false) gone.add(c.k);
      } else if (c.x !== undefined) r[c.f] = c.x;
    }
    for (const k of gone) records.delete(k);
    return records;
  };
  const doc: Json = { ...(build(ROOT).get('') ?? {}) };
  const put = (dotted: string, value: unknown) => {
    const parts = dotted.split('.');
    let target = doc;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as Json;
    }
    target[parts.at(-1)!] = value;
  };
  for (const object of shape.objects ?? []) {
    const record = build(object).get('');
    if (record) put(object, { ...record });
  }
  for (const list of shape.lists) put(list.path, [...build(list.path).values()]);
  return doc;
}
