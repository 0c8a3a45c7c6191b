import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { generateIdentity } from '../../src-main/record';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { convertWithLibreOffice, pdfsigVerdicts, runTool } from '../support/record/system-tools';
import { useTempDirs } from '../support/temp-dir';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const PASSPHRASE = 'correct horse battery';

async function demoWithIdentity(root: string) {
  const dir = path.join(root, 'demo');
  expect(await main(['demo', dir], capture().io)).toBe(0);
  const made = generateIdentity({
    name: 'Margaret Ellis',
    role: 'Internal quality assurer',
    organisation: 'Northgate Skills Centre (demo)',
    passphrase: PASSPHRASE,
  });
  const identity = path.join(root, 'iqa.p12');
  const passphraseFile = path.join(root, 'passphrase.txt');
  await writeFile(identity, made.p12);
  await writeFile(passphraseFile, `${PASSPHRASE}\n`);
  return { dir, identity, passphraseFile };
}

async function text(pdf: string): Promise<string> {
  const result = await runTool('pdftotext', ['-layout', pdf, '-']);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('workbench sample report', () => {
  const tempDir = useTempDirs();

  it('writes a signed PDF report that pdfsig accepts, renders, and says what the EQA needs', async () => {
    const root = await tempDir();
    const { dir, identity, passphraseFile } = await demoWithIdentity(root);
    const out = path.join(root, 'report.pdf');
    const run = capture();
    const code = await main(
      [
        'sample',
        'report',
        dir,
        '--format',
        'pdf',
        '--out',
        out,
        '--sign',
        '--identity',
        identity,
        '--passphrase-file',
        passphraseFile,
      ],
      run.io,
    );
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    expect(await pdfsigVerdicts(out)).toEqual(['Signature is Valid.']);

    const words = await text(out);
    for (const expected of [
      'IQA sampling report',
      'IQA: Margaret Ellis',
      'Sampling strategy',
      'Plan against what was done',
      'Decisions and feedback to assessors',
      'Coverage: assessors × units',
      'Coverage: assessors × methods',
      'Coverage: assessors × locations',
      "Trends for the EQA's attention",
      'Tom Fletcher',
      'Priya Sharma',
      'Add a short narrative',
      'Not compliant',
      'Evidence was not judged sufficient in 2 of 3 reviews.',
    ]) {
      expect(words).toContain(expected);
    }
    const rendered = await runTool('pdftoppm', [
      '-png',
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      out,
      path.join(root, 'page'),
    ]);
    expect(rendered.code).toBe(0);
    expect((await stat(path.join(root, 'page-1.png'))).size).toBeGreaterThan(5_000);
  });

  it('writes a DOCX report that LibreOffice converts, and refuses to sign a DOCX', async () => {
    const root = await tempDir();
    const { dir, identity, passphraseFile } = await demoWithIdentity(root);
    const out = path.join(root, 'report.docx');
    expect(
      await main(['sample', 'report', dir, '--format', 'docx', '--out', out], capture().io),
    ).toBe(0);
    const words = await text(await convertWithLibreOffice(out, root));
    expect(words).toContain('IQA sampling report');
    expect(words).toContain('Action points');

    const refused = capture();
    const code = await main(
      [
        'sample',
        'report',
        dir,
        '--format',
        'docx',
        '--out',
        out,
        '--sign',
        '--identity',
        identity,
        '--passphrase-file',
        passphraseFile,
      ],
      refused.io,
    );
    expect(code).toBe(2);
    expect(refused.err).toEqual([
      'workbench sample report: only a PDF can be signed: use --format pdf with --sign.',
    ]);
  });

  it('writes the signed IQA sampling record of one sample, and says plainly when the passphrase is wrong', async () => {
    const root = await tempDir();
    const { dir, identity, passphraseFile } = await demoWithIdentity(root);
    const workspace = await Workspace.open(dir);
    const { plans } = await samplingStore(workspace).listPlans();
    const reviews = await samplingStore(workspace).readReviews(plans[0]!.id);
    const toAction = reviews.find((r) => r.actionPoints.some((a) => a.state === 'open'))!;
    const out = path.join(root, 'record.pdf');
    const args = [
      'sample',
      'report',
      dir,
      '--format',
      'pdf',
      '--out',
      out,
      '--sample',
      toAction.sampleId,
      '--sign',
      '--identity',
      identity,
    ];
    expect(await main([...args, '--passphrase-file', passphraseFile], capture().io)).toBe(0);
    expect(await pdfsigVerdicts(out)).toEqual(['Signature is Valid.']);
    const words = await text(out);
    expect(words).toContain('IQA sampling record');
    expect(words).toContain('VACSR checks');
    expect(words).toContain('Assessor to action');
    expect(words).toContain('Sufficient (covers the criterion fully)');

    const wrong = path.join(root, 'wrong.txt');
    await writeFile(wrong, 'not the passphrase');
    const before = await readFile(out);
    const bad = capture();
    expect(await main([...args, '--passphrase-file', wrong], bad.io)).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toContain('The passphrase does not open this signing identity');
    expect(await readFile(out)).toEqual(before);
  });
});

describe('workbench sample plan', () => {
  const tempDir = useTempDirs();

  it('prints the plan as JSON in the documented shape, the same for the same seed, and a table without --json', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'demo');
    await main(['demo', dir], capture().io);
    const first = capture();
    expect(await main(['sample', 'plan', dir, '--seed', '42', '--json'], first.io)).toBe(0);
    const plan = JSON.parse(first.out.join('\n'));
    expect(Object.keys(plan).sort()).toEqual([
      'coverage',
      'period',
      'qualification',
      'samples',
      'seed',
    ]);
    expect(plan.seed).toBe(42);
    expect(plan.samples.length).toBeGreaterThan(0);
    expect(Object.keys(plan.samples[0]).sort()).toEqual(
      ['assessor', 'id', 'iqa', 'learner', 'plannedDate', 'reasons', 'type', 'unit'].sort(),
    );
    expect(plan.samples.every((s: { reasons: string[] }) => s.reasons.length > 0)).toBe(true);
    expect(Object.keys(plan.coverage).sort()).toEqual(['gaps', 'rates', 'targets', 'totals']);
    const again = capture();
    await main(['sample', 'plan', dir, '--seed', '42', '--json'], again.io);
    expect(again.out).toEqual(first.out);

    const narrow = capture();
    await main(
      [
        'sample',
        'plan',
        dir,
        '--seed',
        '42',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
        '--json',
      ],
      narrow.io,
    );
    expect(JSON.parse(narrow.out.join('\n')).period).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });

    const table = capture();
    expect(await main(['sample', 'plan', dir, '--seed', '42'], table.io)).toBe(0);
    expect(table.out.join('\n').split('\n')[0]).toMatch(
      /^Planned\s+Learner\s+Unit\s+Assessor\s+Type\s+Why$/,
    );

    const bad = capture();
    expect(await main(['sample', 'plan', dir, '--to', '31/08/2027'], bad.io)).toBe(2);
    expect(bad.err).toEqual([
      'workbench sample plan: --to must be a date written YYYY-MM-DD, not "31/08/2027".',
    ]);
  });
});
