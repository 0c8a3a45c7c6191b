import { safeName } from '../storage/safe-name';
import type { StoredUnit, UnitSpec } from './unit-schema';

export interface UnitSource {
  fileName: string;
  text: string;
}

export type LibraryChange =
  | { status: 'new'; unit: StoredUnit }
  | { status: 'new-version'; unit: StoredUnit; previous: StoredUnit }
  | { status: 'unchanged'; unit: StoredUnit };

/**
 * Which unit a specification is: its Ofqual reference when it has one (the same unit from
 * another awarding body shares it), else the awarding body's code, else its title.
 */
export function unitIdFor(spec: UnitSpec): string {
  const key = spec.codes.ofqual ?? spec.codes.awardingBody ?? spec.title;
  return `unit-${safeName(key, 'untitled', 100)}`;
}

/** The content that makes two versions different; ids, dates and the source text do not. */
function content(spec: UnitSpec): string {
  const { title, level, credits, glh, codes, outcomes, methods, guidance } = spec;
  return JSON.stringify({ title, level, credits, glh, codes, outcomes, methods, guidance });
}

export function latestVersion(
  units: readonly StoredUnit[],
  unitId: string,
): StoredUnit | undefined {
  return units.filter((u) => u.id === unitId).sort((a, b) => b.version - a.version)[0];
}

/**
 * Places an imported specification in the library: a unit not seen before starts at version 1,
 * a changed specification of a known unit becomes its next version, and an identical one
 * changes nothing. Learners stay on the version they were registered on.
 */
export function placeInLibrary(
  units: readonly StoredUnit[],
  spec: UnitSpec,
  extra: { source: UnitSource; awardingBody: string | null; builtIn: boolean; now: Date },
): LibraryChange {
  const id = unitIdFor(spec);
  const previous = latestVersion(units, id);
  if (previous && content(previous) === content(spec))
    return { status: 'unchanged', unit: previous };
  const unit: StoredUnit = {
    ...spec,
    schemaVersion: 1,
    id,
    version: (previous?.version ?? 0) + 1,
    awardingBody: extra.awardingBody ?? previous?.awardingBody ?? null,
    builtIn: extra.builtIn,
    source: { ...extra.source, importedAt: extra.now.toISOString() },
  };
  return previous ? { status: 'new-version', unit, previous } : { status: 'new', unit };
}
