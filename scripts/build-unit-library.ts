// `npm run units`: rebuilds resources/units from resources/seeds with the workbench's importer.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../src-main/shared/paths';
import { buildBuiltInUnits } from '../src-main/unit/built-in-build';
import { builtInUnitsDir } from '../src-main/unit/built-in-library';

const resources = defaultResourcesDir();
const dir = builtInUnitsDir(resources);
const units = await buildBuiltInUnits(resources);
await mkdir(dir, { recursive: true });
for (const name of await readdir(dir)) {
  if (name.endsWith('.json')) await rm(path.join(dir, name));
}
for (const unit of units) {
  await writeFile(
    path.join(dir, `${unit.id}-v${unit.version}.json`),
    `${JSON.stringify(unit, null, 2)}\n`,
  );
  process.stdout.write(`${unit.id} v${unit.version}: ${unit.title}\n`);
}
