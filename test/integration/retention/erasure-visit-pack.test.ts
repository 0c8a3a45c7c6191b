import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { openIdentity } from '../../../src-main/record/identity-store/identity-store';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { eraseLearner } from '../../../src-main/retention/erase';
import type { PackData } from '../../../src-main/visit-pack/pack-model';
import { writeVisitPack } from '../../../src-main/visit-pack/write-pack';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

const run = promisify(execFile);
const UNIT = 'unit-j-508-4003';
const later = new Date('2030-06-01T09:00:00Z');

/** Every file under a folder (relative) that holds one of `values`, or whose path does. */
async function holding(dir: string, values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    const text = entry.isFile() ? await readFile(path.join(dir, file), 'utf8') : '';
    for (const v of values) if (text.includes(v) || file.includes(v)) found.push(`${file}: ${v}`);
  }
  return found;
}

/** The demo centre with a pack in visits/ that samples Nguyễn and Amara, signed by the IQA. */
async function withPack(root: string) {
  const { workspace } = await demoWorkspace(root);
  const [learner, other] = ['Nguy', 'Amara'].map((n) =>
    workspace.centre.learners.find((l) => l.name.startsWith(n))!,
  );
  const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
  const out = path.join(workspace.dir, 'visits', '2030-05-01-pack');
  await writeVisitPack(workspace, {
    out,
    samples: [
      { learner: learner!.id, unit: UNIT },
      { learner: other!.id, unit: UNIT },
    ],
    identity: await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE),
    actor: { id: iqa.id, role: 'iqa' },
    madeBy: iqa.name,
    now: new Date('2030-05-01T09:00:00Z'),
    zip: true,
    thirdParty: 'include',
  });
  const before = JSON.parse(await readFile(path.join(out, 'pack.json'), 'utf8')) as PackData;
  const slug = before.learners
    .find((l) => l.id === learner!.id)!
    .evidence.find((e) => e.file)!
    .file!.path.split('/')[1]!;
  const signer = await signerFor(workspace, iqa, 'iqa', {
    passphrase: DEMO_PASSPHRASE,
    userDataDir: root,
  });
  const erase = (scope: 'learner' | 'evidence') =>
    eraseLearner(
      workspace,
      { learnerId: learner!.id, reason: 'The learner asked', scope, onRequest: true },
      iqa,
      signer,
      { id: iqa.id, role: 'iqa' },
      later,
    );
  return { workspace, learner: learner!, other: other!, out, before, slug, erase };
}

describe('an erasure and the visit packs the workspace keeps', () => {
  const temp = useTempDirs();

  it('takes the learner out of every pack and its zip, keeping the other learners and the decisions', async () => {
    const root = await temp();
    const { workspace, learner, other, out, before, slug, erase } = await withPack(root);
    const personal = [learner!.name, learner!.uln, slug];
    expect(await holding(out, personal)).not.toEqual([]);

    const erased = await erase('learner');

    expect(await holding(path.join(workspace.dir, 'visits'), personal)).toEqual([]);
    const zip = await JSZip.loadAsync(await readFile(`${out}.zip`));
    const names = Object.keys(zip.files);
    expect(names.filter((n) => n.includes(slug))).toEqual([]);
    const zipped = await zip.file('2030-05-01-pack/pack.json')!.async('string');
    for (const v of personal) expect(zipped).not.toContain(v);
    // What is left is whole: the manifest lists exactly the files the pack now holds.
    await run('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], { cwd: out });
    const after = JSON.parse(await readFile(path.join(out, 'pack.json'), 'utf8')) as PackData;
    const kept = after.learners.find((l) => l.id === learner!.id)!;
    const was = before.learners.find((l) => l.id === learner!.id)!;
    expect(kept).toMatchObject({ name: erased.pseudonym, uln: '', employer: '', workplace: '' });
    expect(
      kept.evidence.every((e) => e.file === null && e.leftOut?.includes(erased.recordId)),
    ).toBe(true);
    expect(kept.units.map((u) => u.outcomes)).toEqual(was.units.map((u) => u.outcomes));
    expect(after.signedBy).toBeNull();
    // The other learner's part of the pack is untouched, files and all.
    const theirs = after.learners.find((l) => l.id === other!.id)!;
    expect(theirs).toEqual(before.learners.find((l) => l.id === other!.id));
    for (const e of theirs.evidence.filter((x) => x.file)) {
      expect(names).toContain(`2030-05-01-pack/${e.file!.path}`);
      await readFile(path.join(out, e.file!.path));
    }
  }, 120_000);

  it('takes an erased learner’s evidence out of every pack, their name and records staying', async () => {
    const root = await temp();
    const { learner, out, before, erase } = await withPack(root);
    const was = before.learners.find((l) => l.id === learner.id)!;
    const files = was.evidence.filter((e) => e.file);
    expect(files.length).toBeGreaterThan(0);
    const erased = await erase('evidence');

    const after = JSON.parse(await readFile(path.join(out, 'pack.json'), 'utf8')) as PackData;
    const kept = after.learners.find((l) => l.id === learner.id)!;
    expect(kept.name).toBe(learner.name);
    expect(kept.units.map((u) => u.records)).toEqual(was.units.map((u) => u.records));
    expect(kept.evidence.map((e) => [e.ref, e.file, e.notes, e.leftOut])).toEqual(
      was.evidence.map((e) => [
        e.ref,
        null,
        '',
        `erased on 2030-06-01 (erasure record ${erased.recordId})`,
      ]),
    );
    // Other learners in the pack have evidence of the same titles: only this learner's entry.
    for (const e of files) expect(JSON.stringify(kept)).not.toContain(e.title);
    expect(
      await holding(
        out,
        files.map((e) => e.file!.path),
      ),
    ).toEqual([]);
    const zip = await JSZip.loadAsync(await readFile(`${out}.zip`));
    expect(
      Object.keys(zip.files).filter((n) => files.some((e) => n.endsWith(e.file!.path))),
    ).toEqual([]);
    await run('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], { cwd: out });
    for (const u of kept.units) for (const r of u.records) await readFile(path.join(out, r.path));
  }, 120_000);
});
