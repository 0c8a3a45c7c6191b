import type { Diagnostic } from './import-types';
import { schemeOf, type PartScheme } from './refs';

/**
 * The outcomes, criteria and parts as they are read, before inline numbering is split out.
 * Text is kept as runs with their line numbers so a criterion found later inside a run can
 * still be reported against the line it came from.
 */

export interface Run {
  line: number;
  text: string;
  /** Joined as a list item ("; ") rather than a wrapped line (" "). */
  listItem?: boolean;
}

export interface PartDraft {
  kind: 'part';
  ref: string;
  runs: Run[];
  line: number;
}

export interface CriterionDraft {
  kind: 'criterion';
  outcome: number;
  number: number;
  runs: Run[];
  parts: PartDraft[];
  scheme: PartScheme | null;
  line: number;
  detached: boolean;
}

export interface OutcomeDraft {
  kind: 'outcome';
  number: number;
  runs: Run[];
  criteria: CriterionDraft[];
  /** null while the outcome is only known from its criteria' numbering. */
  line: number | null;
}

export type Draft = OutcomeDraft | CriterionDraft | PartDraft;

export function joinRuns(runs: Run[]): {
  text: string;
  starts: { offset: number; line: number }[];
} {
  let text = '';
  const starts: { offset: number; line: number }[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    if (text && run.listItem) text = /[:;,]$/.test(text) ? `${text} ` : `${text}; `;
    // A line that ended in a hyphen ("follow-") joins without a space ("follow-up").
    else if (text && !(text.endsWith('-') && !text.endsWith(' -'))) text = `${text} `;
    starts.push({ offset: text.length, line: run.line });
    text += run.text;
  }
  return { text, starts };
}

export function lineAt(runs: Run[], offset: number, fallback: number): number {
  let line = fallback;
  for (const start of joinRuns(runs).starts) if (start.offset <= offset) line = start.line;
  return line;
}

export function draftText(draft: Draft): string {
  return joinRuns(draft.runs).text;
}

function sameWording(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

export class OutcomeTree {
  readonly outcomes: OutcomeDraft[] = [];
  readonly detached: CriterionDraft[] = [];
  readonly diagnostics: Diagnostic[] = [];
  current: OutcomeDraft | null = null;
  lastCriterion: CriterionDraft | null = null;
  private readonly criterionLines = new Map<string, number>();
  private readonly warnedPlaceholders = new Set<number>();

  get highestOutcome(): number {
    return this.outcomes.reduce((max, o) => Math.max(max, o.number), 0);
  }

  find(number: number): OutcomeDraft | undefined {
    return this.outcomes.find((o) => o.number === number);
  }

  /** Starts (or returns to) an outcome; says whether `text` is new wording for it. */
  startOutcome(
    number: number,
    text: string,
    line: number,
  ): { outcome: OutcomeDraft; takesText: boolean } {
    let outcome = this.find(number);
    let takesText = true;
    if (!outcome) {
      outcome = { kind: 'outcome', number, runs: [], criteria: [], line };
      this.outcomes.push(outcome);
    } else if (outcome.line === null) {
      outcome.line = line;
    } else if (text && draftText(outcome)) {
      // A table that repeats the outcome on each of its rows is not a second outcome.
      takesText = false;
      if (!sameWording(text, draftText(outcome))) {
        this.warn(
          line,
          `learning outcome ${number} appears twice (first on line ${outcome.line}); the wording here, "${text}", was not used`,
        );
      }
    }
    this.current = outcome;
    return { outcome, takesText };
  }

  addCriterion(outcomeNumber: number, number: number, line: number): CriterionDraft {
    const criterion: CriterionDraft = {
      kind: 'criterion',
      outcome: outcomeNumber,
      number,
      runs: [],
      parts: [],
      scheme: null,
      line,
      detached: false,
    };
    this.lastCriterion = criterion;
    const key = `${outcomeNumber}.${number}`;
    if (this.criterionLines.has(key)) {
      criterion.detached = true;
      this.detached.push(criterion);
      return criterion;
    }
    this.criterionLines.set(key, line);
    let outcome = this.find(outcomeNumber);
    if (!outcome) {
      outcome = { kind: 'outcome', number: outcomeNumber, runs: [], criteria: [], line: null };
      this.outcomes.push(outcome);
    }
    if (outcome.line === null && !this.warnedPlaceholders.has(outcomeNumber)) {
      this.warnedPlaceholders.add(outcomeNumber);
      this.warn(line, `criterion ${key} comes before any learning outcome ${outcomeNumber}`);
    } else if (outcome.line !== null && this.current && this.current !== outcome) {
      this.warn(
        line,
        `criterion ${key} appears under learning outcome ${this.current.number}; it was kept with learning outcome ${outcomeNumber}`,
      );
    }
    outcome.criteria.push(criterion);
    return criterion;
  }

  addPart(criterion: CriterionDraft, ref: string, line: number): PartDraft {
    const part: PartDraft = { kind: 'part', ref, runs: [], line };
    if (criterion.scheme === null) criterion.scheme = schemeOf(ref);
    criterion.parts.push(part);
    return part;
  }

  firstLineOf(key: string): number | undefined {
    return this.criterionLines.get(key);
  }

  warn(line: number | null, message: string): void {
    this.diagnostics.push({
      severity: 'warning',
      line,
      message: line === null ? message : `line ${line}: ${message}`,
    });
  }
}
