import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type { HandlerMap } from '../api/handler';
import { signerFor } from '../record/identity-store/signers';
import { currentPerson, passphraseSource } from '../record/record-handler-support';
import { dayOf } from '../shared/record';
import { resolveInside } from '../storage/resolve-inside';
import { assertPackSigner } from './pack-signer';
import type { visitOperations } from './visit-contract';
import { writeVisitPack } from './write-pack';
import { evidenceInShare } from './collect-learner';
import { isMarked } from './third-party';
import {
  loadLibrary,
  loadRecordSource,
  registeredUnits,
} from '../record/from-portfolio/record-source';
import { readdir } from 'node:fs/promises';

export const VISITS_FOLDER = 'visits';

/** visits/2026-12-02-pack, then -pack-2…: a new folder each time, never one written over. */
async function newPackFolder(workspaceDir: string, day: string): Promise<string> {
  const there = new Set(await readdir(path.join(workspaceDir, VISITS_FOLDER)).catch(() => []));
  let name = `${day}-pack`;
  for (let n = 2; there.has(name) || there.has(`${name}.zip`); n += 1) name = `${day}-pack-${n}`;
  return resolveInside(workspaceDir, path.join(VISITS_FOLDER, name));
}

export const visitHandlers: HandlerMap<keyof typeof visitOperations> = {
  'visit:marked-evidence': async ({ samples }, workbench) => {
    const workspace = workbench.workspace;
    const library = await loadLibrary(workspace);
    const out = [];
    for (const learnerId of new Set(samples.map((s) => s.learnerId))) {
      const source = await loadRecordSource(workspace, learnerId, library);
      const unitIds = samples.filter((s) => s.learnerId === learnerId).map((s) => s.unitId);
      const units = registeredUnits(source).filter((r) => unitIds.includes(r.unit.id));
      for (const e of evidenceInShare(source, units).filter(isMarked))
        out.push({ evidenceId: e.id, learnerName: source.learner.name, title: e.title });
    }
    return out;
  },

  'visit:make-pack': async ({ samples, sign, passphrase, thirdParty }, workbench) => {
    const { person, role } = currentPerson(workbench);
    if (role !== 'iqa') {
      throw new UserError(
        'forbidden',
        'The visit pack is made and signed by the internal quality assurer. Choose your IQA role (top right).',
      );
    }
    const workspace = workbench.workspace;
    let identity = null;
    if (sign) {
      ({ identity } = await signerFor(
        workspace,
        person,
        'iqa',
        passphraseSource(workbench, passphrase),
      ));
      await assertPackSigner(workspace, identity);
    }
    const now = workbench.clock();
    const out = await newPackFolder(workspace.dir, dayOf(now));
    const pack = await writeVisitPack(workspace, {
      out,
      samples: samples.map((s) => ({ learner: s.learnerId, unit: s.unitId })),
      identity,
      actor: workbench.actor(),
      madeBy: person.name,
      now,
      thirdParty: thirdParty ?? {},
    });
    const relative = (p: string) => path.relative(workspace.dir, p).split(path.sep).join('/');
    return {
      folder: relative(pack.folder),
      zip: pack.zip ? relative(pack.zip) : null,
      learners: pack.learners,
      units: pack.units,
      files: pack.files,
      signedBy: pack.signedBy,
      notes: pack.notes,
    };
  },
};
