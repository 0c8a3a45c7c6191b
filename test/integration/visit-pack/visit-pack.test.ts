import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { safeName } from '../../../src-main/storage/safe-name';
import { filesUnder } from '../../../src-main/visit-pack/pack-manifest';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { capture, demoVisit, makePack } from '../../support/visit-pack';

async function verifyPack(target: string, trust?: string) {
  const run = capture();
  const code = await main(['verify-pack', target, ...(trust ? ['--trust', trust] : [])], run.io);
  return { code, text: [...run.out, ...run.err].join('\n') };
}

/** Every way a name can be written into a pack: as written, and as a file or folder name. */
function spellings(person: { name: string; uln: string }): string[] {
  return [person.name, person.name.normalize('NFD'), safeName(person.name), person.uln].filter(
    (s) => s.length > 0,
  );
}

describe('workbench eqa-pack', () => {
  const tempDir = useTempDirs();

  it('writes a pack that sha256sum, openssl cms and verify-pack accept, folder and zip alike', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const out = path.join(root, 'visit');
    await makePack(visit, out);

    const files = await filesUnder(out);
    expect(files).toContain('index.html');
    expect(files).toContain('centre.pem');
    expect(files).toContain('MANIFEST.sha256.p7s');
    // The staff records an EQA asks for: the demo's CPD certificate, and both sections on the page.
    expect(files.some((f) => f.startsWith('sections/staff-competence/'))).toBe(true);
    const page = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(page).toContain('Staff competence and CPD');
    expect(page).toContain('Standardisation');
    expect(page).toContain('Tom Fletcher');
    const manifest = await readFile(path.join(out, 'MANIFEST.sha256'), 'utf8');
    // Every file but the manifest and its signature is listed once.
    expect(
      manifest
        .trim()
        .split('\n')
        .map((l) => l.slice(66))
        .sort(),
    ).toEqual(files.filter((f) => !f.startsWith('MANIFEST')).sort());
    const sums = await runTool('sh', ['-c', `cd "${out}" && sha256sum -c MANIFEST.sha256`]);
    expect(sums.code, sums.stdout + sums.stderr).toBe(0);
    const cms = await runTool('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      path.join(out, 'MANIFEST.sha256.p7s'),
      '-content',
      path.join(out, 'MANIFEST.sha256'),
      '-CAfile',
      path.join(visit.dir, 'signing', 'centre.pem'),
      '-out',
      '/dev/null',
    ]);
    expect(cms.code, cms.stderr).toBe(0);
    expect(cms.stderr).toContain('Verification successful');

    // The assessor's signed record is copied as issued, and its signature checked.
    const records = files.filter((f) => f.includes('/records/'));
    expect(records.length).toBeGreaterThanOrEqual(2);
    const folder = await verifyPack(out, path.join(visit.dir, 'signing', 'centre.pem'));
    expect(folder.code, folder.text).toBe(0);
    expect(folder.text).toContain('VALID');
    expect(folder.text).toContain('manifest signed by Margaret Ellis');
    const zip = await verifyPack(`${out}.zip`, path.join(visit.dir, 'signing', 'centre.pem'));
    expect(zip.code, zip.text).toBe(0);

    // A certificate the EQA holds that is not the centre's: nothing the pack says is believed.
    const stranger = path.join(root, 'stranger.pem');
    const made = await runTool('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=Someone else',
      '-keyout',
      path.join(root, 'stranger.key'),
      '-out',
      stranger,
      '-days',
      '2',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const refused = await verifyPack(out, stranger);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('centre.pem: not the centre certificate you trust');
  });

  it('fails verify-pack naming the file when any byte of any file changes', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const out = path.join(root, 'visit');
    await makePack(visit, out);
    const files = await filesUnder(out);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const full = path.join(out, file);
      const original = await readFile(full);
      const changed = Buffer.from(original);
      const at = Math.floor(changed.length / 2);
      changed[at] = changed[at]! ^ 0x01;
      await writeFile(full, changed);
      const result = await verifyPack(out);
      await writeFile(full, original);
      expect(result.code, `${file} changed, yet: ${result.text}`).not.toBe(0);
      expect(result.text, `${file} changed`).toContain(file);
    }
    expect((await verifyPack(out)).code).toBe(0);

    // An extra file slipped in is named too.
    await writeFile(path.join(out, 'learners', 'extra.txt'), 'not from the centre');
    const extra = await verifyPack(out);
    expect(extra.code).toBe(1);
    expect(extra.text).toContain('learners/extra.txt: not in the manifest');
  });

  it('names nobody outside the sample in any file, PDF text or zip entry', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const out = path.join(root, 'visit');
    await makePack(visit, out);
    expect(visit.others.length).toBeGreaterThanOrEqual(3);

    const texts: { where: string; text: string }[] = [];
    for (const file of await filesUnder(out)) {
      const full = path.join(out, file);
      texts.push({ where: `${file} (name)`, text: file });
      texts.push({ where: file, text: (await readFile(full)).toString('latin1') });
      texts.push({ where: file, text: await readFile(full, 'utf8') });
      if (file.endsWith('.pdf')) {
        const pdf = await runTool('pdftotext', [full, '-']);
        expect(pdf.code).toBe(0);
        texts.push({ where: `${file} (text)`, text: pdf.stdout });
      }
    }
    const zip = await JSZip.loadAsync(await readFile(`${out}.zip`));
    for (const entry of Object.values(zip.files)) {
      texts.push({ where: `zip entry ${entry.name}`, text: entry.name });
      if (!entry.dir) texts.push({ where: `zip ${entry.name}`, text: await entry.async('string') });
    }
    expect(zip.file(/index\.html$/)).toHaveLength(1);

    for (const person of visit.others) {
      for (const spelling of spellings(person)) {
        const found = texts.filter((t) => t.text.includes(spelling)).map((t) => t.where);
        expect(found, `${spelling} appears in the pack`).toEqual([]);
      }
    }
    // The sample itself is there: the check above would pass on an empty pack otherwise.
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    for (const c of visit.chosen) expect(html).toContain(c.name);
  });
});
