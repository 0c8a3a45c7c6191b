import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { EvidencePreview } from '../../../src-main/evidence/evidence-views';
import type { PackData } from '../../../src-main/visit-pack/pack-model';
import type { OpenPackView } from '../../../src-main/visit-pack/pack-view-contract';
import {
  OPENED_PACKS_FOLDER,
  removeStaleExtractions,
} from '../../../src-main/visit-pack/pack-unzip';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { ok, refused } from '../../support/dispatch';
import { useTempDirs } from '../../support/temp-dir';
import { demoVisit, makePack } from '../../support/visit-pack';
import { bootWorkbench } from '../../support/workbench';

const cacheOf = (root: string) => path.join(root, 'user-data', OPENED_PACKS_FOLDER);
const listing = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();

/** A zip of the pack with one file's bytes replaced (or added), as someone changing it would. */
async function alteredZip(zipFile: string, out: string, name: string, bytes: string | Buffer) {
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  zip.file(name, bytes);
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

describe('a visit pack’s .zip opened in the workbench', () => {
  const tempDir = useTempDirs();

  it('is unpacked into this computer’s cache, read like the folder, and left as it was', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'visit-2026-11');
    await makePack(visit, pack);
    const zipFile = `${pack}.zip`;
    const zipBytes = await readFile(zipFile);
    const beside = await listing(root);

    // Opened as `workbench web --workspace pack.zip` opens it.
    const workbench = await bootWorkbench(root, { workspace: zipFile });
    const dispatch = createDispatcher(workbench);
    const status = await ok<WorkspaceStatus>(dispatch, 'workspace:status', {});
    expect(status.problem).toBeNull();
    expect(status.pack?.dir).toBe(zipFile);
    const view = await ok<OpenPackView>(dispatch, 'pack:view', {});
    expect(view).toMatchObject({ dir: zipFile, zipped: true });
    expect(view.check).toMatchObject({ ok: true, signedBy: 'Margaret Ellis', problems: [] });
    expect(view.data.learners.map((l) => l.name).sort()).toEqual(
      visit.chosen.map((c) => c.name).sort(),
    );

    // Evidence reads from the unpacked copy in the cache, the same bytes as the pack's own.
    const withFile = view.data.learners.flatMap((l) => l.evidence).find((e) => e.file)!;
    const preview = await ok<EvidencePreview>(dispatch, 'pack:preview', {
      path: withFile.file!.path,
    });
    const served = workbench.tickets.redeem(preview.url!.split('/').pop()!)!.file;
    expect(served.startsWith(cacheOf(root) + path.sep)).toBe(true);
    expect(await readFile(served)).toEqual(await readFile(path.join(pack, withFile.file!.path)));
    expect(await refused(dispatch, 'pack:preview', { path: '../owner.json' })).toContain(
      'not one of the pack’s files',
    );

    // Opened again: unpacked afresh in the same place, not a second copy.
    const [first] = await listing(cacheOf(root));
    await ok(dispatch, 'workspace:open', { dir: zipFile });
    expect(await listing(cacheOf(root))).toEqual([first]);
    expect((await ok<OpenPackView>(dispatch, 'pack:view', {})).check.ok).toBe(true);

    // Nothing written beside the zip (only the workbench's own data folder is new), and the zip
    // is byte for byte as it was.
    expect(await listing(root)).toEqual([...beside, 'user-data'].sort());
    expect(await readFile(zipFile)).toEqual(zipBytes);

    // Closing the pack (opening the centre's workspace) removes the unpacked copy.
    await ok(dispatch, 'workspace:open', { dir: visit.dir });
    expect(await listing(cacheOf(root))).toEqual([]);

    // One left behind by a workbench that stopped is removed when the next one starts.
    await ok(dispatch, 'workspace:open', { dir: zipFile });
    expect(await listing(cacheOf(root))).toHaveLength(1);
    await bootWorkbench(root, { workspace: visit.dir });
    expect(await listing(cacheOf(root))).toEqual([]);
  });

  it('shows the file that was changed inside a zip by its name', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'visit-pack');
    await makePack(visit, pack);
    const data = JSON.parse(await readFile(path.join(pack, 'pack.json'), 'utf8')) as PackData;
    const file = data.learners.flatMap((l) => l.evidence).find((e) => e.file)!.file!.path;
    const tampered = await alteredZip(
      `${pack}.zip`,
      path.join(root, 'tampered.zip'),
      `visit-pack/${file}`,
      'not the evidence',
    );
    const tamperedBytes = await readFile(tampered);

    const workbench = await bootWorkbench(root, { workspace: visit.dir });
    const dispatch = createDispatcher(workbench);
    const status = await ok<WorkspaceStatus>(dispatch, 'workspace:open', { dir: tampered });
    expect(status.pack?.dir).toBe(tampered);
    const view = await ok<OpenPackView>(dispatch, 'pack:view', {});
    expect(view.check.ok).toBe(false);
    expect(view.check.problems.join('\n')).toContain(`${file}: changed since the pack was made`);
    // The EQA can still read it.
    expect(view.data.learners).toHaveLength(2);
    expect(await readFile(tampered)).toEqual(tamperedBytes);
  });

  it('refuses a zip that would write outside its folder, hold a link or fill the disk', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'visit-pack');
    await makePack(visit, pack);
    const workbench = await bootWorkbench(root, { workspace: visit.dir });
    const dispatch = createDispatcher(workbench);
    const sandbox = path.join(root, 'sandbox');
    await mkdir(sandbox);

    const escaping = await alteredZip(
      `${pack}.zip`,
      path.join(sandbox, 'escaping.zip'),
      '../evil',
      'escaped',
    );
    const escapingBytes = await readFile(escaping);
    expect(await refused(dispatch, 'workspace:open', { dir: escaping })).toContain(
      'holds a file named ../evil, which points outside the pack',
    );
    const absolute = await alteredZip(
      `${pack}.zip`,
      path.join(sandbox, 'absolute.zip'),
      path.join(root, 'evil'),
      'escaped',
    );
    expect(await refused(dispatch, 'workspace:open', { dir: absolute })).toContain(
      'points outside the pack',
    );

    const linked = await JSZip.loadAsync(await readFile(`${pack}.zip`));
    linked.file('visit-pack/link', '/etc/passwd', { unixPermissions: 0o120777 });
    const link = path.join(sandbox, 'link.zip');
    await writeFile(link, await linked.generateAsync({ type: 'nodebuffer', platform: 'UNIX' }));
    expect(await refused(dispatch, 'workspace:open', { dir: link })).toContain(
      'holds a link (visit-pack/link)',
    );

    const bomb = await alteredZip(
      `${pack}.zip`,
      path.join(sandbox, 'bomb.zip'),
      'visit-pack/zeros.bin',
      Buffer.alloc(40 * 1024 ** 2),
    );
    expect(await refused(dispatch, 'workspace:open', { dir: bomb })).toContain(
      'it looks like a zip bomb',
    );

    // Nothing was written outside the cache, nothing is left in it, and the workspace stays open.
    expect(await listing(sandbox)).toEqual([
      'absolute.zip',
      'bomb.zip',
      'escaping.zip',
      'link.zip',
    ]);
    expect(await listing(root)).not.toContain('evil');
    expect(await listing(path.join(root, 'user-data'))).not.toContain('evil');
    expect(await listing(cacheOf(root))).toEqual([]);
    expect(await readFile(escaping)).toEqual(escapingBytes);
    expect((await ok<WorkspaceStatus>(dispatch, 'workspace:status', {})).open?.dir).toBe(visit.dir);
  });

  it('keeps at start what another running workbench has unpacked', async () => {
    const cache = path.join(await tempDir(), OPENED_PACKS_FOLDER);
    for (const [name, pid] of [
      ['running', process.ppid],
      ['stopped', 2 ** 22 + 1],
      ['ours', process.pid],
    ] as const) {
      await mkdir(path.join(cache, name), { recursive: true });
      await writeFile(path.join(cache, name, 'owner.json'), JSON.stringify({ pid }));
    }
    await mkdir(path.join(cache, 'half-written.part'));
    await removeStaleExtractions(cache);
    expect(await listing(cache)).toEqual(['running']);
  });
});
