import { createHash } from 'node:crypto';
import type { Erasure } from './erasure-schema';

type Rec = Readonly<Record<string, unknown>> & { readonly id: string };
type Json = Record<string, unknown>;

/** What stands where an erased value was. */
export const ERASED = '[erased]';
export const ERASED_EVIDENCE_TITLE = 'Erased evidence';

/** An erased value as the tombstone knows it: salted, so the tombstone itself holds none. */
export function valueHash(salt: string, value: string): string {
  return createHash('sha256')
    .update(`${salt}\u0000${value.normalize('NFC').trim()}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The one salt of a centre's identity hashes (`Erasure.identityHashes`): shared by all its
 * erasures, so QA text is hashed once for all of them; it only defeats precomputed tables.
 */
export function identitySalt(centreId: string): string {
  return createHash('sha256').update(`erased-identity\u0000${centreId}`).digest('hex').slice(0, 32);
}

/** Collections whose free text may hold an erased value anywhere (never decisions or proofs). */
const FREE_TEXT = new Set(['audit', 'evidence', 'testimonies', 'witnessForms', 'assessmentPlans']);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Applies a portfolio's erasures to its records: the erased evidence loses its file and every
 * personal field (its SHA-256 stays), witnesses' details go, a learner's drawn or typed
 * signature keeps only its hash, and any text holding an erased value has it replaced. The
 * decisions, sign-offs and their proofs are never touched, so they still verify. `known` are the
 * erased values themselves, given only while erasing, so text that merely contains one is
 * cleaned too.
 */
export class Scrubber {
  private readonly evidence = new Map<string, Erasure>();
  private readonly hashes: { salt: string; set: Set<string> }[];
  private readonly learner: Erasure | null;
  private readonly known: string[];
  private readonly cache = new WeakMap<object, Rec>();

  constructor(erasures: readonly Erasure[], known: readonly string[] = []) {
    for (const erasure of erasures)
      for (const e of erasure.evidence) this.evidence.set(e.id, erasure);
    this.hashes = erasures.map((e) => ({ salt: e.salt, set: new Set(e.valueHashes) }));
    this.learner = erasures.find((e) => e.scope === 'learner') ?? null;
    this.known = [...new Set(known.map((k) => k.trim()).filter((k) => k.length >= 3))].sort(
      (a, b) => b.length - a.length,
    );
  }

  get active(): boolean {
    return this.hashes.length > 0;
  }

  /** The record as it stands after the erasures: the same object when nothing in it was erased. */
  record<T extends Rec>(collection: string, record: T): T {
    if (!this.active) return record;
    const cached = this.cache.get(record);
    if (cached) return cached as T;
    let out = this.structural(collection, record as Json);
    if (FREE_TEXT.has(collection)) out = this.text(out) as Json;
    const result = (JSON.stringify(out) === JSON.stringify(record) ? record : out) as T;
    this.cache.set(record, result);
    return result;
  }

  /** One string: erased when it is an erased value, cleaned of any erased value it contains. */
  private string(value: string): string {
    if (!value) return value;
    for (const { salt, set } of this.hashes) if (set.has(valueHash(salt, value))) return ERASED;
    let out = value;
    for (const k of this.known) if (out.includes(k)) out = out.split(k).join(ERASED);
    return out;
  }

  private text(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (Array.isArray(value)) return value.map((v) => this.text(v));
    if (isObject(value)) {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        // Ids, dates and hashes are never personal; a value equal to an erased one by chance
        // must not make the record unreadable.
        out[k] = /^(id|.*Id|.*At|.*On|sha256|hash|updatedBy|by|role|action|c|k|v)$/.test(k)
          ? v
          : this.text(v);
      }
      return out;
    }
    return value;
  }

  private structural(collection: string, r: Json): Json {
    const evidenceId = String(r.evidenceId ?? '');
    switch (collection) {
      case 'evidence':
        return this.evidence.has(String(r.id)) ? erasedEvidence(r) : r;
      case 'testimonies':
        return this.evidence.has(evidenceId) || this.learner ? erasedTestimony(r) : r;
      case 'witnessForms':
        return this.evidence.has(evidenceId) || this.learner ? { ...r, witnessName: '' } : r;
      case 'signatures':
        if (!this.learner || r.role !== 'learner') return r;
        return withoutKeys(r, ['image', 'typedName']);
      case 'audit': {
        const subject = isObject(r.subject) ? r.subject : {};
        const id = String(subject.evidenceId ?? '');
        if (!this.evidence.has(id)) return r;
        // "Customer feedback → criterion 7.1" keeps what it was about, not the item's title.
        const tail = String(r.target ?? '').split(' → ')[1];
        return {
          ...withoutKeys(r, ['before', 'after']),
          target: `${ERASED_EVIDENCE_TITLE.toLowerCase()} ${id}${tail ? ` → ${tail}` : ''}`,
          ...('before' in r ? { before: ERASED } : {}),
          ...('after' in r ? { after: ERASED } : {}),
        };
      }
      default:
        return r;
    }
  }
}

function withoutKeys(r: Json, keys: string[]): Json {
  const out = { ...r };
  for (const k of keys) delete out[k];
  return out;
}

function erasedEvidence(r: Json): Json {
  const file = isObject(r.file) ? r.file : null;
  return {
    ...withoutKeys(r, ['witnessId']),
    title: ERASED_EVIDENCE_TITLE,
    location: '',
    producedBy: '',
    notes: '',
    record: '',
    file: file
      ? {
          path: `evidence/erased-${String(r.id)}`,
          originalName: '',
          size: file.size,
          sha256: file.sha256,
          mediaType: file.mediaType,
        }
      : null,
    archived: true,
  };
}

function erasedTestimony(r: Json): Json {
  const witness = isObject(r.witness) ? r.witness : {};
  const criteria = Array.isArray(r.criteria) ? (r.criteria as Json[]) : [];
  const check = isObject(r.authenticity) ? r.authenticity : null;
  return {
    ...r,
    venue: '',
    description: '',
    otherFields: {},
    criteria: criteria.map((c) => ({ ...c, how: '' })),
    witness: {
      ...witness,
      name: 'Witness',
      jobTitle: '',
      relationship: '',
      contact: '',
      competence: '',
    },
    ...(check ? { authenticity: { ...check, how: ERASED } } : {}),
  };
}

/**
 * One line of a change file with the erasures applied to every record it puts, padded with
 * spaces to its old length in bytes (JSON allows them), so a process reading the file from where
 * it last stopped still finds every line where it was. Null when nothing in it was erased.
 */
export function scrubChangeLine(text: string, scrubber: Scrubber): string | null {
  let change: Json;
  try {
    change = JSON.parse(text) as Json;
  } catch {
    return null;
  }
  if (!Array.isArray(change.ops)) return null;
  let changed = false;
  const ops = (change.ops as Json[]).map((op) => {
    if (!isObject(op.r) || typeof op.r.id !== 'string') return op;
    const r = scrubber.record(String(op.c), op.r as Rec);
    if (r === op.r) return op;
    changed = true;
    return { ...op, r };
  });
  if (!changed) return null;
  const line = JSON.stringify({ ...change, ops });
  const pad = Buffer.byteLength(text) - Buffer.byteLength(line);
  return pad > 0 ? line + ' '.repeat(pad) : line;
}

/** A whole portfolio.json (a snapshot, a damaged or a conflict copy) with the erasures applied. */
export function scrubPortfolioDocument(doc: Json, scrubber: Scrubber): Json | null {
  let changed = false;
  const out: Json = { ...doc };
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    out[key] = value.map((r: unknown) => {
      if (!isObject(r) || typeof r.id !== 'string') return r;
      const s = scrubber.record(key, r as Rec);
      if (s !== r) changed = true;
      return s;
    });
  }
  return changed ? out : null;
}

/**
 * The text of any file that holds portfolio records (change lines, a snapshot, a conflict copy)
 * with the erasures applied; null when nothing in it was erased or it is not such a file.
 */
export function scrubPortfolioText(text: string, scrubber: Scrubber): string | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') && !text.trimEnd().includes('\n')) {
    // One line: a change, or a snapshot written on one line.
    const asLine = scrubChangeLine(text.replace(/\n$/, ''), scrubber);
    if (asLine !== null) return text.endsWith('\n') ? `${asLine}\n` : asLine;
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (isObject(doc) && !Array.isArray(doc.ops)) {
      const out = scrubPortfolioDocument(doc, scrubber);
      return out ? `${JSON.stringify(out, null, 2)}\n` : null;
    }
  } catch {
    // Not one JSON document: change lines, one a line.
  }
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const s = line.trim() ? scrubChangeLine(line, scrubber) : null;
    if (s === null) return line;
    changed = true;
    return s;
  });
  return changed ? lines.join('\n') : null;
}
