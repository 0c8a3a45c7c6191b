import { importUnitSpec, readSpecFile, type Diagnostic } from '../../unit/import';
import type { UnitSpec } from '../../unit/unit-schema';
import { readCommandLine } from '../command-line';
import { usageLine, type CliIo } from '../io';
import { unitOutline } from '../../unit/unit-outline';

export const specImportHelp = `Usage: workbench spec import FILE [--json]

Reads a unit specification (.txt, .md, .html, .docx or a PDF with text in it) and shows the
learning outcomes, assessment criteria and parts it found, with anything it could not read and,
as notices, anything it inferred (numbers taken from the order of a list, kinds from verbs).

  --json   print only the unit as JSON (title, level, credits, glh, codes, outcomes, methods,
           guidance); problems are printed on stderr
  --help   show this help

Exit codes: 0 read without errors, 1 read with errors, 2 the command or the file could not be used.`;

function describeDiagnostic(d: Diagnostic): string {
  return `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.message}`;
}

/** Exactly the documented JSON fields, in the documented order, whatever the object carries. */
function unitJson(unit: UnitSpec): UnitSpec {
  return {
    title: unit.title,
    level: unit.level,
    credits: unit.credits,
    glh: unit.glh,
    codes: {
      ofqual: unit.codes.ofqual,
      awardingBody: unit.codes.awardingBody,
      ...(unit.codes.unitNumber ? { unitNumber: unit.codes.unitNumber } : {}),
    },
    outcomes: unitOutline(unit.outcomes, (c) => ({
      parts: c.parts.map((p) => ({ ref: p.ref, text: p.text })),
    })),
    methods: unit.methods.map((m) => ({ name: m.name, use: m.use })),
    guidance: [...unit.guidance],
  };
}

export function outlineUnit(unit: UnitSpec): string[] {
  const shown = (v: string | number | null) => (v === null ? 'not given' : String(v));
  const lines = [
    unit.title || '(no title)',
    `  Level: ${shown(unit.level)}   Credits: ${shown(unit.credits)}   GLH: ${shown(unit.glh)}`,
    `  Ofqual unit reference: ${shown(unit.codes.ofqual)}   Unit code: ${shown(unit.codes.awardingBody)}${unit.codes.unitNumber ? `   Unit number: ${unit.codes.unitNumber}` : ''}`,
    '',
  ];
  for (const outcome of unit.outcomes) {
    lines.push(`  ${outcome.ref}. ${outcome.text} (${outcome.kind})`);
    for (const criterion of outcome.criteria) {
      lines.push(`      ${criterion.ref} ${criterion.text}`);
      for (const part of criterion.parts) lines.push(`          ${part.ref}) ${part.text}`);
    }
  }
  if (unit.methods.length) {
    lines.push('', '  Assessment methods:');
    for (const m of unit.methods) lines.push(`      ${m.name}: ${m.use}`);
  }
  const criteria = unit.outcomes.reduce((n, o) => n + o.criteria.length, 0);
  lines.push(
    '',
    `  ${unit.outcomes.length} learning outcomes, ${criteria} assessment criteria, ${unit.guidance.length} guidance notes.`,
  );
  return lines;
}

export async function specImportCommand(argv: string[], io: CliIo): Promise<number> {
  let file: string;
  let json: boolean;
  try {
    const args = readCommandLine(argv, { json: { type: 'boolean' } }, specImportHelp, io);
    if (!args) return 0;
    file = args.only('give one file: workbench spec import FILE [--json]');
    json = args.has('json');
  } catch (error) {
    // Called directly as well as through main: a bad command line is one line and exit 2 here.
    io.err(usageLine(error, 'spec import') ?? String(error));
    return 2;
  }
  let text: string;
  try {
    const read = await readSpecFile(file);
    // A web page is read from its HTML, so line numbers are the file's own.
    text = read.source ?? read.text;
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const result = importUnitSpec(text, { fileName: file });
  if (json) {
    io.out(JSON.stringify(unitJson(result.unit), null, 2));
  } else {
    for (const line of outlineUnit(result.unit)) io.out(line);
  }
  for (const d of result.diagnostics) io.err(describeDiagnostic(d));
  // What the importer inferred, for the assessor to check (it does not change the exit code).
  for (const n of result.notices) io.err(`Notice: ${n.message}`);
  return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
