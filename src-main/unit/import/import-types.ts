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

/**
 * Something the importer worked out that the text leaves implicit (a number taken from the order
 * of a list, an outcome's kind guessed from its verbs), listed so the assessor can check it.
 */
export interface Notice {
  /** The line of the text it came from; null when it is about the whole specification. */
  line: number | null;
  message: string;
}

export interface ImportResult {
  unit: UnitSpec;
  diagnostics: Diagnostic[];
  notices: Notice[];
  lines: LineUse[];
}

export interface ImportOptions {
  fileName?: string;
}
