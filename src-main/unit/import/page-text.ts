import type { LineUseKind, Notice } from './import-types';
import { fieldForLabel, normaliseLevel, readMetadata } from './metadata';
import { matchCriterion, matchOutcome } from './refs';
import { rowText, type Row } from './split-row';

/**
 * What a web page, PDF or handbook wraps around a unit, read before the outcomes: the page's own
 * headings and breadcrumbs (never the unit's title), details written as a label on one line and
 * its value on the next, a "Unit 204  Title" heading, and "the learner will: … the learner can:"
 * run into one paragraph.
 */

export interface Skipped {
  line: number;
  use: LineUseKind;
}

export interface PageText {
  rows: Row[];
  skipped: Skipped[];
  notices: Notice[];
  unitNumber: string | null;
}

const furniture =
  /^(?:overview|unit overview|this unit is expiring|this unit has expired|expiring|expired|home|print|print this page|share|share this page|download|download pdf|back|back to top|back to results|skip to (?:main )?content|menu|search|contents|on this page|unit details|details|cookies?|accept (?:all )?cookies|sign in|log in|related qualifications|view all|top|you are here)\s*:?$/i;

/** A notice about the unit's status on the site, whatever date or detail follows it. */
const status =
  /^(?:this unit (?:is expiring|has expired|expires|is no longer available)|status:\s*(?:expiring|expired|withdrawn))\b/i;

function isBreadcrumb(text: string): boolean {
  const separators = text.match(/\s[>›»/|]\s/g)?.length ?? 0;
  return separators >= 2 || (/^home\b/i.test(text) && separators >= 1);
}

function isStructure(row: Row): boolean {
  const first = row.cells[0]?.text ?? '';
  return Boolean(matchCriterion(first) ?? matchOutcome(first)?.text);
}

function plausibleValue(field: ReturnType<typeof fieldForLabel>, value: string): boolean {
  switch (field) {
    case 'level':
      return normaliseLevel(value) !== null;
    case 'credits':
    case 'glh':
    case 'outcomeCount':
      return /^\d+(?:\.\d+)?(?:\s+(?:credits?|hours?))?$/i.test(value);
    case 'ofqual':
    case 'awardingBody':
      return /^\S+(?: \S+){0,2}$/.test(value) && /\d/.test(value);
    case 'title':
      return value.split(/\s+/).length <= 20 && !/:$/.test(value);
    default:
      return false;
  }
}

function isLabelOnly(text: string): boolean {
  const label = text.replace(/:$/, '').trim();
  if (!/^[A-Za-z][A-Za-z &()'’/-]*$/.test(label)) return false;
  return Boolean(fieldForLabel(label, '')) && label.split(/\s+/).length <= 6;
}

function single(row: Row, text: string, extra: Partial<Row> = {}): Row {
  return { ...row, cells: [{ text, col: 0 }], mode: 'index', ...extra };
}

const criterionVerbStart =
  /\s+(?=(?:Describe|Explain|Identify|Outline|State|List|Define|Name|Summarise|Give|Compare|Analyse|Evaluate|Assess|Use|Carry out|Demonstrate|Prepare|Check|Follow|Complete|Produce|Select|Apply|Agree|Confirm|Provide|Record|Report|Obtain|Maintain|Plan|Review|Communicate)\b)/;

const learnerMarker =
  /(?:(?:learning\s+outcomes?|assessment\s+criteria)\s*[–—-]\s*)?the\s+(?:learner|candidate|student)s?\s+(will|can)(?:\s+be\s+able\s+to)?\s*:/gi;

/** Splits "Learning outcomes – the learner will: 1. … Assessment criteria – the learner can: …". */
function splitRunIn(row: Row, notices: Notice[]): Row[] {
  // In a table the reader takes "The learner will:" off the front of a cell itself.
  if (row.cells.length !== 1) return [row];
  const text = rowText(row);
  const markers = [...text.matchAll(learnerMarker)];
  if (!markers.length) return [row];
  const first = markers[0];
  // "The learner can:" on its own line is already a heading the reader knows.
  if (
    markers.length === 1 &&
    first?.index === 0 &&
    /^the/i.test(text) &&
    first[0].length === text.length
  ) {
    return [row];
  }
  const out: Row[] = [];
  const before = text.slice(0, first?.index ?? 0).trim();
  if (before) out.push(single(row, before));
  markers.forEach((m, i) => {
    out.push(single(row, `The learner ${m[1]?.toLowerCase()}:`, { bullet: false }));
    const after = text.slice(m.index + m[0].length, markers[i + 1]?.index ?? text.length).trim();
    if (!after) return;
    if (m[1]?.toLowerCase() === 'will') {
      for (const piece of after.split(/\s+(?=\d{1,2}[.)]\s+[A-Z])/)) out.push(single(row, piece));
      return;
    }
    // Criteria with their numbers are split later; unnumbered ones are split at sentences.
    let pieces = /(?:^|\s)\d{1,2}\.\d{1,2}\b/.test(after)
      ? [after]
      : after.split(/\s*[•▪●]\s*|(?<=[.;])\s+(?=[A-Z])/).filter((p) => p.trim());
    // Without punctuation, each criterion still starts with its capitalised verb.
    if (pieces.length === 1 && !/\d\.\d/.test(after)) pieces = after.split(criterionVerbStart);
    for (const piece of pieces) out.push(single(row, piece.trim(), { bullet: pieces.length > 1 }));
  });
  if (out.length > 2 || (out.length === 2 && out[1]?.cells[0]?.text !== rowText(row))) {
    notices.push({
      line: row.line,
      message: `line ${row.line}: "the learner will" and "the learner can" were run together in one paragraph; they were read as separate lines`,
    });
  }
  return out;
}

export function readPageText(input: Row[]): PageText {
  const skipped: Skipped[] = [];
  const notices: Notice[] = [];
  let unitNumber: string | null = null;
  const rows = input.flatMap((row) => splitRunIn(row, notices));
  const out: Row[] = [];
  let structureSeen = false;

  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const text = rowText(row);
    if (isStructure(row)) structureSeen = true;

    const breadcrumb = !structureSeen && isBreadcrumb(text) && !readMetadata([text]).length;
    if (furniture.test(text) || status.test(text) || breadcrumb) {
      skipped.push({ line: row.line, use: 'ignored-markup' });
      notices.push({
        line: row.line,
        message: `line ${row.line}: "${text}" is part of the page around the unit (not its title or wording) and was left out`,
      });
      continue;
    }

    if (!structureSeen) {
      // "Unit 204   Handle customer telephone enquiries": the number is the unit's, not the title's.
      const numbered = /^[Uu]nit\s+(\d{1,4}[A-Z]?)(?:\s*[-–—:]\s*|\s+)([A-Z].*)$/.exec(text);
      if (numbered?.[1] && numbered[2] && !unitNumber) {
        unitNumber = numbered[1];
        out.push(single(row, `Unit title: ${numbered[2]}`, { markdownHeading: false }));
        continue;
      }
      const alone = /^unit\s+(\d{1,4}[A-Z]?)$/i.exec(text);
      const next = rows[i + 1];
      if (alone?.[1] && !unitNumber && next && !isLabelOnly(rowText(next))) {
        unitNumber = alone[1];
        skipped.push({ line: row.line, use: 'metadata' });
        out.push(single(next, `Unit title: ${rowText(next)}`, { markdownHeading: false }));
        i += 1;
        continue;
      }
    }

    // A label on its own line ("Credit value:") takes its value from the next line ("3").
    const next = rows[i + 1];
    if (
      isLabelOnly(text) &&
      next &&
      !isLabelOnly(rowText(next)) &&
      !/^[A-Z]/.test(matchOutcome(rowText(next))?.text ?? '')
    ) {
      const label = text.replace(/:$/, '').trim();
      const value = rowText(next);
      const field = fieldForLabel(label, value);
      if (field && plausibleValue(field, value)) {
        out.push(single(row, `${label}: ${value}`, { markdownHeading: false }));
        skipped.push({ line: next.line, use: 'metadata' });
        i += 1;
        continue;
      }
    }
    out.push(row);
  }
  return { rows: out, skipped, notices, unitNumber };
}
