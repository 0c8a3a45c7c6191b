import { startsLowercase, wordCount } from './clean-text';
import { guidanceLine, type GuidanceLine } from './guidance';
import { isSectionHeading, isStructureHeading } from './headings';
import type { LineUseKind } from './import-types';
import { readMetadata } from './metadata';
import { findGridRows, isGridLegend, toMethodUses } from './method-grid';
import { OutcomeTree, type Draft } from './outcome-tree';
import {
  matchCriterion,
  matchOutcome,
  matchPart,
  nextPartRefs,
  schemeOf,
  stripLearnerPrefix,
  type PartScheme,
  type CriterionRef,
  type OutcomeRef,
  type PartRef,
} from './refs';
import { rowText, type Cell, type Row } from './split-row';
import { UnitDetails } from './unit-details';
import type { MethodUse } from '../unit-schema';

type Token =
  | { type: 'outcome'; cell: Cell; ref: OutcomeRef }
  | { type: 'criterion'; cell: Cell; ref: CriterionRef }
  | { type: 'part'; cell: Cell; ref: PartRef }
  | { type: 'heading'; cell: Cell }
  | { type: 'text'; cell: Cell; text: string };

interface Owner {
  mode: Row['mode'];
  col: number;
  draft: Draft;
}

/**
 * Walks a specification row by row, building the outcome tree and keeping everything else as
 * metadata, method grid or guidance. Every row ends up with at least one recorded use.
 */
export class StructureReader {
  readonly tree = new OutcomeTree();
  readonly details = new UnitDetails();
  readonly methods: MethodUse[] = [];
  readonly guidance: GuidanceLine[] = [];
  readonly uses = new Map<number, Set<LineUseKind>>();
  headingTitle: { text: string; line: number } | null = null;

  private owners: Owner[] = [];
  private pending: Draft | null = null;
  private lastTarget: Draft | null = null;
  private inOutcomes = false;
  /** The line number of the last row that belonged to the outcomes (for joining wrapped lines). */
  private lastStructureLine = -1;
  private lastGuidanceLine = -1;
  private afterStructureHeading = false;
  private firstRow = true;

  read(rows: Row[]): void {
    const grid = findGridRows(rows);
    rows.forEach((row, index) => {
      const entries = grid.get(index);
      if (entries) {
        this.methods.push(...toMethodUses(entries));
        this.use(row.line, 'method');
      } else {
        this.readRow(row);
      }
      this.firstRow = false;
    });
  }

  private readRow(row: Row): void {
    if (row.guidanceOnly) {
      const text = rowText(row);
      this.guidance.push({ line: row.line, text, kind: 'text', follows: false, indent: 0 });
      this.use(row.line, 'guidance');
      return;
    }
    if (row.markupOnly) {
      this.skipLine(row);
      return;
    }
    const text = rowText(row);
    // Page numbers from a PDF or a printed copy would otherwise join onto a wrapped criterion.
    if (/^(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}$|^page\s+\d{1,3}$/i.test(text)) {
      this.skipLine(row);
      return;
    }
    if (isGridLegend(text)) {
      this.use(row.line, 'method');
      return;
    }
    const cellTexts = row.cells.map((c) => c.text);
    const first = cellTexts[0] ?? '';
    if (!matchOutcome(first) && !matchCriterion(first)) {
      const hits = readMetadata(cellTexts);
      for (const hit of hits) this.use(row.line, this.details.apply(hit, row.line, this.tree));
      if (hits.length) return;
    }
    if (row.cells.every((c) => isStructureHeading(c.text))) {
      this.use(row.line, 'heading');
      this.inOutcomes = true;
      this.afterStructureHeading = true;
      // Headings between an outcome and its wording do not break the joining of lines.
      if (this.lastStructureLine === row.line - 1) this.lastStructureLine = row.line;
      return;
    }
    const tokens = this.tokenise(row);
    if (tokens.some((t) => t.type === 'outcome' || t.type === 'criterion' || t.type === 'part')) {
      this.readTokens(row, tokens);
    } else {
      this.readPlainRow(row, text);
    }
    this.afterStructureHeading = false;
  }

  /** A line with nothing to read; it does not break the joining of the lines either side. */
  private skipLine(row: Row): void {
    this.use(row.line, 'ignored-markup');
    if (this.lastStructureLine === row.line - 1) this.lastStructureLine = row.line;
  }

  private tokenise(row: Row): Token[] {
    const tokens: Token[] = [];
    row.cells.forEach((cell, index) => {
      const text = stripLearnerPrefix(cell.text);
      if (isStructureHeading(text)) {
        tokens.push({ type: 'heading', cell });
        return;
      }
      const outcome = matchOutcome(text);
      if (outcome && this.acceptOutcome(outcome, row, index)) {
        tokens.push({ type: 'outcome', cell, ref: outcome });
        return;
      }
      const criterion = matchCriterion(text);
      if (criterion) {
        tokens.push({ type: 'criterion', cell, ref: criterion });
        return;
      }
      const part = matchPart(text);
      const criterionSoFar = tokens.some((t) => t.type === 'criterion') || this.tree.lastCriterion;
      if (part && criterionSoFar && this.partFits(part.ref, tokens)) {
        tokens.push({ type: 'part', cell, ref: part });
        return;
      }
      tokens.push({ type: 'text', cell, text });
    });
    return tokens;
  }

  /** A bare number is an outcome only where a table or the numbering says so. */
  private acceptOutcome(ref: OutcomeRef, row: Row, index: number): boolean {
    if (ref.prefixed) return true;
    const confirmed = row.cells
      .slice(index + 1)
      .some((c) => matchCriterion(stripLearnerPrefix(c.text))?.outcome === ref.number);
    if (confirmed) return true;
    if (ref.text && !/^["'‘“(]?[A-Z]/.test(ref.text)) return false;
    const highest = this.tree.highestOutcome;
    // An outcome only known so far from its criteria is expected, whatever its number.
    if (this.tree.find(ref.number)?.line === null) return true;
    if (ref.number === highest + 1 || this.afterStructureHeading) return true;
    if (row.mode === 'index' && row.cells.length > 1 && index === 0) return true;
    return Boolean(ref.text) && ref.number > highest && ref.number <= highest + 3;
  }

  /** A part marker counts only as the next part of the criterion it follows. */
  private partFits(ref: string, tokens: Token[]): boolean {
    const lastCriterionToken = tokens.map((t) => t.type).lastIndexOf('criterion');
    let last: string | null = null;
    let scheme: PartScheme | null = null;
    if (lastCriterionToken < 0) {
      const criterion = this.tree.lastCriterion;
      last = criterion?.parts[criterion.parts.length - 1]?.ref ?? null;
      scheme = criterion?.scheme ?? null;
    }
    for (const token of tokens.slice(lastCriterionToken + 1)) {
      if (token.type !== 'part') continue;
      scheme ??= schemeOf(token.ref.ref);
      last = token.ref.ref;
    }
    return nextPartRefs(last, scheme).includes(ref);
  }

  private readTokens(row: Row, tokens: Token[]): void {
    this.inOutcomes = true;
    for (const token of tokens) {
      switch (token.type) {
        case 'heading':
          this.use(row.line, 'heading');
          break;
        case 'outcome': {
          const { outcome, takesText } = this.tree.startOutcome(
            token.ref.number,
            token.ref.text,
            row.line,
          );
          this.start(row, token.cell, outcome, takesText ? token.ref.text : '');
          this.use(row.line, takesText || !token.ref.text ? 'outcome' : 'reported');
          if (!takesText && !token.ref.text) this.pending = null;
          break;
        }
        case 'criterion': {
          const c = this.tree.addCriterion(token.ref.outcome, token.ref.number, row.line);
          this.start(row, token.cell, c, token.ref.text);
          this.use(row.line, c.detached ? 'reported' : 'criterion');
          break;
        }
        case 'part': {
          const criterion = this.tree.lastCriterion;
          if (!criterion) break;
          const part = this.tree.addPart(criterion, token.ref.ref, row.line);
          this.start(row, token.cell, part, token.ref.text);
          this.use(row.line, criterion.detached ? 'reported' : 'part');
          break;
        }
        case 'text':
          this.continueWith(row, token.cell, token.text, false);
          break;
      }
    }
    this.lastStructureLine = row.line;
  }

  private start(row: Row, cell: Cell, draft: Draft, text: string): void {
    if (draft.kind === 'outcome' && !draft.criteria.length) {
      // Cells to the right of a new outcome belong to it until its criteria take them over.
      // (An outcome whose criteria came first, as a PDF row centred vertically puts them, keeps
      // its criteria's columns.)
      this.owners = this.owners.filter((o) => o.mode !== row.mode || o.col < cell.col);
    }
    this.setOwner(row.mode, cell.col, draft);
    this.lastTarget = draft;
    if (text) {
      draft.runs.push({ line: row.line, text });
      this.pending = null;
    } else {
      this.pending = draft;
    }
  }

  private setOwner(mode: Row['mode'], col: number, draft: Draft): void {
    this.owners = this.owners.filter((o) => o.mode !== mode || o.col !== col);
    this.owners.push({ mode, col, draft });
  }

  private ownerAt(mode: Row['mode'], col: number): Draft | null {
    const tolerance = mode === 'offset' ? 2 : 0;
    let best: Owner | null = null;
    for (const o of this.owners) {
      if (o.mode === mode && o.col <= col + tolerance && (!best || o.col > best.col)) best = o;
    }
    return best?.draft ?? null;
  }

  private continueWith(row: Row, cell: Cell, text: string, listItem: boolean): void {
    const target = this.pending ?? this.ownerAt(row.mode, cell.col) ?? this.lastTarget;
    if (!target) {
      this.addGuidance(row);
      return;
    }
    if (this.pending) this.setOwner(row.mode, cell.col, this.pending);
    this.pending = null;
    target.runs.push({ line: row.line, text, listItem });
    const detached = target.kind === 'criterion' && target.detached;
    this.use(row.line, detached ? 'reported' : target.kind);
  }

  private readPlainRow(row: Row, text: string): void {
    const cell = row.cells[0];
    if (row.continues && cell && (this.pending ?? this.lastTarget)) {
      this.continueWith(row, cell, text, true);
      this.lastStructureLine = row.line;
      return;
    }
    const adjacent = !row.blankBefore && this.lastStructureLine === row.line - 1;
    const canContinue =
      this.inOutcomes &&
      (this.pending !== null || this.lastTarget !== null) &&
      (adjacent || this.pending !== null || (startsLowercase(text) && !row.bullet));
    // A criterion whose number stood alone takes the next line as its wording, even one that
    // ends with ":" before its list.
    const awaited = this.pending?.kind === 'criterion' && !row.markdownHeading;
    if (
      canContinue &&
      (awaited || !isSectionHeading(text, { markdown: row.markdownHeading, strict: true }))
    ) {
      if (row.cells.length > 1 && !this.pending) {
        for (const cell of row.cells) this.continueWith(row, cell, cell.text, false);
      } else if (cell) {
        this.continueWith(row, cell, text, row.bullet);
      }
      this.lastStructureLine = row.line;
      return;
    }
    this.pending = null;
    if (this.takeAsTitle(row, text)) return;
    this.addGuidance(row);
  }

  private takeAsTitle(row: Row, text: string): boolean {
    if (this.headingTitle || this.tree.outcomes.length) return false;
    const plainFirstLine =
      this.firstRow && wordCount(text) <= 15 && !/[.;,]$/.test(text) && !row.bullet;
    if (!row.markdownHeading && !plainFirstLine) return false;
    this.headingTitle = { text, line: row.line };
    this.use(row.line, 'heading');
    return true;
  }

  private addGuidance(row: Row): void {
    const follows = !row.blankBefore && this.lastGuidanceLine === row.line - 1;
    const line = guidanceLine(row, follows, false);
    this.guidance.push(line);
    if (line.kind === 'heading') this.inOutcomes = false;
    this.lastGuidanceLine = row.line;
    this.use(row.line, line.kind === 'heading' ? 'heading' : 'guidance');
  }

  /** Records a line the importer used before the outcomes were read (a label, page furniture). */
  markUsed(line: number, use: LineUseKind): void {
    this.use(line, use);
  }

  private use(line: number, use: LineUseKind): void {
    const set = this.uses.get(line) ?? new Set<LineUseKind>();
    set.add(use);
    this.uses.set(line, set);
  }
}
