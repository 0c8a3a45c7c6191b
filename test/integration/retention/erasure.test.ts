import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import type { Learner } from '../../../src-main/centre/centre-schema';
import { checkRecordFile } from '../../../src-main/record/issue/check-record-file';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { checkPortfolioProofs } from '../../../src-main/record/verify/verify-portfolio';
import { addEvidenceFile } from '../../../src-main/evidence/evidence-store';
import { eraseLearner } from '../../../src-main/retention/erase';
import { retentionList } from '../../../src-main/retention/retention-list';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace, tester } from '../../support/demo-workspace';
import { portfolioOnDisk } from '../../support/portfolio-on-disk';
import { runCli } from '../../support/run-cli';
import { issueUnitRecordByAssessor } from '../../support/record/issue-by-assessor';
import { useTempDirs } from '../../support/temp-dir';

const run = promisify(execFile);
const pdfText = async (file: string) => (await run('pdftotext', ['-layout', file, '-'])).stdout;

const UNIT = 'unit-j-508-4003';
const later = new Date('2030-06-01T09:00:00Z');

/** Every file under a folder, with its bytes as text. */
async function everyFile(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), await readFile(file, 'latin1'));
  }
  return out;
}

/** The files still holding any of `values` (as written in JSON), by name. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, text] of await everyFile(dir)) {
    const utf8 = Buffer.from(text, 'latin1').toString('utf8');
    for (const v of values) if (utf8.includes(v)) found.push(`${name}: ${v}`);
  }
  return found;
}

describe('erasure under the retention policy', () => {
  const temp = useTempDirs();

  it('lists a learner past retention, erases every copy, keeps records verifiable and survives an older copy syncing back', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name.startsWith('Nguy'))!;
    const doc = await workspace.portfolio(learner.id);
    // Certified: the one unit still registered is signed off (the other withdrawn).
    await doc.update((p) => ({
      ...p,
      registrations: p.registrations.map((r) =>
        r.unitId === UNIT ? r : { ...r, withdrawn: true },
      ),
    }));
    let folder = await workspace.portfolioFolder(learner.id);
    const issued = await issueUnitRecordByAssessor(workspace, learner.id, UNIT, root);
    const assessorId = doc.data.registrations.find((r) => r.unitId === UNIT)!.assessorId;
    const assessor = workspace.centre.staff.find((s) => s.id === assessorId)!;
    const source = { passphrase: DEMO_PASSPHRASE, userDataDir: root };
    const before = doc.data;
    const evidence = before.evidence.filter((e) => e.file);
    expect(evidence.length).toBeGreaterThan(0);
    const personal = [
      learner.name,
      learner.uln,
      ...evidence.map((e) => e.title),
      ...evidence.map((e) => e.file!.originalName),
    ];
    // Another computer's copy of the portfolio, made before the erasure.
    const [ownFile] = (await readdir(path.join(folder, 'changes'))).filter((n) =>
      n.endsWith('.jsonl'),
    );
    const olderCopy = await readFile(path.join(folder, 'changes', ownFile!), 'utf8');

    const listed = await retentionList(workspace, later);
    const row = listed.learners.find((l) => l.learnerId === learner.id);
    expect(row?.scope).toBe('learner');
    expect(row?.items.find((i) => i.kind === 'evidence')?.past).toBe(true);
    expect(row?.wouldGo.join(' ')).toMatch(/evidence file/);
    expect(row?.mustStay.join(' ')).toMatch(/decisions/);

    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const signer = await signerFor(workspace, iqa, 'iqa', source);
    await expect(
      eraseLearner(
        workspace,
        { learnerId: learner.id, reason: 'x', scope: 'learner' },
        assessor,
        signer,
        tester,
        later,
      ),
    ).rejects.toThrow(/internal quality assurers/);
    const result = await eraseLearner(
      workspace,
      { learnerId: learner.id, reason: 'Retention period ended', scope: 'learner' },
      iqa,
      signer,
      { id: iqa.id, role: 'iqa' },
      later,
    );
    expect(result.basis).toBe('retention');
    // The folder named by the learner moved to one named by the pseudonym.
    const oldFolder = folder;
    folder = await workspace.portfolioFolder(learner.id);
    expect(folder).not.toBe(oldFolder);
    expect(await readdir(oldFolder).catch(() => 'gone')).toBe('gone');
    expect(await holding(folder, personal)).toEqual([]);
    const changeDir = path.join(folder, 'changes');

    // The older copy comes back twice: as a sync engine's conflict copy, and as the writer's own
    // file put back whole, as a sync engine does when the other computer's version wins.
    await writeFile(
      path.join(
        changeDir,
        ownFile!.replace('.jsonl', '.sync-conflict-20300601-100000-ABCDEF1.jsonl'),
      ),
      olderCopy,
    );
    const ownNow = await readFile(path.join(changeDir, ownFile!), 'utf8');
    await writeFile(path.join(changeDir, ownFile!), olderCopy + ownNow.slice(olderCopy.length));
    const again = await Workspace.open(workspace.dir);
    const reread = await again.portfolio(learner.id);
    await reread.flush();
    await again.portfolios.flush();

    // Other demo learners have evidence of the same titles: the learner's own folder is checked
    // for everything, the whole workspace for who they are.
    expect(await holding(folder, personal)).toEqual([]);
    expect(await holding(workspace.dir, [learner.name, learner.uln])).toEqual([]);
    const onDisk = await portfolioOnDisk(folder, learner.id);
    expect(onDisk.decisions).toEqual(before.decisions);
    expect(onDisk.signOffs).toEqual(before.signOffs);
    const hashes = (p: typeof before) => p.issuedRecords.map((r) => [r.recordId, r.sha256]);
    expect(hashes(onDisk)).toEqual(hashes(before));
    expect(hashes(onDisk).map(([id]) => id)).toContain(issued.entry.recordId);
    expect(onDisk.evidence.map((e) => e.file?.sha256)).toEqual(
      before.evidence.map((e) => e.file?.sha256),
    );
    expect(onDisk.erasures).toHaveLength(1);
    const roster = again.centre.learners.find((l) => l.id === learner.id) as Learner;
    expect(roster.name).toBe(result.pseudonym);

    const proofs = await checkPortfolioProofs(again, roster);
    expect(proofs.problems ?? []).toEqual([]);

    const record = await checkRecordFile(issued.bytes, 'record.pdf', again);
    expect(record.problems).toEqual([]);
    expect(record.ok).toBe(true);
    expect(record.notes.join('\n')).toContain(
      `evidence erased on 1 Jun 2030 under the retention policy (erasure record ${result.recordId})`,
    );
    expect(record.evidence?.every((e) => e.status === 'erased')).toBe(true);

    const erasureBytes = await readFile(path.join(workspace.dir, result.recordFile));
    const erasure = await checkRecordFile(erasureBytes, 'erasure.pdf', again);
    expect(erasure.problems).toEqual([]);
    expect(erasure.signatures[0]?.signerName).toBe(iqa.name);
  }, 120_000);
});

describe('workbench retention and workbench erase', () => {
  const temp = useTempDirs();

  it('erases on request with the IQA signing, lists the erasure, and the erasure record verifies', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name.startsWith('Łukasz'))!;
    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const assessor = workspace.centre.staff.find(
      (s) => !s.roles.includes('iqa') && s.roles.includes('assessor'),
    )!;
    const dir = workspace.dir;
    const idOf = (personId: string) => path.join(dir, 'signing', `${personId}.p12`);
    const listed = await runCli(['retention', dir]);
    expect(listed.code).toBe(0);
    expect(listed.out).not.toContain(learner.name);

    const base = [
      'erase',
      dir,
      '--learner',
      learner.name,
      '--reason',
      'The learner asked',
      '--evidence-only',
      '--sign',
    ];
    const early = await runCli([...base, '--identity', idOf(iqa.id)]);
    expect(early.code).not.toBe(0);
    expect(early.err).toMatch(/has not reached the end of its retention period/);
    const byAssessor = await runCli([...base, '--on-request', '--identity', idOf(assessor.id)]);
    expect(byAssessor.code).not.toBe(0);
    expect(byAssessor.err).toMatch(/not one of the centre's internal quality assurers/);

    const erased = await runCli([...base, '--on-request', '--identity', idOf(iqa.id)]);
    expect(erased.err).toBe('');
    expect(erased.code).toBe(0);
    const recordId = /Erasure record (erasure-\S+):/.exec(erased.out)?.[1];
    expect(recordId).toBeTruthy();

    const after = await runCli(['retention', dir]);
    expect(after.out).toContain(`${learner.name} (${learner.id}): erased on`);
    const verified = await runCli([
      'verify',
      path.join(dir, 'erasures', `${recordId}.pdf`),
      '--workspace',
      dir,
    ]);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    const text = await pdfText(path.join(dir, 'erasures', `${recordId}.pdf`));
    expect(text).toContain('The learner asked');
    expect(text).toContain(iqa.name);
    expect(text).toContain('The learner asked for it to be');
    expect(text).toContain('erased, where the law allows');
    expect(text).not.toContain(learner.name);

    const folder = path.join(dir, learner.portfolio);
    const onDisk = await portfolioOnDisk(folder, learner.id);
    expect(onDisk.erasures[0]).toMatchObject({
      by: iqa.id,
      basis: 'request',
      scope: 'evidence',
      recordId,
    });
    expect(await readdir(path.join(folder, 'evidence'))).toEqual([]);
  }, 120_000);

  it('leaves another learner the same file as their own evidence', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const [erased, other] = ['Łukasz', 'Amara'].map((n) =>
      workspace.centre.learners.find((l) => l.name.startsWith(n))!,
    );
    const theirs = (await workspace.portfolio(erased!.id)).data.evidence.find((e) => e.file)!;
    const source = path.join(await workspace.portfolioFolder(erased!.id), theirs.file!.path);
    // The same photograph, given by the other learner as their own evidence.
    const kept = await addEvidenceFile(
      workspace,
      other!.id,
      { title: 'Team briefing photo', producedOn: '2026-11-20', method: 'product evidence' },
      { originalName: 'briefing.jpg', source: { file: source } },
      tester,
      () => new Date(),
    );
    expect(kept.file!.sha256).toBe(theirs.file!.sha256);
    const keptFile = path.join(await workspace.portfolioFolder(other!.id), kept.file!.path);
    const bytes = await readFile(keptFile);

    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const signer = await signerFor(workspace, iqa, 'iqa', {
      passphrase: DEMO_PASSPHRASE,
      userDataDir: root,
    });
    await eraseLearner(
      workspace,
      { learnerId: erased!.id, reason: 'The learner asked', scope: 'evidence', onRequest: true },
      iqa,
      signer,
      { id: iqa.id, role: 'iqa' },
      later,
    );
    await expect(readFile(source)).rejects.toThrow();
    expect(await readFile(keptFile)).toEqual(bytes);
    await workspace.portfolios.flush();
    const otherFolder = await workspace.portfolioFolder(other!.id);
    const stays = (await portfolioOnDisk(otherFolder, other!.id)).evidence.find(
      (e) => e.id === kept.id,
    );
    expect(stays?.file?.sha256).toBe(theirs.file!.sha256);
  });
});
