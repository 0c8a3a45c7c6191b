import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { changeFilesOf, portfolioOnDisk } from '../../support/portfolio-on-disk';
import { pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}

const listing = async (dir: string) => (await readdir(dir).catch(() => [])).sort();

describe('where workbench record writes its file', () => {
  const tempDir = useTempDirs();
  let workspace: Workspace;
  let zoe: { id: string; folder: string };

  beforeAll(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-record-out-'));
    ({ workspace } = await demoWorkspace(root));
    const learner = workspace.centre.learners.find((l) => l.name === "Zoë O'Brien")!;
    zoe = { id: learner.id, folder: await workspace.portfolioFolder(learner.id) };
    return () => rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  const record = (out: string, ...more: string[]) =>
    cli([
      'record',
      workspace.dir,
      '--learner',
      zoe.id,
      '--unit',
      'J/508/4003',
      '--out',
      out,
      ...more,
    ]);

  it('issues nothing when the file cannot be written where --out says, and says why in one line', async () => {
    const blocker = path.join(await tempDir(), 'a file');
    await writeFile(blocker, 'not a folder');
    const changes = await changeFilesOf(zoe.folder);
    const records = await listing(path.join(zoe.folder, 'records'));

    const cases = [
      ['/proc/record.pdf', '/proc/record.pdf could not be written'],
      [path.dirname(blocker), 'could not be written: that is a folder, not a file name'],
      [path.join(blocker, 'record.pdf'), 'is a file, not a folder, so nothing can be written'],
    ];
    for (const [out, says] of cases) {
      const made = await record(out!);
      expect(made.code).toBe(2);
      expect(made.err.split('\n')).toHaveLength(1);
      expect(made.err).toContain(says);
      expect(made.err).not.toMatch(/unexpected/);
    }
    // Nothing noted in the portfolio, nothing filed in records/.
    expect(await changeFilesOf(zoe.folder)).toEqual(changes);
    expect(await listing(path.join(zoe.folder, 'records'))).toEqual(records);
  });

  it('makes a missing --out folder and says so, and only then notes the record', async () => {
    const out = path.join(await tempDir(), 'new', 'folder', 'zoe.pdf');
    const made = await record(out);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain(`Made the folder ${path.dirname(out)} for the record.`);
    const bytes = await readFile(out);
    const recordId = /Record (R-\d{8}-\w{6})/.exec(made.out)?.[1];
    const entry = (await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords.find(
      (r) => r.recordId === recordId,
    );
    expect(entry?.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('returns at once with one line when the --all folder cannot be made, even under /proc', async () => {
    const changes = await changeFilesOf(zoe.folder);
    const made = await cli([
      'record',
      workspace.dir,
      '--all',
      '--out',
      '/proc/nonexistent/records',
      '--sign',
    ]);
    expect(made.code).toBe(2);
    expect(made.err.split('\n')).toHaveLength(1);
    expect(made.err).toContain('/proc/nonexistent/records could not be made');
    expect(await changeFilesOf(zoe.folder)).toEqual(changes);
  });

  it('does not issue a unit record again when nothing in it has changed', async () => {
    const out = path.join(await tempDir(), 'eqa visit');
    const first = await cli(['record', workspace.dir, '--all', '--out', out]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`Made the folder ${out}`);
    const files = await listing(out);
    expect(files.length).toBeGreaterThan(0);
    const issued = (await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords;

    const second = await cli(['record', workspace.dir, '--all', '--out', out]);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(
      /0 issued now, \d+ unchanged and already issued, so not issued again/,
    );
    expect(second.err).toMatch(/unchanged since record R-\d{8}-\w{6}, not issued again/);
    expect(await listing(out)).toEqual(files);
    expect((await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords).toEqual(issued);

    // Signing is a change: the signed record is issued once, then it too is left alone.
    const signed = await cli(['record', workspace.dir, '--all', '--out', out, '--sign']);
    expect(signed.out).toMatch(/issued now\.$/);
    const again = await cli(['record', workspace.dir, '--all', '--out', out, '--sign']);
    expect(again.out).toMatch(/0 issued now/);
    expect((await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords).toHaveLength(
      issued.length + 1,
    );
  });

  it('explains every evidence reference on the unit record in its evidence key', async () => {
    const out = path.join(await tempDir(), 'unit.pdf');
    const made = await record(out);
    expect(made.code, made.err).toBe(0);
    const text = (await runTool('pdftotext', ['-layout', out, '-'])).stdout;
    const [table, rest] = text.split(/^Evidence key$/m);
    const used = new Set(table!.match(/\bE\d+\b/g));
    expect(used.size).toBeGreaterThan(1);
    const key = rest!.split(/^Unit decision$/m)[0]!;
    const doc = await workspace.portfolio(zoe.id);
    for (const ref of used) {
      expect(key).toMatch(new RegExp(`^${ref}\\s+\\S`, 'm'));
    }
    // Every item of evidence mapped to this unit (her other unit's evidence is on its own record).
    const { units } = await workspace.listUnits();
    const unitId = units.find((u) => u.codes.ofqual === 'J/508/4003')!.id;
    const mapped = new Set(
      doc.data.mappings.filter((m) => m.unitId === unitId && !m.removed).map((m) => m.evidenceId),
    );
    const titles = doc.data.evidence
      .filter((e) => !e.archived && mapped.has(e.id))
      .map((e) => e.title);
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) {
      expect(key.replace(/\s+/g, ' ')).toContain(title);
    }
  });

  it('gives each kind of record its own signature reason', async () => {
    const dir = await tempDir();
    const reasons: string[] = [];
    for (const kind of ['unit-record', 'observation']) {
      const out = path.join(dir, `${kind}.pdf`);
      const made = await record(out, '--kind', kind, '--sign');
      expect(made.code, made.err).toBe(0);
      const checked = await cli(['verify', out, '--workspace', workspace.dir]);
      expect(checked.code, checked.out).toBe(0);
      reasons.push(/signed: .*\((.*)\)$/m.exec(checked.out)?.[1] ?? '');
    }
    expect(reasons).toEqual([
      "Assessor's declaration on the unit assessment record",
      "Assessor's observation record",
    ]);
  });

  it('says in one line that a witness form is not a record, rather than failing', async () => {
    const form = path.join(await tempDir(), 'form.pdf');
    const siobhan = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const made = await cli([
      'witness',
      'form',
      workspace.dir,
      '--learner',
      siobhan.id,
      '--unit',
      'J/508/4003',
      '--format',
      'pdf',
      '--out',
      form,
    ]);
    expect(made.code, made.err).toBe(0);
    for (const extra of [[], ['--workspace', workspace.dir]]) {
      const checked = await cli(['verify', form, ...extra]);
      expect(checked.code).toBe(1);
      expect(checked.out.split('\n')).toEqual([
        expect.stringMatching(
          /^form\.pdf: This is a witness testimony form \(form wf-\w+\), not a signed record, so there is nothing to verify/,
        ),
      ]);
      expect(checked.err).toBe('');
    }
  });
  it('countersign --out treats a folder as record --out does: made and said, or one line at once', async () => {
    const first = path.join(await tempDir(), 'signed.pdf');
    const signed = await record(first, '--format', 'pdf', '--sign');
    expect(signed.code, signed.err).toBe(0);
    const recordId = /Record (R-\d{8}-\w{6})/.exec(signed.out)?.[1] ?? '';
    const countersign = (out: string) =>
      cli([
        'countersign',
        workspace.dir,
        '--record',
        recordId,
        '--as',
        'Margaret Ellis',
        '--out',
        out,
      ]);

    const changes = await changeFilesOf(zoe.folder);
    const issued = (await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords.find(
      (r) => r.recordId === recordId,
    );
    const filed = path.join(zoe.folder, issued!.file);
    const kept = await readFile(filed);
    const refused = await countersign('/proc/nonexistent/countersigned.pdf');
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain('/proc/nonexistent could not be made');
    expect(refused.err).not.toMatch(/unexpected/);
    // Nothing noted: the portfolio's record is still signed once.
    expect(await changeFilesOf(zoe.folder)).toEqual(changes);
    const entry = (await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords.find(
      (r) => r.recordId === recordId,
    );
    expect(entry?.signatures).toHaveLength(1);
    expect(await readFile(filed)).toEqual(kept);

    const out = path.join(await tempDir(), 'not yet', 'made', 'countersigned.pdf');
    const made = await countersign(out);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain(`Made the folder ${path.dirname(out)} for the record.`);
    const after = (await portfolioOnDisk(zoe.folder, zoe.id)).issuedRecords.find(
      (r) => r.recordId === recordId,
    );
    expect(after?.signatures).toHaveLength(2);
    const bytes = await readFile(out);
    expect(after?.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'),
    );
    expect(await pdfsigVerdicts(out)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
  });
});
