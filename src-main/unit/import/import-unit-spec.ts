import path from 'node:path';
import type { UnitSpec } from '../unit-schema';
import { checkOutcomes } from './check-outcomes';
import { finaliseOutcomes } from './finalise-outcomes';
import { buildGuidance } from './guidance';
import { htmlToLines, looksLikeHtml } from './html-to-text';
import type {
  Diagnostic,
  ImportOptions,
  ImportResult,
  LineUse,
  LineUseKind,
  Notice,
} from './import-types';
import { lineUseKinds } from './import-types';
import { inferNumbering } from './infer-numbering';
import { readPageText } from './page-text';
import { splitRows } from './split-row';
import { StructureReader } from './structure-reader';

// When one line served several purposes, it is listed under the one that mattered most.
const priority: LineUseKind[] = [
  'outcome',
  'criterion',
  'part',
  'method',
  'metadata',
  'guidance',
  'heading',
  'reported',
  'ignored-markup',
];

function primaryUse(uses: Set<LineUseKind>): LineUseKind {
  return priority.find((u) => uses.has(u)) ?? lineUseKinds[0];
}

function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName).replace(/\.[^.]+$/, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Reads a unit specification as text (pasted, or converted from a file; a web page is read
 * through its HTML structure) into a unit, with a diagnostic for anything it could not read, a
 * notice for everything it had to infer, and a record of how every line was used.
 */
export function importUnitSpec(source: string, options: ImportOptions = {}): ImportResult {
  const html = looksLikeHtml(source) ? htmlToLines(source) : null;
  const text = html ? html.map((l) => l.text).join('\n') : source;
  const result = importText(text, options);
  return html ? toSourceLines(result, source, (line) => html[line - 1]?.source ?? line) : result;
}

/**
 * The unit's title and number: "Unit title: Unit 204 Handle customer enquiries" gives the number
 * to the unit, not the title; with no title, the file name stands in (a warning), else an error.
 */
function titleAndNumber(
  reader: StructureReader,
  pageNumber: string | null | undefined,
  options: ImportOptions,
  diagnostics: Diagnostic[],
): { title: string | null; unitNumber: string | null | undefined } {
  let title = reader.details.text('title') ?? reader.headingTitle?.text ?? null;
  let unitNumber = pageNumber;
  const numberedTitle = title
    ? /^Unit\s+(\d{1,4}[A-Z]?)(?:\s*[-–—:]\s*|\s+)([A-Z].*)$/.exec(title)
    : null;
  if (numberedTitle?.[1] && numberedTitle[2] && !unitNumber) {
    unitNumber = numberedTitle[1];
    title = numberedTitle[2];
  }
  if (!title && options.fileName) {
    title = titleFromFileName(options.fileName);
    diagnostics.push({
      severity: 'warning',
      line: null,
      message: `No unit title was found, so the file name "${title}" is used; add a line such as "Unit title: …" to set it.`,
    });
  }
  if (!title) {
    diagnostics.push({
      severity: 'error',
      line: null,
      message:
        'No unit title was found. Add a line such as "Unit title: Health and safety in the workplace".',
    });
  }
  return { title, unitNumber };
}

/** What each line of the text was used for; a line nothing claimed is reported, never lost. */
function lineUses(text: string, reader: StructureReader, diagnostics: Diagnostic[]): LineUse[] {
  const seen = new Set<number>();
  const lines: LineUse[] = [];
  for (const row of splitRows(text)) {
    if (seen.has(row.line)) continue;
    seen.add(row.line);
    lines.push({
      line: row.line,
      use: primaryUse(reader.uses.get(row.line) ?? new Set(['reported'])),
    });
    if (!reader.uses.has(row.line)) {
      // Should not happen; if it does, the line is reported rather than lost.
      diagnostics.push({
        severity: 'warning',
        line: row.line,
        message: `line ${row.line}: this line was not understood and was left out`,
      });
    }
  }
  return lines;
}

function importText(text: string, options: ImportOptions): ImportResult {
  const page = readPageText(splitRows(text));
  const numbered = inferNumbering(page.rows);
  const rows = numbered.rows;
  const reader = new StructureReader();
  for (const s of page.skipped) reader.markUsed(s.line, s.use);
  reader.read(rows);

  const finals = finaliseOutcomes(reader.tree);
  const details = reader.details;
  const diagnostics: Diagnostic[] = [
    ...reader.tree.diagnostics,
    ...checkOutcomes(finals, details.number('outcomeCount')),
  ];
  const notices: Notice[] = [...page.notices, ...numbered.notices];
  for (const f of finals) {
    if (!f.kindGuess) continue;
    const line = f.line ?? f.criterionLines[0] ?? null;
    const message = `learning outcome ${f.outcome.ref} was taken to be ${f.kindGuess}`;
    notices.push({ line, message: line === null ? message : `line ${line}: ${message}` });
  }
  const { title, unitNumber } = titleAndNumber(reader, page.unitNumber, options, diagnostics);

  const unit: UnitSpec = {
    title: title ?? '',
    level: details.text('level'),
    credits: details.number('credits'),
    glh: details.number('glh'),
    codes: {
      ofqual: details.text('ofqual'),
      awardingBody: details.text('awardingBody'),
      ...(unitNumber ? { unitNumber } : {}),
    },
    outcomes: finals.map((f) => f.outcome),
    methods: reader.methods,
    guidance: buildGuidance(reader.guidance),
  };
  const lines = lineUses(text, reader, diagnostics);
  diagnostics.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  notices.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { unit, diagnostics, notices, lines };
}

/** Says every line number in the HTML file's terms rather than the text read out of it. */
function toSourceLines(
  result: ImportResult,
  source: string,
  map: (line: number) => number,
): ImportResult {
  const remap = <T extends { line: number | null; message: string }>(item: T): T => ({
    ...item,
    line: item.line === null ? null : map(item.line),
    message: item.message.replace(/\bline (\d+)\b/g, (_, n: string) => `line ${map(Number(n))}`),
  });
  // Every line of the page is accounted for: markup-only lines are recorded as such.
  const uses = new Map<number, LineUseKind>();
  for (const l of result.lines) {
    const line = map(l.line);
    const before = uses.get(line);
    uses.set(line, before ? primaryUse(new Set([before, l.use])) : l.use);
  }
  source.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim() && !uses.has(i + 1)) uses.set(i + 1, 'ignored-markup');
  });
  return {
    ...result,
    diagnostics: result.diagnostics.map(remap),
    notices: result.notices.map(remap),
    lines: [...uses.entries()].sort((a, b) => a[0] - b[0]).map(([line, use]) => ({ line, use })),
  };
}
