import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyHashed } from '../../../src-main/visit-pack/pack-copy';
import { PackZip } from '../../../src-main/visit-pack/zip-pack';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a pack copied and zipped from one read of each file', () => {
  const tempDir = useTempDirs();

  it('copies, hashes and zips files of every size byte for byte, with CRCs unzip accepts', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'pack');
    const zipFile = path.join(root, 'pack.zip');
    // Empty, one byte, just under, at and over the 2 MiB pieces, and several pieces long.
    const sizes = [0, 1, 2 * 1024 * 1024 - 1, 2 * 1024 * 1024, 2 * 1024 * 1024 + 1, 5_000_003];
    const originals = sizes.map((size) => randomBytes(size));
    for (const [n, bytes] of originals.entries())
      await writeFile(path.join(root, `source-${n}.jpg`), bytes);
    await mkdir(path.join(dir, 'evidence'), { recursive: true });

    const zip = await PackZip.create(dir, zipFile);
    const hashes = await Promise.all(
      originals.map((_, n) =>
        copyHashed(path.join(root, `source-${n}.jpg`), path.join(dir, `evidence/${n}.jpg`), {
          relative: `evidence/${n}.jpg`,
          sink: zip,
        }),
      ),
    );
    await zip.add('index.html', Buffer.from('<p>Pack</p>'));
    await writeFile(path.join(dir, 'MANIFEST.sha256'), 'written last, found by the walk\n');
    await zip.finish(dir);

    for (const [n, bytes] of originals.entries()) {
      expect(hashes[n]).toBe(sha256(bytes));
      expect((await readFile(path.join(dir, `evidence/${n}.jpg`))).equals(bytes)).toBe(true);
    }
    const tested = await runTool('unzip', ['-t', zipFile]);
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout).toContain('No errors detected');
    const read = await JSZip.loadAsync(await readFile(zipFile), { checkCRC32: true });
    for (const [n, bytes] of originals.entries()) {
      const entry = read.file(`pack/evidence/${n}.jpg`);
      expect(entry, `pack/evidence/${n}.jpg`).not.toBeNull();
      expect((await entry!.async('nodebuffer')).equals(bytes)).toBe(true);
    }
    expect(await read.file('pack/index.html')!.async('string')).toBe('<p>Pack</p>');
    expect(await read.file('pack/MANIFEST.sha256')!.async('string')).toContain('written last');
    expect(Object.keys(read.files).filter((f) => !read.files[f]!.dir)).toHaveLength(
      sizes.length + 2,
    );
  });

  it('refuses an entry whose pieces do not come to the size it was begun with', async () => {
    const root = await tempDir();
    const zip = await PackZip.create(path.join(root, 'pack'), path.join(root, 'pack.zip'));
    const entry = zip.begin('evidence/short.jpg', 10);
    await entry.write(Buffer.alloc(4), 0);
    await expect(entry.end()).rejects.toThrow('short.jpg changed while it was put in the zip');
    await expect(entry.write(Buffer.alloc(8), 4)).rejects.toThrow('changed while it was put');
    await zip.abandon();
  });
});
