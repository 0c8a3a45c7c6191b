import type { UnitSpec } from '../unit-schema';

export type Severity = 'error' | 'warning';

/** A problem found while reading a specification, worded for the assessor who has to fix it. */
export interface Diagnostic {
  severity: Severity;
  line: number | null;
  message: string;
}

export const lineUseKinds = [
  'metadata',
  'outcome',
  'criterion',
  'part',
  'method',
  'guidance',
  'heading',
  'ignored-markup',
  'reported',
] as const;

export type LineUseKind = (typeof lineUseKinds)[number];

/** How one non-blank input line was used, so nothing can be dropped without trace. */
export interface LineUse {
  line: number;
  use: LineUseKind;
}

export interface ImportResult {
  unit: UnitSpec;
  diagnostics: Diagnostic[];
  lines: LineUse[];
}

export interface ImportOptions {
  fileName?: string;
}
