import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { diffUnits, importUnitSpec, readSpecFile } from './import';
import type { LibraryPlacement, ParsedSpecification, unitOperations } from './unit-contract';
import { summariseUnit } from './unit-handlers';
import { latestVersion, placeInLibrary, unitIdFor } from './unit-library';

type ImportOperation = 'unit:parse' | 'unit:read-file' | 'unit:import' | 'unit:versions';

async function parse(
  workbench: Workbench,
  text: string,
  fileName?: string,
): Promise<ParsedSpecification> {
  const { unit, diagnostics, notices } = importUnitSpec(text, { fileName });
  const { units } = await workbench.workspace.listUnits();
  const previous = latestVersion(units, unitIdFor(unit));
  const change = placeInLibrary(units, unit, {
    source: { fileName: fileName ?? 'pasted text', text },
    awardingBody: null,
    builtIn: false,
    now: workbench.clock(),
  });
  const placement: LibraryPlacement = {
    status: change.status,
    unitId: change.unit.id,
    version: change.unit.version,
    differences:
      previous && change.status === 'new-version'
        ? diffUnits(previous, unit).map((d) => d.description)
        : [],
  };
  return { unit, diagnostics, notices, placement };
}

export const unitImportHandlers: HandlerMap<ImportOperation & keyof typeof unitOperations> = {
  'unit:parse': async ({ text, fileName }, workbench) => parse(workbench, text, fileName),

  'unit:read-file': async ({ fileName, contentBase64 }) => {
    // The reader works on files (mammoth and pdf.js want a path or bytes with a name), so
    // the upload goes to a private temporary folder that is removed straight after.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-spec-'));
    try {
      // Keep the person's own file name, so messages about it name the file they chose.
      const file = path.join(
        dir,
        path.basename(fileName).replace(/[\\/:]/g, '_') || 'specification',
      );
      await writeFile(file, Buffer.from(contentBase64, 'base64'));
      const { text, format } = await readSpecFile(file);
      return { text, format };
    } catch (error) {
      // The reader words its own failures for the user ("… is not a Word document …").
      throw new UserError(
        'unreadable-file',
        error instanceof Error ? error.message : String(error),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  'unit:import': async ({ text, fileName, awardingBody }, workbench) => {
    const { unit, diagnostics } = importUnitSpec(text, { fileName });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      throw new UserError(
        'invalid-input',
        `The specification still has ${errors.length} error${errors.length === 1 ? '' : 's'} (${errors[0]?.message}). Correct the text before saving.`,
      );
    }
    const { units } = await workbench.workspace.listUnits();
    const change = placeInLibrary(units, unit, {
      source: { fileName: fileName ?? 'pasted text', text },
      awardingBody: awardingBody ?? null,
      builtIn: false,
      now: workbench.clock(),
    });
    if (change.status !== 'unchanged') await workbench.workspace.saveUnit(change.unit);
    return { status: change.status, unit: summariseUnit(change.unit) };
  },

  'unit:versions': async ({ unitId }, workbench) => {
    const { units } = await workbench.workspace.listUnits();
    const versions = units.filter((u) => u.id === unitId).sort((a, b) => a.version - b.version);
    return versions
      .map((unit, i) => ({
        version: unit.version,
        importedAt: unit.source.importedAt,
        fileName: unit.source.fileName,
        differences: i > 0 ? diffUnits(versions[i - 1]!, unit).map((d) => d.description) : [],
      }))
      .reverse();
  },
};
