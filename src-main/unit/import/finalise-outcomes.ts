import type { Criterion, Outcome, OutcomeKind, Part } from '../unit-schema';
import {
  draftText,
  joinRuns,
  lineAt,
  type CriterionDraft,
  type OutcomeDraft,
  type OutcomeTree,
} from './outcome-tree';
import { findInlineCriteria, splitInlineParts, type PartScheme } from './refs';

/**
 * Turns the drafts into the unit's outcomes: splits criteria and parts written inline, keeps the
 * first of any duplicated criterion and says so, and numbers everything in order.
 */

interface FlatCriterion {
  number: number;
  text: string;
  parts: Part[];
  scheme: PartScheme | null;
  line: number;
}

export interface FinalOutcome {
  outcome: Outcome;
  line: number | null;
  criterionLines: number[];
  /** Why the kind was guessed, when the outcome's wording did not say. */
  kindGuess: string | null;
}

/** Understand/Know outcomes are knowledge; Be able to and anything else needs real work. */
export function outcomeKind(text: string): OutcomeKind {
  const wording = text.replace(/^the\s+(?:learner|candidate|student)s?\s+will\s*:?\s*/i, '');
  return /^(understand|know)\b/i.test(wording) ? 'knowledge' : 'competence';
}

const knowledgeVerbs = new Set([
  'describe', 'explain', 'identify', 'outline', 'state', 'define', 'list', 'name', 'summarise',
  'summarize', 'recognise', 'recall',
]); // prettier-ignore

/**
 * The kind from the outcome's wording where it says (Understand/Know, Be able to); otherwise
 * from what its criteria ask for, most of them knowledge verbs (describe, explain …) making it a
 * knowledge outcome, with the reason so the guess can be listed for the assessor to check.
 */
export function guessKind(
  text: string,
  criteria: string[],
): { kind: OutcomeKind; guess: string | null } {
  const wording = text.replace(/^the\s+(?:learner|candidate|student)s?\s+will\s*:?\s*/i, '');
  if (/^(understand|know)\b/i.test(wording)) return { kind: 'knowledge', guess: null };
  if (/^be\s+able\b/i.test(wording) || !criteria.length) {
    return { kind: outcomeKind(text), guess: null };
  }
  const verbs = criteria.map((c) => (/^[A-Za-z]+/.exec(c)?.[0] ?? '').toLowerCase());
  const knowing = verbs.filter((v) => knowledgeVerbs.has(v));
  const kind: OutcomeKind = knowing.length * 2 > verbs.length ? 'knowledge' : 'competence';
  const shown = [...new Set(kind === 'knowledge' ? knowing : verbs.filter((v) => v))].slice(0, 4);
  const asks = shown.length ? ` and its criteria ask the learner to ${shown.join(', ')}` : '';
  const says = text ? 'does not start Understand, Know or Be able to' : 'is missing';
  return { kind, guess: `${kind}, because its wording ${says}${asks}` };
}

/** Register text echoes the number before the wording (".1 Identify …"); the echo is dropped. */
function withoutEcho(text: string, number: number): string {
  const echo = /^\.(\d{1,2})\s+/.exec(text);
  return echo && Number(echo[1]) === number ? text.slice(echo[0].length) : text;
}

function splitCriteriaIn(
  text: string,
  runs: CriterionDraft['runs'],
  outcome: number,
  firstNumber: number,
  fallbackLine: number,
): { head: string; criteria: FlatCriterion[] } {
  const found = findInlineCriteria(text, outcome, firstNumber);
  const criteria = found.map((f, i) => ({
    number: f.number,
    text: text.slice(f.end, found[i + 1]?.index ?? text.length).trim(),
    parts: [],
    scheme: null,
    line: lineAt(runs, f.index, fallbackLine),
  }));
  return { head: found[0] ? text.slice(0, found[0].index).trim() : text, criteria };
}

function flatten(draft: CriterionDraft): FlatCriterion[] {
  const text = draftText(draft);
  const { head, criteria } = splitCriteriaIn(
    text,
    draft.runs,
    draft.outcome,
    draft.number + 1,
    draft.line,
  );
  const all: FlatCriterion[] = [
    { number: draft.number, text: head, parts: [], scheme: draft.scheme, line: draft.line },
    ...criteria,
  ];
  const owner = all[all.length - 1];
  if (owner && draft.parts.length) {
    owner.scheme = draft.scheme;
    owner.parts = draft.parts.map((p) => ({ ref: p.ref, text: draftText(p) }));
  }
  return all.map(withInlineParts);
}

function withInlineParts(c: FlatCriterion): FlatCriterion {
  if (!c.parts.length) {
    const split = splitInlineParts(c.text, { last: null, scheme: null }, 2);
    return split ? { ...c, text: split.stem, parts: split.parts } : c;
  }
  // A listed part may carry the next parts inline ("b) resolve … c) refer …").
  const last = c.parts[c.parts.length - 1];
  if (!last) return c;
  const split = splitInlineParts(last.text, { last: last.ref, scheme: c.scheme }, 1);
  if (!split) return c;
  return {
    ...c,
    parts: [...c.parts.slice(0, -1), { ref: last.ref, text: split.stem }, ...split.parts],
  };
}

export function finaliseOutcomes(tree: OutcomeTree): FinalOutcome[] {
  for (const d of tree.detached) {
    reportDuplicate(tree, `${d.outcome}.${d.number}`, d.line, draftText(d));
  }
  return [...tree.outcomes]
    .sort((a, b) => a.number - b.number)
    .map((draft) => finaliseOutcome(tree, draft));
}

function finaliseOutcome(tree: OutcomeTree, draft: OutcomeDraft): FinalOutcome {
  const joined = joinRuns(draft.runs).text;
  const fromText = splitCriteriaIn(joined, draft.runs, draft.number, 1, draft.line ?? 0);
  const flat = [...fromText.criteria, ...draft.criteria.flatMap(flatten)];
  const kept: FlatCriterion[] = [];
  for (const c of flat) {
    const first = kept.find((k) => k.number === c.number);
    if (first) {
      reportDuplicate(tree, `${draft.number}.${c.number}`, c.line, c.text, first.line);
    } else {
      kept.push(c);
    }
  }
  kept.sort((a, b) => a.number - b.number);
  const criteria: Criterion[] = kept.map((c) => ({
    ref: `${draft.number}.${c.number}`,
    text: withoutEcho(c.text, c.number),
    parts: c.parts,
  }));
  const { kind, guess } = guessKind(
    fromText.head,
    criteria.map((c) => c.text),
  );
  return {
    outcome: { ref: String(draft.number), text: fromText.head, kind, criteria },
    line: draft.line,
    criterionLines: kept.map((c) => c.line),
    kindGuess: guess,
  };
}

function reportDuplicate(
  tree: OutcomeTree,
  ref: string,
  line: number,
  text: string,
  firstLine = tree.firstLineOf(ref),
): void {
  const where = firstLine === undefined ? '' : ` (first on line ${firstLine})`;
  const wording = text ? `, "${text}",` : '';
  tree.warn(line, `criterion ${ref} appears twice${where}; the second${wording} was not imported`);
}
