import path from 'node:path';
import type { UnitSpec } from '../unit-schema';
import { checkOutcomes } from './check-outcomes';
import { finaliseOutcomes } from './finalise-outcomes';
import { buildGuidance } from './guidance';
import type { Diagnostic, ImportOptions, ImportResult, LineUse, LineUseKind } from './import-types';
import { lineUseKinds } from './import-types';
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
 * Reads a unit specification as text (pasted, or converted from a file) into a unit, with a
 * diagnostic for anything it could not read and a record of how every line was used.
 */
export function importUnitSpec(text: string, options: ImportOptions = {}): ImportResult {
  const rows = splitRows(text);
  const reader = new StructureReader();
  reader.read(rows);

  const finals = finaliseOutcomes(reader.tree);
  const details = reader.details;
  const diagnostics: Diagnostic[] = [
    ...reader.tree.diagnostics,
    ...checkOutcomes(finals, details.number('outcomeCount')),
  ];

  let title = details.text('title') ?? reader.headingTitle?.text ?? null;
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

  const unit: UnitSpec = {
    title: title ?? '',
    level: details.text('level'),
    credits: details.number('credits'),
    glh: details.number('glh'),
    codes: { ofqual: details.text('ofqual'), awardingBody: details.text('awardingBody') },
    outcomes: finals.map((f) => f.outcome),
    methods: reader.methods,
    guidance: buildGuidance(reader.guidance),
  };

  const lines: LineUse[] = rows.map((row) => ({
    line: row.line,
    use: primaryUse(reader.uses.get(row.line) ?? new Set(['reported'])),
  }));
  for (const row of rows) {
    if (!reader.uses.has(row.line)) {
      // Should not happen; if it does, the line is reported rather than lost.
      diagnostics.push({
        severity: 'warning',
        line: row.line,
        message: `line ${row.line}: this line was not understood and was left out`,
      });
    }
  }
  diagnostics.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  return { unit, diagnostics, lines };
}
