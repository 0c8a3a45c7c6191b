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

describe('a full erasure and the visit packs the workspace keeps', () => {
  const temp = useTempDirs();

  it('takes the learner out of every pack and its zip, keeping the other learners and the decisions', async () => {
    const root = await temp();
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
    const personal = [learner!.name, learner!.uln, learner!.employer, slug];
    expect(await holding(out, personal)).not.toEqual([]);

    const signer = await signerFor(workspace, iqa, 'iqa', {
      passphrase: DEMO_PASSPHRASE,
      userDataDir: root,
    });
    const erased = await eraseLearner(
      workspace,
      { learnerId: learner!.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
      iqa,
      signer,
      { id: iqa.id, role: 'iqa' },
      later,
    );

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
    expect(kept.name).toBe(erased.pseudonym);
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
});
