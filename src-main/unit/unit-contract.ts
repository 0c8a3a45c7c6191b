import { z } from 'zod';
import { operation } from '../shared/operation';
import type { StoredUnit, UnitSpec } from './unit-schema';

export interface UnitSummary {
  id: string;
  version: number;
  title: string;
  level: string | null;
  credits: number | null;
  glh: number | null;
  codes: { ofqual: string | null; awardingBody: string | null };
  awardingBody: string | null;
  outcomeCount: number;
  criterionCount: number;
  builtIn: boolean;
}

export interface SpecDiagnostic {
  severity: 'error' | 'warning';
  /** 1-based line of the text; null when the problem is about the whole specification. */
  line: number | null;
  message: string;
}

/** Something the importer inferred (a number from list order, a kind from verbs), to be checked. */
export interface SpecNotice {
  line: number | null;
  message: string;
}

export interface LibraryPlacement {
  status: 'new' | 'new-version' | 'unchanged';
  unitId: string;
  version: number;
  /** What differs from the version the library holds, in plain words. */
  differences: string[];
}

export interface ParsedSpecification {
  unit: UnitSpec;
  diagnostics: SpecDiagnostic[];
  notices: SpecNotice[];
  placement: LibraryPlacement;
}

export interface UnitVersionView {
  version: number;
  importedAt: string;
  fileName: string;
  differences: string[];
}

const specText = z
  .string()
  .max(2_000_000, 'That specification is too long to be one unit (over 2 million characters).');
const fileName = z.string().trim().max(255).optional();

export const unitOperations = {
  'unit:parse': operation<ParsedSpecification>()(z.object({ text: specText, fileName })),
  'unit:read-file': operation<{ text: string; format: string }>()(
    z.object({
      fileName: z.string().trim().min(1).max(255),
      contentBase64: z
        .string()
        .max(4_000_000, 'That file is too large to be a unit specification.'),
    }),
  ),
  'unit:import': operation<{ status: LibraryPlacement['status']; unit: UnitSummary }>()(
    z.object({ text: specText, fileName, awardingBody: z.string().trim().optional() }),
    { writes: true },
  ),
  'unit:versions': operation<UnitVersionView[]>()(z.object({ unitId: z.string().min(1) })),
  'unit:list': operation<{ units: UnitSummary[]; problems: string[] }>()(z.object({})),
  'unit:get': operation<StoredUnit>()(
    z.object({ unitId: z.string().min(1), version: z.number().int().positive().optional() }),
  ),
};
