import { wordCount } from './clean-text';
import { isSectionHeading, isStructureHeading, namesSection } from './headings';
import type { Notice } from './import-types';
import {
  cellBullet,
  letter,
  listNumber,
  mayBeOutcomeWording,
  outcomeWording,
  type CellResult,
  type Criterion,
  type Outcome,
} from './numbering-shapes';
import { matchCriterion, matchOutcome, matchPart, stripLearnerPrefix } from './refs';
import { rowText, type Cell, type Row } from './split-row';
import { outcomeNumberFor } from './outcome-number';
import { asGuidance, guidanceHeader, takeGuidance } from './indicative-column';

/** A step's reading of a cell; undefined when the cell is not of the kind the step reads. */
type Read = CellResult | null | undefined;

/**
 * Numbers what the text leaves unnumbered, before the outcomes are read: a learning outcome whose
 * number the page styled away (taken from its criteria's numbers, or from its order), criteria in
 * a list under "The learner can:" (from the list's order), bullets under a criterion that ends
 * with ":" (lettered as its parts), and a table column of indicative content (kept as guidance
 * for the criterion beside it). Each guess is listed as a notice with its line.
 */
class Numbering {
  readonly notices: Notice[] = [];
  readonly rows: Row[] = [];
  private outcome: Outcome | null = null;
  private highest = 0;
  private criterion: Criterion | null = null;
  private criteriaList = false;
  /** How far a list that restarted at 1 is behind the criteria's numbering. */
  private listOffset = 0;
  private inOutcomes = false;
  private guidance: { col: number; label: string } | null = null;
  private partNotice: { line: number; ref: string; from: string; to: string } | null = null;

  constructor(private readonly input: Row[]) {}

  run(): Row[] {
    this.input.forEach((row, index) => this.row(row, index));
    this.flushPartNotice();
    return this.rows;
  }

  private notice(line: number, message: string): void {
    this.notices.push({ line, message: `line ${line}: ${message}` });
  }

  private row(row: Row, index: number): void {
    // The indicative-content column lasts as long as the table's rows do.
    if (row.mode !== 'index' || row.blankBefore) this.guidance = null;
    if (this.readGuidanceHeader(row)) return;
    const text = rowText(row);
    if (row.cells.length && row.cells.every((c) => isStructureHeading(c.text))) {
      this.inOutcomes = true;
      this.criteriaList = /can|criteri/i.test(text) && !/will|outcome/i.test(text);
      if (/will/i.test(text)) this.criteriaList = false;
      this.rows.push(row);
      return;
    }
    let moved: Row[] = [];
    if (this.guidance) ({ row, moved } = takeGuidance(row, this.guidance.col));
    if (!row.cells.length) {
      // The row held only indicative content; it is kept as guidance below.
      this.rows.push(...moved.map((m) => this.attach(m)));
      return;
    }
    const cells = row.cells.map((cell, i) => this.cell(row, cell, i, index));
    const bulletParts = cells.some((c) => c !== null && c.partFromBullet);
    const continues = cells.some((c) => c !== null && c.continues);
    this.rows.push({
      ...row,
      cells: cells.map((c, i) => c?.cell ?? row.cells[i]!),
      bullet: bulletParts ? false : row.bullet,
      ...(continues ? { continues } : {}),
    });
    this.rows.push(...moved.map((m) => this.attach(m)));
  }

  /** A header row naming an indicative-content column: that column is guidance from now on. */
  private readGuidanceHeader(row: Row): boolean {
    const header = guidanceHeader(row);
    if (!header) return false;
    this.guidance = header.guidance;
    this.inOutcomes = true;
    this.rows.push({ ...row, cells: header.headings });
    return true;
  }

  private attach(row: Row): Row {
    return asGuidance(row, this.guidance?.label ?? 'Guidance', this.criterion?.ref);
  }

  private cell(row: Row, cell: Cell, i: number, index: number): CellResult | null {
    // Register text gives only the end of a criterion's number (".1 Identify …").
    const echo = /^\.(\d{1,2})\s+(\S.*)$/.exec(cell.text);
    const outcome = this.outcome;
    if (echo?.[2] && outcome && Number(echo[1]) === outcome.criteria + 1) {
      const ref = `${outcome.number}.${echo[1]}`;
      this.notice(
        row.line,
        `criterion ${ref} was numbered from learning outcome ${outcome.number} and its ".${echo[1]}"`,
      );
      const numbered = { ...cell, text: `${ref} ${echo[2]}` };
      return this.readCell(row, numbered, i, index) ?? { cell: numbered };
    }
    return this.readCell(row, cell, i, index);
  }

  /** What a cell is, step by step; the first step that knows it reads it. */
  private readCell(row: Row, cell: Cell, i: number, index: number): CellResult | null {
    const text = stripLearnerPrefix(cell.text);
    if (this.numberedCriterion(text)) return null;
    const bullet = (i === 0 && row.bullet) || cellBullet.test(cell.text);
    const wording = cell.text.replace(cellBullet, '');
    const steps = [
      () => this.numberedOutcome(row, cell, i, text),
      () => this.underCriterion(row, cell, bullet, wording),
      () => this.unnumberedOutcome(row, cell, i, index, bullet, wording),
      () => this.listedCriterion(row, cell, bullet, wording),
    ];
    for (const step of steps) {
      const read = step();
      if (read !== undefined) return read;
    }
    this.plainLine(row, bullet, wording);
    return null;
  }

  /** "3.2 Explain …": a criterion with its number, starting its outcome where need be. */
  private numberedCriterion(text: string): boolean {
    const criterion = matchCriterion(text);
    if (!criterion) return false;
    this.inOutcomes = true;
    if (!this.outcome || this.outcome.number !== criterion.outcome) {
      this.outcome = {
        number: criterion.outcome,
        hasText: Boolean(this.outcome?.number === criterion.outcome && this.outcome.hasText),
        col: -1,
        criteria: 0,
        explicitCriteria: true,
      };
      this.highest = Math.max(this.highest, criterion.outcome);
    }
    if (!this.outcome.hasText && criterion.number === 1) this.wordingAbove(criterion.outcome);
    this.outcome.criteria = Math.max(this.outcome.criteria, criterion.number);
    this.outcome.explicitCriteria = true;
    this.startCriterion(`${criterion.outcome}.${criterion.number}`, criterion.text, true);
    return true;
  }

  /** "Learning outcome 2 …" or "2. Understand …": an outcome with its number. */
  private numberedOutcome(row: Row, cell: Cell, i: number, text: string): Read {
    const outcome = matchOutcome(text);
    const firstColumn = row.mode === 'offset' ? i === 0 : cell.col === 0;
    // Under "The learner can:", "2. Explain …" goes on the list of criteria, not a new outcome.
    const continuesList =
      this.outcome !== null &&
      !this.outcome.explicitCriteria &&
      this.outcome.criteria > 0 &&
      !outcomeWording.test(outcome?.text ?? '') &&
      outcome?.number === this.outcome.criteria + 1 - this.listOffset;
    if (
      outcome &&
      !continuesList &&
      (outcome.prefixed || (firstColumn && outcome.number === this.highest + 1))
    ) {
      if (!outcome.prefixed && outcome.text && !/^["'‘“(]?[A-Z]/.test(outcome.text)) return null;
      this.startOutcome(outcome.number, Boolean(outcome.text), cell.col);
      return null;
    }
    // Word restarts a numbered list in each table row, so outcome after outcome reads "1.".
    if (
      outcome &&
      !outcome.prefixed &&
      firstColumn &&
      outcome.number === 1 &&
      this.highest >= 1 &&
      outcomeWording.test(outcome.text)
    ) {
      const number = this.highest + 1;
      this.startOutcome(number, true, cell.col);
      this.notice(
        row.line,
        `learning outcome ${number} was numbered from its order (the list starts again at 1 here)`,
      );
      return { cell: { ...cell, text: `Learning outcome ${number}: ${outcome.text}` } };
    }
    return undefined;
  }

  /** A line under a criterion: its parts, lettered or bulleted, or more of its wording. */
  private underCriterion(row: Row, cell: Cell, bullet: boolean, wording: string): Read {
    // Bullets under a criterion that ends with ":" are its parts.
    const c = this.criterion;
    if (bullet && c && /:$/.test(c.text) && !matchPart(wording)) {
      const ref = letter(c.parts);
      c.parts += 1;
      this.notePart(row.line, c.ref, ref);
      // Out of a PDF or a page the bullet's indent is not a column of the table.
      const col = row.mode === 'offset' ? 0 : cell.col;
      return { cell: { text: `${ref}) ${wording}`, col }, partFromBullet: true };
    }
    if (matchPart(wording) && c) {
      c.parts += 1;
      return null;
    }
    // Other bullets under a numbered criterion stay in its wording, even after a blank line.
    if (bullet && c?.text && this.outcome?.explicitCriteria && row.cells.length === 1) {
      return { cell, continues: true };
    }
    return undefined;
  }

  /** An outcome whose number the page does not show, numbered from what follows it. */
  private unnumberedOutcome(
    row: Row,
    cell: Cell,
    i: number,
    index: number,
    bullet: boolean,
    wording: string,
  ): Read {
    if (
      i === 0 &&
      !bullet &&
      outcomeWording.test(wording) &&
      wordCount(wording) >= 3 &&
      !/:$/.test(wording) &&
      !(this.outcome && !this.outcome.hasText && this.outcome.col >= 0 && !this.criterion)
    ) {
      const inferred = outcomeNumberFor(this.input, row, index, {
        highest: this.highest,
        outcome: this.outcome?.number ?? null,
        inOutcomes: this.inOutcomes,
      });
      if (inferred) {
        this.startOutcome(inferred.number, true, cell.col);
        this.notice(row.line, `learning outcome ${inferred.number} was numbered ${inferred.why}`);
        return { cell: { ...cell, text: `Learning outcome ${inferred.number}: ${wording}` } };
      }
    }
    return undefined;
  }

  /** A criterion numbered by its place in a list, or a bullet in a list of criteria. */
  private listedCriterion(row: Row, cell: Cell, bullet: boolean, wording: string): Read {
    const current = this.outcome;
    // A criterion numbered by its list ("1. Describe …" under outcome 3, or a bullet).
    const numbered = listNumber.exec(wording);
    // To the right of the outcome: a later table column, or a list indented under it.
    const inCriteriaColumn = current !== null && current.col >= 0 && cell.col > current.col;
    const k = Number(numbered?.[1] ?? 0);
    // Word restarts a list at 1 in each cell of a table; the order still numbers them.
    const restarts = inCriteriaColumn && k === 1 && (current?.criteria ?? 0) > 0;
    // A numbered list straight under an outcome ("1. Understand …" then "1. Explain …").
    const underOutcome = current !== null && current.hasText && (current.criteria > 0 || k === 1);
    if (
      current &&
      (this.criteriaList || inCriteriaColumn || underOutcome) &&
      !current.explicitCriteria &&
      numbered?.[2] &&
      (k + this.listOffset === current.criteria + 1 || restarts) &&
      !outcomeWording.test(numbered[2])
    ) {
      if (restarts) this.listOffset = current.criteria;
      return { cell: { ...cell, text: this.inferCriterion(row.line, numbered[2]) } };
    }
    // A bulleted list straight under an outcome is its criteria, heading or not.
    const bulletList = bullet && this.inOutcomes && !isStructureHeading(wording);
    if (
      current &&
      current.hasText &&
      (this.criteriaList || bulletList) &&
      !current.explicitCriteria &&
      (bullet || inCriteriaColumn || this.startsCriterion(row, wording))
    ) {
      return { cell: { ...cell, text: this.inferCriterion(row.line, wording) } };
    }
    return undefined;
  }

  /** Any other line: the wording of a criterion numbered alone, or a heading ending the list. */
  private plainLine(row: Row, bullet: boolean, wording: string): void {
    const c = this.criterion;
    const current = this.outcome;
    // The wording of a criterion whose number stands alone on the line above.
    if (c && !c.text) c.text = wording;
    else if (c && !bullet && /^[a-z]/.test(wording)) c.text = `${c.text} ${wording}`;
    else if (
      !bullet &&
      isSectionHeading(wording, { markdown: row.markdownHeading, strict: true })
    ) {
      if (!c || c.text) {
        this.criterion = null;
        this.criteriaList = false;
        this.inOutcomes = false;
      }
    }
    if (current && !current.hasText && !c && !bullet) current.hasText = true;
  }

  /**
   * An outcome known only from its criteria' numbers takes as its wording the plain line just
   * above its first criterion, set apart by a blank line ("Customer service in the community").
   */
  private wordingAbove(outcome: number): void {
    const above = this.rows[this.rows.length - 1];
    // The first line is the unit's title, never an outcome's wording.
    if (!above || this.rows.length === 1 || !mayBeOutcomeWording(above)) return;
    const text = above.cells[0]?.text ?? '';
    this.rows[this.rows.length - 1] = {
      ...above,
      cells: [{ text: `Learning outcome ${outcome}: ${text}`, col: 0 }],
      markdownHeading: false,
    };
    this.outcome!.hasText = true;
    this.outcome!.col = 0;
    this.notice(
      above.line,
      `"${text}" was read as the wording of learning outcome ${outcome}, as the line above its first criterion`,
    );
  }

  /** A plain line in a list of unnumbered criteria is a new criterion unless it wraps the last. */
  private startsCriterion(row: Row, text: string): boolean {
    if (!/^[A-Z]/.test(text)) return false;
    const heading = isSectionHeading(text, { markdown: row.markdownHeading, strict: true });
    if (heading && namesSection(text)) return false;
    const last = this.criterion?.text ?? '';
    return !last || /[.:;!?]$/.test(last) || row.blankBefore || wordCount(text) >= 3;
  }

  private inferCriterion(line: number, text: string): string {
    const outcome = this.outcome!;
    outcome.criteria += 1;
    const ref = `${outcome.number}.${outcome.criteria}`;
    this.startCriterion(ref, text, false);
    this.notice(line, `criterion ${ref} was numbered from its place in the list`);
    return `${ref} ${text}`;
  }

  private startCriterion(ref: string, text: string, explicit: boolean): void {
    this.flushPartNotice();
    this.criterion = { ref, text, parts: 0, explicit };
  }

  private startOutcome(number: number, hasText: boolean, col: number): void {
    this.flushPartNotice();
    this.outcome = { number, hasText, col, criteria: 0, explicitCriteria: false };
    this.listOffset = 0;
    this.highest = Math.max(this.highest, number);
    this.criterion = null;
    this.criteriaList = false;
    this.inOutcomes = true;
  }

  private notePart(line: number, ref: string, part: string): void {
    if (this.partNotice?.ref === ref) this.partNotice.to = part;
    else {
      this.flushPartNotice();
      this.partNotice = { line, ref, from: part, to: part };
    }
  }

  private flushPartNotice(): void {
    const p = this.partNotice;
    if (!p) return;
    const joiner = p.to.charCodeAt(0) - p.from.charCodeAt(0) === 1 ? 'and' : 'to';
    const which = p.from === p.to ? `part ${p.from}` : `parts ${p.from} ${joiner} ${p.to}`;
    this.notice(
      p.line,
      `the list under criterion ${p.ref} was read as its ${which}, lettered from the list's order`,
    );
    this.partNotice = null;
  }
}

export function inferNumbering(rows: Row[]): { rows: Row[]; notices: Notice[] } {
  const numbering = new Numbering(rows);
  const out = numbering.run();
  return { rows: out, notices: numbering.notices };
}
