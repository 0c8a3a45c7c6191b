import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from '../storage/json-document';
import { storedUnitSchema, type StoredUnit } from './unit-schema';
import { jsonFileNames } from '../storage/json-folder';

/** Where the built-in units live among the app's resources (written by `npm run units`). */
export function builtInUnitsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'units');
}

/** The units the workbench ships with, as the importer read them from the seed specifications. */
export async function loadBuiltInUnits(resourcesDir: string): Promise<StoredUnit[]> {
  const dir = builtInUnitsDir(resourcesDir);
  const names = await jsonFileNames(dir, 'The built-in units folder');
  return Promise.all(
    names.map(async (name) =>
      parseDocument(
        await readFile(path.join(dir, name), 'utf8'),
        storedUnitSchema,
        `The built-in unit ${name}`,
        name,
      ),
    ),
  );
}
