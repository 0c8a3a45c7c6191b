import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { demoEqa } from '../../../src-main/demo/demo-people';
import type { EvidencePreview } from '../../../src-main/evidence/evidence-views';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import type {
  EqaReportFormView,
  SignedEqaReport,
} from '../../../src-main/visit-pack/visit-contract';
import type { ImportedEqaReport } from '../../../src-main/visit-pack/eqa-report-import';
import type { OpenPackView } from '../../../src-main/visit-pack/pack-view-contract';
import { checkPackFolder } from '../../../src-main/visit-pack/verify-pack';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { pdfsigVerdicts } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { demoVisit, makePack } from '../../support/visit-pack';
import { bootWorkbench } from '../../support/workbench';
import { ok, refused } from '../../support/dispatch';

/** Every file under a folder with its SHA-256 and its modification time. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile()) {
      out.set(file, 'folder');
      continue;
    }
    const bytes = await readFile(file);
    out.set(file, createHash('sha256').update(bytes).digest('hex'));
  }
  return out;
}

const eqaIdentity = async () => ({
  contentBase64: (
    await readFile(
      path.join(defaultResourcesDir(), 'demo-identities', 'eqa', 'dr-helen-carter.p12'),
    )
  ).toString('base64'),
  passphrase: DEMO_PASSPHRASE,
});

function answersFor(form: EqaReportFormView) {
  return {
    visitId: form.visitId,
    awardingBody: 'OCN London',
    visitedOn: '2026-11-23',
    samples: form.samples.map((s) => ({
      learnerId: s.learnerId,
      unitId: s.unitId,
      agreesWithAssessor: true,
      agreesWithIqa: true,
      comment: 'Read from the pack.',
    })),
    findings: ['Decisions in the pack are valid and sufficient.'],
    actions: [{ what: 'Date every witness testimony.', owner: 'Priya Sharma', due: '2027-01-15' }],
    riskRating: 'low',
    directClaims: 'maintained',
    directClaimsReason: 'No concerns.',
  };
}

describe('a visit pack opened in the workbench', () => {
  const tempDir = useTempDirs();

  it('opens read only, checked, shows its files, signs the EQA’s report and leaves the pack as it was', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'visit-2026-11');
    await makePack(visit, pack);
    const before = await filesOf(pack);

    // Opened as `workbench web --workspace <pack>` opens it.
    const workbench = await bootWorkbench(root, { workspace: pack });
    const dispatch = createDispatcher(workbench);
    const status = await ok<WorkspaceStatus>(dispatch, 'workspace:status', {});
    expect(status.open).toBeNull();
    expect(status.problem).toBeNull();
    expect(status.pack).toEqual({
      dir: pack,
      centreName: 'Northgate Skills Centre (demo)',
      demo: true,
    });

    const view = await ok<OpenPackView>(dispatch, 'pack:view', {});
    expect(view.check).toMatchObject({ ok: true, signedBy: 'Margaret Ellis', problems: [] });
    expect(view.data.learners.map((l) => l.name).sort()).toEqual(
      visit.chosen.map((c) => c.name).sort(),
    );
    const withFile = view.data.learners.flatMap((l) => l.evidence).find((e) => e.file)!;
    const preview = await ok<EvidencePreview>(dispatch, 'pack:preview', {
      path: withFile.file!.path,
    });
    expect(preview.url).toMatch(/^\/evidence-file\//);
    const ticket = workbench.tickets.redeem(preview.url!.split('/').pop()!);
    expect(ticket?.file).toBe(path.join(pack, withFile.file!.path));
    // Only the manifest's files, inside the pack.
    expect(await refused(dispatch, 'pack:preview', { path: '../centre/centre.json' })).toContain(
      'not one of the pack’s files',
    );

    // Nothing can be changed: a change is refused in words, a workspace's screen says why.
    expect(
      await refused(dispatch, 'decision:record', {
        learnerId: visit.chosen[0]!.learnerId,
        unitId: visit.chosen[0]!.unitId,
        criterionRef: '1.1',
        partRef: null,
        outcome: 'met',
      }),
    ).toContain('visit pack, open to read only');
    expect(await refused(dispatch, 'learner:list', {})).toContain('A visit pack is open');

    const form = await ok<EqaReportFormView>(dispatch, 'pack:report-form', {});
    expect(form.visitId).toBe(view.data.visit.id);
    expect(form.samples.map((s) => s.learnerId).sort()).toEqual(
      visit.chosen.map((c) => c.learnerId).sort(),
    );
    const answers = answersFor(form);
    const centreIssued = await readFile(visit.iqaIdentity);
    expect(
      await refused(dispatch, 'pack:sign-report', {
        answers,
        identity: { contentBase64: centreIssued.toString('base64'), passphrase: DEMO_PASSPHRASE },
      }),
    ).toContain('issued by the centre');
    const signed = await ok<SignedEqaReport>(dispatch, 'pack:sign-report', {
      answers,
      identity: await eqaIdentity(),
    });
    expect(signed.signer.name).toBe(demoEqa.name);
    const report = path.join(root, signed.fileName);
    await writeFile(report, Buffer.from(signed.base64, 'base64'));
    expect(await pdfsigVerdicts(report)).toEqual(['Signature is Valid.']);

    // The pack is exactly as it was: same files, same bytes, and its manifest still holds.
    expect(await filesOf(pack)).toEqual(before);
    expect((await checkPackFolder(pack, null)).ok).toBe(true);

    // The centre imports the report signed from the pack against the visit the pack was made for.
    await ok(dispatch, 'workspace:open', { dir: visit.dir });
    const iqa = workbench.workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
    await ok(dispatch, 'session:set-user', {
      personId: iqa.id,
      role: 'iqa',
      passphrase: DEMO_PASSPHRASE,
    });
    const staged = (await workbench.staged.chosen([report]))[0]!.stagedId;
    const imported = await ok<ImportedEqaReport>(dispatch, 'visit:import-report', {
      stagedId: staged,
    });
    expect(imported.visitId).toBe(view.data.visit.id);
    expect(imported.actions).toBe(1);
  });

  it('shows what failed in a pack that was changed', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'visit-pack');
    await makePack(visit, pack);
    const workbench = await bootWorkbench(root, { workspace: visit.dir });
    const dispatch = createDispatcher(workbench);

    expect((await ok<WorkspaceStatus>(dispatch, 'workspace:status', {})).open?.dir).toBe(visit.dir);

    const changed = path.join(root, 'changed-pack');
    await cp(pack, changed, { recursive: true });
    const data = JSON.parse(await readFile(path.join(changed, 'pack.json'), 'utf8')) as {
      learners: { evidence: { file: { path: string } | null }[] }[];
    };
    const file = data.learners.flatMap((l) => l.evidence).find((e) => e.file)!.file!.path;
    await writeFile(path.join(changed, file), 'not the evidence');

    // Opened by typing its path, as the screen's "Open a workspace" does.
    const status = await ok<WorkspaceStatus>(dispatch, 'workspace:open', { dir: changed });
    expect(status.pack?.dir).toBe(changed);
    const view = await ok<OpenPackView>(dispatch, 'pack:view', {});
    expect(view.check.ok).toBe(false);
    expect(view.check.problems.join('\n')).toContain(`${file}: changed since the pack was made`);
    // The EQA can still read it.
    expect(view.data.learners).toHaveLength(2);
  });
});
