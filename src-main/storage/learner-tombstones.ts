import type { Cell } from './change-log/document-cells';
import { rewriteChangeLines, type CellScrub } from './document-tombstones';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What stands in free text where an erased learner's value was. */
export const ERASED_TEXT = '[erased]';

/**
 * How the values that identify erased learners (a name, a ULN, a date of birth, an employer, a
 * workplace, a witness's name or contact) are known outside their own records: each hashed with
 * one salt the centre's erasures share, so a run of words is hashed once for all of them, and
 * only runs of as many words as one of those values has.
 */
export interface ErasedIdentity {
  hash: (text: string) => string;
  hashes: ReadonlySet<string>;
  wordCounts: readonly number[];
}

/**
 * A learner whose personal details were erased, as a document that names learners by id (a
 * sampling plan, a visit record) needs to know them: the id and the pseudonym, never the erased
 * values. Those are recognised only by hashes kept with the portfolio's erasure, when they are
 * known here: `isErasedValue`, every erased value (an evidence title, a note), looked for in what
 * is about her; `identity`, what identifies a person, looked for in every text.
 */
export interface ErasedLearner {
  learnerId: string;
  pseudonym: string;
  isErasedValue?: (text: string) => boolean;
  identity?: ErasedIdentity;
}

/** Fields that copy a learner's name or ULN beside their id (`{ learnerId, learner }`). */
const NAME_FIELDS = new Set(['learner', 'learnerName']);
const ULN_FIELDS = new Set(['uln', 'learnerUln']);
/** Never rewritten: what a signature covers, hashes and ids. */
const KEPT_FIELDS = new Set(['proof', 'sha256', 'id', 'learnerId']);

/** Where a match may start or end, besides whitespace: quotes and brackets around a value. */
const OPEN = /[\s'"‘’“”([]/;
const CLOSE = /[\s'"‘’“”)\],.;:!?]/;
/** The longest run of words tried as one erased value (needs and adjustments run long). */
const MAX_WORDS = 30;

/** Where each run of words in `text` may start and end, as an erased value would stand. */
function wordBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (OPEN.test(text[i]!)) continue;
    if (i === 0 || OPEN.test(text[i - 1]!)) starts.push(i);
    if (i === text.length - 1 || CLOSE.test(text[i + 1]!)) ends.push(i + 1);
  }
  return { starts, ends };
}

/** How many words `text` has, counted as runs of words in QA text are. */
export function wordCount(text: string): number {
  return wordBounds(text.normalize('NFC').trim()).starts.length;
}

/**
 * Every erased value found in `text` by its hash, replaced; the same string when none is.
 * `matches` is given each run of words and how many words it has.
 */
export function scrubErasedText(
  text: string,
  matches: (candidate: string, words: number) => boolean,
): string {
  if (text.length < 3) return text;
  const { starts, ends } = wordBounds(text);
  let out = '';
  let at = 0;
  let first = 0;
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s]!;
    if (start < at) continue;
    while (first < ends.length && ends[first]! <= start) first++;
    const stop = starts[s + MAX_WORDS] ?? text.length + 1;
    let end: number | undefined;
    let next = s;
    // Longest first, so a full name wins over the first name alone.
    for (let e = first; e < ends.length && ends[e]! < stop; e++) {
      while (next < starts.length && starts[next]! < ends[e]!) next++;
      const candidate = text.slice(start, ends[e]);
      if (candidate.length >= 3 && matches(candidate, next - s)) end = ends[e];
    }
    if (end === undefined) continue;
    out += text.slice(at, start) + ERASED_TEXT;
    at = end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The identity hashes of every erased learner that share one salt, and their word counts. */
interface IdentityGroup {
  hash: (text: string) => string;
  hashes: Set<string>;
  wordCounts: Set<number>;
}

function identityGroups(learners: readonly ErasedLearner[]): IdentityGroup[] {
  const groups = new Map<ErasedIdentity['hash'], IdentityGroup>();
  for (const { identity } of learners) {
    if (!identity?.hashes.size) continue;
    let group = groups.get(identity.hash);
    if (!group) {
      group = { hash: identity.hash, hashes: new Set(), wordCounts: new Set() };
      groups.set(identity.hash, group);
    }
    for (const h of identity.hashes) group.hashes.add(h);
    for (const n of identity.wordCounts) group.wordCounts.add(n);
  }
  return [...groups.values()];
}

/**
 * Finds erased learners' values in any text of the QA files, by their hashes. In what is about
 * an erased learner (a record that names her id) every value of hers is found (an evidence
 * title, a note); anywhere else only what identifies her (`ErasedIdentity`), so another
 * learner's note that says "Line manager confirmed" stays as written. A value one of them shares
 * with another learner on the roster (an employer) is erased only in what is about the erased
 * learner, and one that is the centre's own (a member of staff's name) nowhere. Each text is
 * looked at once, and each run of words hashed once for all learners.
 */
export class ErasedText {
  private readonly known: ErasedLearner[];
  private readonly identities: IdentityGroup[];
  private readonly seen = new Map<string, string>();
  private readonly runs = new Map<string, boolean>();

  /**
   * `kept`: what others on the roster hold (another learner's employer), kept outside what is
   * about the erased learner; `always`: what is never anyone's erased value (the centre's staff,
   * its names), kept everywhere.
   */
  constructor(
    learners: readonly ErasedLearner[],
    private readonly kept: ReadonlySet<string> = new Set(),
    private readonly always: ReadonlySet<string> = new Set(),
  ) {
    this.known = learners.filter((l) => l.isErasedValue || l.identity?.hashes.size);
    this.identities = identityGroups(learners);
  }

  /** Whether any erased value can be found at all (the hashes are read). */
  get active(): boolean {
    return this.known.length > 0;
  }

  /** `text` with every erased value found replaced; `about`: the erased learners it is about. */
  scrub(text: string, about: readonly ErasedLearner[] = []): string {
    if (!this.known.length || text.length < 3) return text;
    const own = about.filter((l) => l.isErasedValue || l.identity);
    const key = own.length ? `${own.map((l) => l.learnerId).join(',')}\u0000${text}` : text;
    const cached = this.seen.get(key);
    if (cached !== undefined) return cached;
    const out = scrubErasedText(text, (candidate, words) => {
      const plain = candidate.normalize('NFC').trim();
      if (this.always.has(plain)) return false;
      if (own.some((l) => l.isErasedValue?.(candidate) || this.identifies(l, plain))) return true;
      if (this.kept.has(plain)) return false;
      return this.anyone(plain, words);
    });
    if (this.seen.size > 50_000) this.seen.clear();
    this.seen.set(key, out);
    return out;
  }

  private identifies(learner: ErasedLearner, plain: string): boolean {
    const identity = learner.identity;
    return !!identity?.hashes.size && identity.hashes.has(identity.hash(plain));
  }

  /** Whether a run of words identifies any erased learner: hashed once for all, for all texts. */
  private anyone(plain: string, words: number): boolean {
    const groups = this.identities.filter((g) => g.wordCounts.has(words));
    if (!groups.length) return false;
    const found = this.runs.get(plain);
    if (found !== undefined) return found;
    const is = groups.some((g) => g.hashes.has(g.hash(plain)));
    if (this.runs.size > 100_000) this.runs.clear();
    this.runs.set(plain, is);
    return is;
  }
}

function learnerIdsIn(value: unknown, found: (learnerId: string, id: unknown) => void): void {
  if (Array.isArray(value)) for (const v of value) learnerIdsIn(v, found);
  else if (isObject(value)) {
    const subject = isObject(value.subject) ? value.subject.learnerId : undefined;
    const learnerId = typeof value.learnerId === 'string' ? value.learnerId : subject;
    if (typeof learnerId === 'string') found(learnerId, value.id);
    for (const v of Object.values(value)) learnerIdsIn(v, found);
  }
}

interface Reach {
  /** Records (by key) that name an erased learner, and which. */
  records: Map<string, ErasedLearner[]>;
  /** Erased learners the document as a whole is about (a standardisation record's sample). */
  whole: ErasedLearner[];
  /** Whether an erased learner is named anywhere in it. */
  named: boolean;
}

function reachOf(doc: Readonly<Json>, erased: ReadonlyMap<string, ErasedLearner>): Reach {
  const records = new Map<string, ErasedLearner[]>();
  let named = false;
  learnerIdsIn(doc, (learnerId, id) => {
    const learner = erased.get(learnerId);
    if (learner) named = true;
    if (learner && typeof id === 'string') records.set(id, [...(records.get(id) ?? []), learner]);
  });
  // Objects deeper down that name a learner without an id of their own (a visit's samples, a
  // plan's left-out units) are scrubbed where they stand, not the whole document.
  const whole = new Set<ErasedLearner>();
  for (const v of [doc, ...Object.values(doc)]) {
    const learner = isObject(v) && typeof v.learnerId === 'string' && erased.get(v.learnerId);
    if (learner) whole.add(learner);
  }
  return { records, whole: [...whole], named };
}

/** Whether any text of a document that names no erased learner holds an erased value. */
function holdsErased(value: unknown, text: ErasedText): boolean {
  if (!text.active) return false;
  if (typeof value === 'string') return text.scrub(value) !== value;
  if (Array.isArray(value)) return value.some((v) => holdsErased(v, text));
  if (!isObject(value)) return false;
  return Object.entries(value).some(([k, v]) => !KEPT_FIELDS.has(k) && holdsErased(v, text));
}

function scrubValue(
  value: unknown,
  about: readonly ErasedLearner[],
  erased: Map<string, ErasedLearner>,
  text: ErasedText,
): unknown {
  if (typeof value === 'string') return text.scrub(value, about);
  if (Array.isArray(value)) {
    const out = value.map((v) => scrubValue(v, about, erased, text));
    return out.every((v, i) => v === value[i]) ? value : out;
  }
  if (!isObject(value)) return value;
  const own = typeof value.learnerId === 'string' ? erased.get(value.learnerId) : undefined;
  const here = own && !about.includes(own) ? [...about, own] : about;
  let changed = false;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    let next: unknown = v;
    if (own && NAME_FIELDS.has(k) && typeof v === 'string') next = own.pseudonym;
    else if (own && ULN_FIELDS.has(k) && typeof v === 'string') next = '';
    else if (!KEPT_FIELDS.has(k)) next = scrubValue(v, here, erased, text);
    if (next !== v) changed = true;
    out[k] = next;
  }
  return changed ? out : value;
}

/**
 * The tombstones of a document that names learners (QA files: sampling plans and reviews,
 * standardisation records, EQA visit records): once a learner is erased, a copy of their name
 * or ULN kept beside their id shows the pseudonym (or nothing), and any erased value in any
 * text shows as "[erased]" (`ErasedText`: one others still hold, only in what names the erased
 * learner), whichever change or copy put it. Proofs, hashes and ids are never rewritten.
 */
export function learnerTombstones(
  learners: readonly ErasedLearner[],
  text: ErasedText = new ErasedText(learners),
): (doc: Readonly<Json>) => CellScrub | null {
  const erased = new Map(learners.map((l) => [l.learnerId, l]));
  return (doc) => {
    if (!erased.size) return null;
    const reach = reachOf(doc, erased);
    if (!reach.named && !holdsErased(doc, text)) return null;
    return (_collection, cell): Cell => {
      if (!('x' in cell) || KEPT_FIELDS.has(cell.f)) return cell;
      const about = [...reach.whole, ...(reach.records.get(cell.k) ?? [])];
      let x = scrubValue(cell.x, about, erased, text);
      // A field cell of a record that names the learner (a sample's `learner`, its location).
      if (reach.records.has(cell.k) && typeof x === 'string') {
        const own = reach.records.get(cell.k)![0]!;
        if (NAME_FIELDS.has(cell.f)) x = own.pseudonym;
        else if (ULN_FIELDS.has(cell.f)) x = '';
      }
      return x === cell.x ? cell : { ...cell, x };
    };
  };
}

/** The key of the document's own fields (not a record of a list). */
const ROOT_KEY = '';
const isCell = (r: unknown): r is Cell =>
  isObject(r) && typeof r.k === 'string' && typeof r.f === 'string';

/** The record (by key) each cell of a change file stands in, as a document naming learners by id. */
function cellsAsDocument(cells: readonly Cell[]): Json {
  const doc: Json = { records: [] as Json[] };
  for (const cell of cells) {
    if (cell.k === ROOT_KEY) doc[cell.f] = cell.x;
    const learnerId = cell.f === 'learnerId' ? { learnerId: cell.x } : {};
    (doc.records as Json[]).push({ id: cell.k, ...learnerId, x: cell.x });
  }
  return doc;
}

/**
 * A file of a QA document (or of the centre's, with `only` its collections to look at) as its
 * tombstones leave it: a whole copy scrubbed as one document, a change file line by line, each
 * line kept at its length. Null when nothing in it is erased.
 */
export function scrubLearnerFile(
  content: string,
  learners: readonly ErasedLearner[],
  text: ErasedText,
  only?: (collection: string) => boolean,
): string | null {
  const tombstones = learnerTombstones(learners, text);
  try {
    const doc = JSON.parse(content) as unknown;
    if (isObject(doc) && !Array.isArray(doc.ops)) {
      const whole: Cell = { id: '', k: '', f: '', x: only ? pick(doc, only) : doc };
      const x = tombstones(doc)?.('$', whole).x ?? whole.x;
      return x === whole.x
        ? null
        : `${JSON.stringify(only ? { ...doc, ...(x as Json) } : x, null, 2)}\n`;
    }
  } catch {
    // Change lines, one a line.
  }
  const cells: Cell[] = [];
  const lines = content.split('\n');
  for (const line of lines) {
    try {
      const ops = (JSON.parse(line) as Json).ops;
      if (Array.isArray(ops)) for (const op of ops as Json[]) if (isCell(op.r)) cells.push(op.r);
    } catch {
      // Not a change: left as it is.
    }
  }
  const scrub = tombstones(cellsAsDocument(cells));
  if (!scrub) return null;
  return rewriteChangeLines(content, (change) => {
    let changed = false;
    const ops = change.ops.map((op) => {
      const c = String(op.c);
      if (!isCell(op.r) || (only && !only(c))) return op;
      const r = scrub(c, op.r);
      if (r !== op.r) changed = true;
      return r === op.r ? op : { ...op, r };
    });
    return changed ? ops : null;
  });
}

function pick(doc: Json, only: (collection: string) => boolean): Json {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => only(k)));
}
