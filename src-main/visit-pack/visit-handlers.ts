import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type { HandlerMap } from '../api/handler';
import type { Workbench } from '../app/workbench';
import type { ActionStep } from '../sampling/review-operations';
import { signerFor } from '../record/identity-store/signers';
import { passphraseSource } from '../record/record-handler-support';
import { dayOf } from '../shared/record';
import { resolveInside } from '../storage/resolve-inside';
import { assertPackSigner } from './pack-signer';
import type { visitOperations } from './visit-contract';
import { writeVisitPack } from './write-pack';
import { readdir, readFile } from 'node:fs/promises';
import { importEqaReport } from './eqa-report-import';
import {
  assertEqa,
  eqaReportForm,
  openEqaIdentity,
  signEqaReportFromForm,
  workspaceVisit,
} from './eqa-report-form';
import { loadRecordFonts } from '../record/pdf/fonts';
import { stepVisitAction, visitActionItem, visitActionItems } from './visit-actions';
import { listVisits, VISITS_FOLDER } from './visit-store';
import { mapFsError } from '../storage/map-fs-error';
import { evidenceInShare } from './collect-learner';
import { isMarked } from './third-party';
import { loadLibrary, loadRecordSource } from '../record/from-portfolio/record-source';
import { registeredUnits } from '../portfolio/registered-units';

/** visits/2026-12-02-pack, then -pack-2…: a new folder each time, never one written over. */
async function newPackFolder(workspaceDir: string, day: string): Promise<string> {
  const there = new Set(await readdir(path.join(workspaceDir, VISITS_FOLDER)).catch(() => []));
  let name = `${day}-pack`;
  for (let n = 2; there.has(name) || there.has(`${name}.zip`); n += 1) name = `${day}-pack-${n}`;
  return resolveInside(workspaceDir, path.join(VISITS_FOLDER, name));
}

/** A step on one of the visit's actions, taken by the person working now. */
const stepAction = (workbench: Workbench, visitId: string, actionId: string, step: ActionStep) =>
  stepVisitAction(
    workbench.workspace,
    visitId,
    actionId,
    step,
    workbench.actor(),
    workbench.clock(),
  );

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
    const { person, role } = workbench.requireSignedIn();
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
      visitId: pack.visitId,
      notes: pack.notes,
    };
  },

  'visit:list': async (_input, workbench) => {
    const workspace = workbench.workspace;
    const today = dayOf(workbench.clock());
    const person = (id: string) => workspace.centre.staff.find((s) => s.id === id)?.name ?? id;
    const { visits, problems } = await listVisits(workspace);
    return {
      visits: visits.map((v) => ({
        id: v.id,
        packMadeAt: v.packMadeAt,
        packMadeBy: v.packMadeBy,
        packFolder: v.packFolder,
        samples: v.samples,
        report: v.report ? { ...v.report, importedByName: person(v.report.importedBy) } : null,
        replaced: v.replacedReports.map((r) => ({
          file: r.file,
          signedOn: r.report.signedOn,
          importedAt: r.importedAt,
        })),
        actions: v.actions.map((a) => visitActionItem(workspace, v, a, today)),
      })),
      problems,
    };
  },

  'visit:import-report': async ({ stagedId }, workbench) => {
    const taken = workbench.staged.take(stagedId);
    const file = taken.kind === 'received' ? taken.received.tempFile : taken.file;
    try {
      const bytes = await readFile(file).catch((error: unknown) => {
        throw mapFsError(error, 'The EQA report');
      });
      return await importEqaReport(
        workbench.workspace,
        bytes,
        workbench.actor(),
        workbench.clock(),
      );
    } finally {
      // The staged copy goes whatever the answer: the visit keeps its own.
      if (taken.kind === 'received') await taken.release();
    }
  },

  'visit:report-form': async ({ visitId }, workbench) => {
    assertEqa(workbench.requireSignedIn().role);
    return eqaReportForm(workbench.workspace, visitId);
  },

  'visit:sign-report': async ({ answers, identity }, workbench) => {
    assertEqa(workbench.requireSignedIn().role);
    const workspace = workbench.workspace;
    const opened = await openEqaIdentity(
      workspace,
      Buffer.from(identity.contentBase64, 'base64'),
      identity.passphrase,
    );
    return signEqaReportFromForm(
      await workspaceVisit(workspace, answers.visitId),
      answers,
      opened,
      await loadRecordFonts(),
      workbench.clock(),
    );
  },

  'visit:actions': async ({ mine }, workbench) =>
    visitActionItems(
      workbench.workspace,
      dayOf(workbench.clock()),
      mine ? workbench.actor().id : undefined,
    ),

  'visit:respond-action': async ({ visitId, actionId, text }, workbench) =>
    stepAction(workbench, visitId, actionId, { kind: 'respond', text }),

  'visit:close-action': async ({ visitId, actionId, note }, workbench) =>
    stepAction(workbench, visitId, actionId, { kind: 'close', note }),

  'visit:reopen-action': async ({ visitId, actionId, reason, due }, workbench) =>
    stepAction(workbench, visitId, actionId, { kind: 'reopen', reason, due }),
};
