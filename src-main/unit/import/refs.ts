/** Reading the numbering of outcomes, criteria and parts in the ways awarding bodies write it. */

export interface OutcomeRef {
  number: number;
  text: string;
  /** Written with a word ("LO1", "Learning outcome 1"), so it cannot be an ordinary number. */
  prefixed: boolean;
}

export interface CriterionRef {
  outcome: number;
  number: number;
  text: string;
}

export interface PartRef {
  ref: string;
  text: string;
}

const outcomePrefixed =
  /^(?:learning\s+outcome|outcome|L\.?O\.?)\s*(\d{1,2})(?![\d]|\.\d)\s*[.):\-–—]?(?:\s+(.*))?$/i;
const outcomeBare = /^(\d{1,2})(?![\d]|\.\d)[.):]?(?:\s+(.*))?$/;
const criterionPattern =
  /^(?:AC|A\.C\.|criterion|assessment\s+criterion)?\s*(\d{1,2})\.(\d{1,2})(?!\d|\.\d)[.):]?(?:\s+(.*))?$/i;
const learnerPrefix = /^the\s+(?:learner|candidate|student)s?\s+(?:will|can)\s*:\s*/i;

/** "The learner will: 1. Understand …" carries the column heading in front of the ref. */
export function stripLearnerPrefix(text: string): string {
  return text.replace(learnerPrefix, '');
}

export function matchOutcome(text: string): OutcomeRef | null {
  const prefixed = outcomePrefixed.exec(text);
  if (prefixed) {
    return { number: Number(prefixed[1]), text: prefixed[2] ?? '', prefixed: true };
  }
  const bare = outcomeBare.exec(text);
  if (bare) return { number: Number(bare[1]), text: bare[2] ?? '', prefixed: false };
  return null;
}

export function matchCriterion(text: string): CriterionRef | null {
  const m = criterionPattern.exec(text);
  if (!m) return null;
  return { outcome: Number(m[1]), number: Number(m[2]), text: m[3] ?? '' };
}

const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export type PartScheme = 'letter' | 'roman';

/** The refs that may come next in a list of parts: `a` or `i` to start, then the successor. */
export function nextPartRefs(last: string | null, scheme: PartScheme | null): string[] {
  if (last === null || scheme === null) return ['a', 'i'];
  if (scheme === 'roman') {
    const next = romans[romans.indexOf(last) + 1];
    return next ? [next] : [];
  }
  const code = last.charCodeAt(0) + 1;
  return code <= 'z'.charCodeAt(0) ? [String.fromCharCode(code)] : [];
}

export function schemeOf(first: string): PartScheme {
  return first === 'i' ? 'roman' : 'letter';
}

const partAtStart = /^(?:\(([a-z]|[ivx]{1,4})\)|([a-z]|[ivx]{1,4})[.)])(?:\s+(.*))?$/;

export function matchPart(text: string): PartRef | null {
  const m = partAtStart.exec(text);
  if (!m) return null;
  const ref = m[1] ?? m[2] ?? '';
  if (ref.length > 1 && !romans.includes(ref)) return null;
  return { ref, text: m[3] ?? '' };
}

interface Marker {
  index: number;
  end: number;
  ref: string;
}

function partMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(/(^|\s)(?:\(([a-z]|[ivx]{1,4})\)|([a-z]|[ivx]{1,4})[.)])(?=\s)/g)) {
    const ref = m[2] ?? m[3] ?? '';
    if (ref.length > 1 && !romans.includes(ref)) continue;
    const index = m.index + (m[1]?.length ?? 0);
    markers.push({ index, end: m.index + m[0].length, ref });
  }
  return markers;
}

/**
 * Finds parts written inline ("to a) process … b) resolve … c) refer …"). Only a run that
 * follows the sequence counts, so an "a." inside ordinary wording does not split a criterion.
 */
export function splitInlineParts(
  text: string,
  after: { last: string | null; scheme: PartScheme | null },
  minimum: number,
): { stem: string; parts: PartRef[] } | null {
  const markers = partMarkers(text);
  const chain: Marker[] = [];
  let last = after.last;
  let scheme = after.scheme;
  for (const marker of markers) {
    if (!nextPartRefs(last, scheme).includes(marker.ref)) continue;
    if (chain.length && marker.index < (chain[chain.length - 1]?.end ?? 0)) continue;
    if (scheme === null) scheme = schemeOf(marker.ref);
    chain.push(marker);
    last = marker.ref;
  }
  if (chain.length < minimum || chain.length === 0) return null;
  const parts = chain.map((marker, i) => ({
    ref: marker.ref,
    text: text.slice(marker.end, chain[i + 1]?.index ?? text.length).trim(),
  }));
  return { stem: text.slice(0, chain[0]?.index ?? 0).trim(), parts };
}

/**
 * Finds criteria written one after another inside a single cell ("3.1. Explain … 3.2. Explain
 * …"). Each must be the next number of the same outcome, so "section 4.2 of the Act" stays text.
 */
export function findInlineCriteria(
  text: string,
  outcome: number,
  firstNumber: number,
): { index: number; end: number; number: number }[] {
  const found: { index: number; end: number; number: number }[] = [];
  let expected = firstNumber;
  const pattern = /(^|\s)(?:AC\s*)?(\d{1,2})\.(\d{1,2})(?!\d|\.\d)[.):]?(?=\s)/gi;
  for (const m of text.matchAll(pattern)) {
    if (Number(m[2]) !== outcome || Number(m[3]) !== expected) continue;
    found.push({
      index: m.index + (m[1]?.length ?? 0),
      end: m.index + m[0].length,
      number: expected,
    });
    expected += 1;
  }
  return found;
}
