import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { demoEqa } from '../../../src-main/demo/demo-people';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import { readAttachment } from '../../../src-main/record/verify/embedded-manifest';
import type {
  EqaAnswers,
  EqaReportFormView,
  SignedEqaReport,
  VisitView,
} from '../../../src-main/visit-pack/visit-contract';
import type { ImportedEqaReport } from '../../../src-main/visit-pack/eqa-report-import';
import { visitDoc } from '../../../src-main/visit-pack/visit-store';
import { Workspace } from '../../../src-main/workspace/workspace';
import { pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';
import { ok, refused } from '../../support/dispatch';

/** Every file in the workspace with its SHA-256: what the EQA must leave exactly as it was. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(
      file,
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

const eqaP12 = () =>
  readFile(path.join(defaultResourcesDir(), 'demo-identities', 'eqa', 'dr-helen-carter.p12'));

const inAMonth = '2026-12-24';

function answersFor(form: EqaReportFormView): EqaAnswers {
  return {
    visitId: form.visitId,
    awardingBody: 'OCN London',
    visitedOn: '2026-11-20',
    samples: form.samples.map((s, i) => ({
      learnerId: s.learnerId,
      unitId: s.unitId,
      agreesWithAssessor: true,
      agreesWithIqa: i !== 0,
      comment: i === 0 ? 'The IQA did not pick up the thin evidence for 2.3.' : '',
    })),
    findings: ['Sampling records now list the evidence sampled.', ''],
    actions: [
      // The demo report's first action, repeated: it stays one action with its history.
      {
        what: 'Say in each IQA sampling record which pieces of evidence were sampled.',
        owner: 'Priya Sharma',
        due: '2026-09-25',
      },
      { what: 'Hold a standardisation meeting on unit 2.', owner: 'Margaret Ellis', due: inAMonth },
    ],
    riskRating: 'medium',
    directClaims: 'maintained',
    directClaimsReason: 'Actions to be checked at the next visit.',
  };
}

describe('the EQA’s report written on screen', () => {
  const tempDir = useTempDirs();

  it('is signed by the EQA’s own identity into one file, writes nothing into the workspace, and replaces the first report when imported', async () => {
    const root = await tempDir();
    const workbench = await bootWorkbench(root);
    const dispatch = createDispatcher(workbench);
    const workspace = workbench.workspace;
    const eqa = workspace.centre.staff.find((s) => s.name === demoEqa.name)!;
    const margaret = workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
    await ok(dispatch, 'session:set-user', { personId: eqa.id, role: 'eqa' });

    const { visits } = await ok<{ visits: VisitView[] }>(dispatch, 'visit:list', {});
    const [past] = visits;
    expect(past?.report).not.toBeNull();
    // The demo's past visit has the pack it was written from, in the workspace.
    const packData = JSON.parse(
      await readFile(path.join(workspace.dir, past!.packFolder, 'pack.json'), 'utf8'),
    ) as { visit: { id: string } };
    expect(packData.visit.id).toBe(past!.id);
    const index = await readFile(path.join(workspace.dir, past!.packFolder, 'index.html'), 'utf8');
    expect(index).toContain('Sending your report back to the centre');

    const form = await ok<EqaReportFormView>(dispatch, 'visit:report-form', { visitId: past!.id });
    expect(form.reported).toBe(true);
    expect(form.samples.map((s) => s.learner)).toEqual(past!.samples.map((s) => s.learner));
    // The form carries no answers: nothing is agreed for the EQA.
    expect(JSON.stringify(form)).not.toMatch(/agrees|riskRating|directClaims/);

    // Snapshots made a moment after the demo's last changes are written first.
    await Workspace.flushAll();
    const before = await filesOf(workspace.dir);
    const identity = {
      contentBase64: (await eqaP12()).toString('base64'),
      passphrase: DEMO_PASSPHRASE,
    };
    const answers = answersFor(form);

    const unanswered = structuredClone(answers);
    unanswered.samples[1]!.agreesWithIqa = null;
    unanswered.riskRating = null;
    const notYet = await refused(dispatch, 'visit:sign-report', { answers: unanswered, identity });
    expect(notYet).toContain(`whether you agree with the IQA on ${form.samples[1]!.learner}`);
    expect(notYet).toContain('the risk rating');

    const centreIssued = await readFile(path.join(workspace.dir, 'signing', `${margaret.id}.p12`));
    expect(
      await refused(dispatch, 'visit:sign-report', {
        answers,
        identity: { contentBase64: centreIssued.toString('base64'), passphrase: DEMO_PASSPHRASE },
      }),
    ).toContain('issued by the centre');
    expect(
      await refused(dispatch, 'visit:sign-report', {
        answers,
        identity: { ...identity, passphrase: 'wrong' },
      }),
    ).toContain('passphrase does not open');

    const signed = await ok<SignedEqaReport>(dispatch, 'visit:sign-report', { answers, identity });
    expect(signed.signer.name).toBe(demoEqa.name);
    expect(signed.fileName).toMatch(/^eqa-report-.*\.pdf$/);
    const file = path.join(root, signed.fileName);
    const pdf = Buffer.from(signed.base64, 'base64');
    await writeFile(file, pdf);
    expect(await pdfsigVerdicts(file)).toEqual(['Signature is Valid.']);
    const text = (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('Hold a standardisation meeting on unit 2.');
    expect(text).toContain('Medium risk');
    expect(text).toContain('Disagree');
    const data = JSON.parse(
      new TextDecoder().decode((await readAttachment(pdf, 'eqa-report.json'))!),
    ) as { eqa: { name: string }; findings: string[]; samples: { learner: string }[] };
    expect(data.eqa.name).toBe(demoEqa.name);
    expect(data.findings).toEqual(['Sampling records now list the evidence sampled.']);

    // Read-only: not one file of the workspace was added or changed by the EQA.
    await Workspace.flushAll();
    expect(await filesOf(workspace.dir)).toEqual(before);
    const staged = (await workbench.staged.chosen([file]))[0]!.stagedId;
    expect(await refused(dispatch, 'visit:import-report', { stagedId: staged })).toMatch(/read/i);

    // The IQA imports the corrected report: it replaces the first, which stays on file.
    await ok(dispatch, 'session:set-user', {
      personId: margaret.id,
      role: 'iqa',
      passphrase: DEMO_PASSPHRASE,
    });
    expect(await refused(dispatch, 'visit:report-form', { visitId: past!.id })).toContain(
      'external quality assurer',
    );
    const actionsBefore = (await visitDoc(workspace, past!.id)).data.actions;
    const closed = actionsBefore.find((a) => a.state === 'closed')!;
    const imported = await ok<ImportedEqaReport>(dispatch, 'visit:import-report', {
      stagedId: (await workbench.staged.chosen([file]))[0]!.stagedId,
    });
    expect(imported).toEqual({
      visitId: past!.id,
      actions: 1,
      replaced: true,
      notInReport: actionsBefore.filter((a) => a.state !== 'closed').map((a) => a.what),
    });
    const visit = (await visitDoc(workspace, past!.id)).data;
    expect(visit.report?.file).toBe('eqa-report-2.pdf');
    expect(visit.report?.report.riskRating).toBe('medium');
    expect(visit.replacedReports.map((r) => r.file)).toEqual(['eqa-report.pdf']);
    const folder = path.join(workspace.dir, 'visits', past!.id);
    expect((await readFile(path.join(folder, 'eqa-report-2.pdf'))).equals(pdf)).toBe(true);
    expect((await stat(path.join(folder, 'eqa-report.pdf'))).size).toBeGreaterThan(0);
    // Every action already raised stays, answers and all; only the new one is added.
    expect(visit.actions).toHaveLength(actionsBefore.length + 1);
    expect(visit.actions.find((a) => a.id === closed.id)).toEqual(closed);
    expect(visit.audit.map((a) => a.action)).toContain('replaced EQA report');

    // The first report again, or the same corrected one, changes nothing.
    const first = path.join(folder, 'eqa-report.pdf');
    for (const again of [first, file]) {
      const message = await refused(dispatch, 'visit:import-report', {
        stagedId: (await workbench.staged.chosen([again]))[0]!.stagedId,
      });
      expect(message).toMatch(/already been imported|later report/);
    }
    expect((await visitDoc(workspace, past!.id)).data.report?.file).toBe('eqa-report-2.pdf');
  });
});
