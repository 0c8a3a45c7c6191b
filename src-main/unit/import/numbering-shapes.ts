import { wordCount } from './clean-text';
import { isSectionHeading, isStructureHeading, namesSection } from './headings';
import { readMetadata } from './metadata';
import { matchCriterion, matchOutcome } from './refs';
import type { Cell, Row } from './split-row';

/** The shapes the numbering inference looks for, and what it keeps while reading. */

export const outcomeWording = /^(?:understand|know|be able to)\b/i;
export const cellBullet = /^(?:[•▪◦‣●○■►➢✓-])\s+/;
export const listNumber = /^(\d{1,2})[.)]\s+(.+)$/;
export const guidanceColumn =
  /^(?:indicative\s+(?:content|guidance)|unit\s+content|content|amplification|unit\s+amplification|guidance(?:\s+for\s+delivery)?|delivery\s+guidance|assessment\s+guidance|range|evidence\s+requirements?|examples?)\b/i;

export interface Criterion {
  ref: string;
  text: string;
  parts: number;
  explicit: boolean;
}

export interface CellResult {
  cell: Cell;
  partFromBullet?: boolean;
  continues?: boolean;
}

export interface Outcome {
  number: number;
  hasText: boolean;
  col: number;
  criteria: number;
  explicitCriteria: boolean;
}

export function letter(n: number): string {
  return String.fromCharCode(97 + Math.min(n, 25));
}

/**
 * Whether a plain line can be the wording of an outcome known only from its criteria's numbers:
 * set apart by a blank line, a few words starting with a capital, not a heading, detail or ref.
 */
export function mayBeOutcomeWording(above: Row): boolean {
  const text = above.cells.length === 1 ? (above.cells[0]?.text ?? '') : '';
  return !(
    readMetadata([text]).length > 0 ||
    !above.blankBefore ||
    above.bullet ||
    above.guidanceOnly ||
    !/^[A-Z]/.test(text) ||
    /[.:;,]$/.test(text) ||
    wordCount(text) < 2 ||
    wordCount(text) > 30 ||
    isStructureHeading(text) ||
    matchCriterion(text) ||
    matchOutcome(text) ||
    (isSectionHeading(text, { markdown: above.markdownHeading, strict: true }) &&
      namesSection(text) &&
      !/^[A-Z][a-z]/.test(text))
  );
}
