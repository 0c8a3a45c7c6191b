import type { Criterion, Outcome, UnitSpec } from '../unit-schema';

/** One thing that differs between two versions of a unit, described for the assessor. */
export interface UnitDifference {
  subject: 'details' | 'outcome' | 'criterion' | 'part' | 'method' | 'guidance';
  change: 'changed' | 'added' | 'removed' | 'reworded';
  /** The outcome, criterion or part ref ("3", "3.2", "9.1b"), the method name, or the field. */
  ref: string;
  before: string | null;
  after: string | null;
  description: string;
}

const detailFields: { label: string; get: (u: UnitSpec) => string | number | null }[] = [
  { label: 'title', get: (u) => u.title },
  { label: 'level', get: (u) => u.level },
  { label: 'credit value', get: (u) => u.credits },
  { label: 'guided learning hours', get: (u) => u.glh },
  { label: 'Ofqual unit reference', get: (u) => u.codes.ofqual },
  { label: 'unit code', get: (u) => u.codes.awardingBody },
  { label: 'unit number', get: (u) => u.codes.unitNumber ?? null },
];

const show = (v: string | number | null) => (v === null || v === '' ? 'none' : `"${v}"`);

function byRef<T extends { ref: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.ref, i]));
}

/** Refs of both lists in order: those of `a`, then any only in `b`. */
function allRefs(a: { ref: string }[], b: { ref: string }[]): string[] {
  return [...new Set([...a.map((i) => i.ref), ...b.map((i) => i.ref)])];
}

function compareTexts(
  subject: 'outcome' | 'criterion' | 'part',
  name: string,
  ref: string,
  before: string | undefined,
  after: string | undefined,
): UnitDifference | null {
  if (before === undefined && after !== undefined) {
    return {
      subject,
      change: 'added',
      ref,
      before: null,
      after,
      description: `${name} ${ref} was added: "${after}"`,
    };
  }
  if (before !== undefined && after === undefined) {
    return {
      subject,
      change: 'removed',
      ref,
      before,
      after: null,
      description: `${name} ${ref} was removed: "${before}"`,
    };
  }
  if (before !== undefined && after !== undefined && before !== after) {
    return {
      subject,
      change: 'reworded',
      ref,
      before,
      after,
      description: `${name} ${ref} was reworded from "${before}" to "${after}"`,
    };
  }
  return null;
}

function diffCriterion(
  ref: string,
  a: Criterion | undefined,
  b: Criterion | undefined,
): UnitDifference[] {
  const found: UnitDifference[] = [];
  const text = compareTexts('criterion', 'criterion', ref, a?.text, b?.text);
  if (text) found.push(text);
  if (!a || !b) return found;
  const aParts = byRef(a.parts);
  const bParts = byRef(b.parts);
  for (const partRef of allRefs(a.parts, b.parts)) {
    const d = compareTexts(
      'part',
      'part',
      `${ref}${partRef}`,
      aParts.get(partRef)?.text,
      bParts.get(partRef)?.text,
    );
    if (d) found.push(d);
  }
  return found;
}

function diffOutcome(
  ref: string,
  a: Outcome | undefined,
  b: Outcome | undefined,
): UnitDifference[] {
  const found: UnitDifference[] = [];
  const text = compareTexts('outcome', 'learning outcome', ref, a?.text, b?.text);
  if (text) found.push(text);
  const aCriteria = byRef(a?.criteria ?? []);
  const bCriteria = byRef(b?.criteria ?? []);
  // A whole outcome added or removed is one change; its criteria are not listed again.
  if (!a || !b) return found;
  for (const criterionRef of allRefs(a.criteria, b.criteria)) {
    found.push(
      ...diffCriterion(criterionRef, aCriteria.get(criterionRef), bCriteria.get(criterionRef)),
    );
  }
  return found;
}

/** What changed from version `a` of a unit to version `b`. */
export function diffUnits(a: UnitSpec, b: UnitSpec): UnitDifference[] {
  const found: UnitDifference[] = [];
  for (const field of detailFields) {
    const before = field.get(a);
    const after = field.get(b);
    if (before === after) continue;
    found.push({
      subject: 'details',
      change: 'changed',
      ref: field.label,
      before: before === null ? null : String(before),
      after: after === null ? null : String(after),
      description: `The ${field.label} changed from ${show(before)} to ${show(after)}`,
    });
  }
  const aOutcomes = byRef(a.outcomes);
  const bOutcomes = byRef(b.outcomes);
  for (const ref of allRefs(a.outcomes, b.outcomes)) {
    found.push(...diffOutcome(ref, aOutcomes.get(ref), bOutcomes.get(ref)));
  }
  const aMethods = new Map(a.methods.map((m) => [m.name, m.use]));
  const bMethods = new Map(b.methods.map((m) => [m.name, m.use]));
  for (const name of new Set([...aMethods.keys(), ...bMethods.keys()])) {
    const before = aMethods.get(name) ?? null;
    const after = bMethods.get(name) ?? null;
    if (before === after) continue;
    const change = before === null ? 'added' : after === null ? 'removed' : 'changed';
    const description =
      change === 'added'
        ? `${name} was added to the method grid as ${after}`
        : change === 'removed'
          ? `${name} was taken out of the method grid (it was ${before})`
          : `${name} changed from ${before} to ${after}`;
    found.push({ subject: 'method', change, ref: name, before, after, description });
  }
  const aGuidance = new Set(a.guidance);
  const bGuidance = new Set(b.guidance);
  for (const g of a.guidance) {
    if (!bGuidance.has(g)) {
      found.push({
        subject: 'guidance',
        change: 'removed',
        ref: 'guidance',
        before: g,
        after: null,
        description: `Guidance removed: "${g}"`,
      });
    }
  }
  for (const g of b.guidance) {
    if (!aGuidance.has(g)) {
      found.push({
        subject: 'guidance',
        change: 'added',
        ref: 'guidance',
        before: null,
        after: g,
        description: `Guidance added: "${g}"`,
      });
    }
  }
  return found;
}
