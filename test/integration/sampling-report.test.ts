import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { generateIdentity, importP12, signPdf } from '../../src-main/record';
import { samplingReportFile } from '../../src-main/record/issue/sampling-report';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { convertWithLibreOffice, pdfsigVerdicts, runTool } from '../support/record/system-tools';
import { useTempDirs } from '../support/temp-dir';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

/** The demo centre, and the IQA's own identity from its signing folder (issued by the centre). */
async function demoWithIdentity(root: string) {
  const dir = path.join(root, 'demo');
  expect(await main(['demo', dir], capture().io)).toBe(0);
  const workspace = await Workspace.open(dir);
  const idOf = (name: string) => workspace.centre.staff.find((s) => s.name === name)!.id;
  const identity = path.join(dir, 'signing', `${idOf('Margaret Ellis')}.p12`);
  const assessorIdentity = path.join(dir, 'signing', `${idOf('Tom Fletcher')}.p12`);
  const passphraseFile = path.join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${DEMO_PASSPHRASE}\n`);
  return { dir, identity, assessorIdentity, passphraseFile };
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

describe('who may seal a sampling report, and what verify says of it', () => {
  const tempDir = useTempDirs();

  it('refuses a sampled assessor or an identity the centre did not issue, fails such a file made by hand, and verifies the IQA’s own', async () => {
    const root = await tempDir();
    const { dir, identity, assessorIdentity, passphraseFile } = await demoWithIdentity(root);
    const workspace = await Workspace.open(dir);
    const { plans } = await samplingStore(workspace).listPlans();
    const planId = plans[0]!.id;
    const report = (out: string, p12: string) => [
      'sample',
      'report',
      dir,
      '--format',
      'pdf',
      '--out',
      out,
      '--sign',
      '--identity',
      p12,
      '--passphrase-file',
      passphraseFile,
    ];

    // Tom Fletcher's decisions are in the plan: he cannot seal the IQA's report.
    const byTom = capture();
    expect(await main(report(path.join(root, 'tom.pdf'), assessorIdentity), byTom.io)).toBe(2);
    expect(byTom.err[0]).toContain(
      'Tom Fletcher is an assessor whose decisions this report samples, so cannot seal it.',
    );
    // A self-signed "Margaret Ellis" made elsewhere is refused too.
    const impostor = generateIdentity({
      name: 'Margaret Ellis',
      role: 'Internal quality assurer',
      organisation: 'Northgate Skills Centre (demo)',
      passphrase: DEMO_PASSPHRASE,
    });
    const fake = path.join(root, 'fake.p12');
    await writeFile(fake, impostor.p12);
    const byFake = capture();
    expect(await main(report(path.join(root, 'fake.pdf'), fake), byFake.io)).toBe(2);
    expect(byFake.err[0]).toContain("was not issued by this centre's certificate");

    // The same files made by hand, around the refusal, fail verify with one line each.
    const unsigned = await samplingReportFile(workspace, planId, {
      format: 'pdf',
      now: new Date(),
    });
    const tom = importP12(await readFile(assessorIdentity), DEMO_PASSPHRASE);
    const handMade = path.join(root, 'hand-made.pdf');
    await writeFile(
      handMade,
      await signPdf(unsigned, tom, { reason: 'IQA sampling report', location: 'Northgate' }),
    );
    const centrePem = path.join(root, 'centre.pem');
    expect(await main(['centre', 'certificate', dir, '--out', centrePem], capture().io)).toBe(0);
    const refused = capture();
    expect(await main(['verify', handMade, '--workspace', dir], refused.io)).toBe(1);
    expect(refused.out.join('\n')).toContain(
      'Problem: Signature 1 (Tom Fletcher): Tom Fletcher is an assessor whose decisions this report samples, so cannot seal it.',
    );
    const outside = capture();
    expect(await main(['verify', handMade, '--trust', centrePem], outside.io)).toBe(1);
    expect(outside.out.join('\n')).toContain('the record names Margaret Ellis');
    const forged = path.join(root, 'forged.pdf');
    await writeFile(
      forged,
      await signPdf(unsigned, importP12(impostor.p12, DEMO_PASSPHRASE), {
        reason: 'x',
        location: 'x',
      }),
    );
    const notIssued = capture();
    expect(await main(['verify', forged, '--trust', centrePem], notIssued.io)).toBe(1);
    expect(notIssued.out.join('\n')).toContain('its certificate was not issued by the centre');

    // The IQA's genuine report verifies from the workspace and, for an EQA, from the certificate.
    const genuine = path.join(root, 'genuine.pdf');
    expect(await main(report(genuine, identity), capture().io)).toBe(0);
    const inside = capture();
    expect(await main(['verify', genuine, '--workspace', dir], inside.io)).toBe(0);
    expect(await main(['verify', genuine, '--trust', centrePem], capture().io)).toBe(0);
    // Without either, nothing vouches for the signer.
    expect(await main(['verify', genuine], capture().io)).toBe(1);

    // pdfsig with an NSS database holding only the centre certificate: valid and trusted.
    const db = path.join(root, 'nss');
    await mkdir(db);
    expect((await runTool('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'])).code).toBe(0);
    expect(
      (
        await runTool('certutil', [
          '-A',
          '-n',
          'centre',
          '-t',
          ',C,',
          '-i',
          centrePem,
          '-d',
          `sql:${db}`,
        ])
      ).code,
    ).toBe(0);
    const pdfsig = (await runTool('pdfsig', ['-nssdir', `sql:${db}`, genuine])).stdout;
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Certificate Validation: Certificate is Trusted.');
    const forgedSig = (await runTool('pdfsig', ['-nssdir', `sql:${db}`, forged])).stdout;
    expect(forgedSig).not.toContain('Certificate is Trusted.');
    // A hang guard, not a budget: several PKCS#12 files and signatures on a busy machine.
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
