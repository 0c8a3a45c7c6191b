import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importGuidance, importUnitSpec } from './import';
import { builtInSources } from './built-in-sources';
import { placeInLibrary } from './unit-library';
import type { StoredUnit } from './unit-schema';

/** The date the built-in library is stamped with, so rebuilding it changes nothing. */
export const BUILT_IN_IMPORTED_AT = new Date('2026-11-24T00:00:00Z');

/**
 * Makes the built-in library from the seed specifications with the same importer users
 * have; any error in a seed stops the build rather than shipping a half-read unit.
 */
export async function buildBuiltInUnits(resourcesDir: string): Promise<StoredUnit[]> {
  const seeds = path.join(resourcesDir, 'seeds');
  const units: StoredUnit[] = [];
  for (const source of builtInSources) {
    const text = await readFile(path.join(seeds, source.file), 'utf8');
    const { unit, diagnostics } = importUnitSpec(text, { fileName: source.file });
    const problems = diagnostics.filter((d) => d.severity === 'error');
    if (problems.length) {
      throw new Error(`${source.file}: ${problems.map((d) => d.message).join('; ')}`);
    }
    const spec = { ...unit, title: source.title ?? unit.title };
    if (source.guidanceFile) {
      spec.guidance = [
        ...spec.guidance,
        ...importGuidance(await readFile(path.join(seeds, source.guidanceFile), 'utf8')),
      ];
    }
    const placed = placeInLibrary(units, spec, {
      source: { fileName: source.file, text },
      awardingBody: source.awardingBody,
      builtIn: true,
      now: BUILT_IN_IMPORTED_AT,
    });
    units.push(placed.unit);
  }
  return units;
}
