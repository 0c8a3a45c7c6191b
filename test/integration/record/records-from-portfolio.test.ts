import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { achieveUnit } from '../../support/record/achieve-unit';
import { convertWithLibreOffice, pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { portfolioOnDisk } from '../../support/portfolio-on-disk';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';
import { handlers } from '../../../src-main/api/handlers';

const VALID = 'Signature is Valid.';
const UNIT = 'J/508/4003';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

async function cli(args: string[]) {
  const { io, out, err } = capture();
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  try {
    const code = await main(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}

/** Flips one hex digit of the document title: inside the bytes every signature covers. */
function tamper(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('/Title <FEFF') + '/Title <FEFF'.length + 2;
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return copy;
}

describe('records generated from a demo portfolio', () => {
  const tempDir = useTempDirs();
  let root: string;
  let workspace: Workspace;
  let learnerId: string;

  beforeAll(async () => {
    root = await (
      await import('node:fs/promises')
    ).mkdtemp(path.join((await import('node:os')).tmpdir(), 'workbench-records-'));
    ({ workspace, learnerId } = await demoWorkspace(root));
    await achieveUnit(workspace, learnerId, 'External Customers');
    return () => rm(root, { recursive: true, force: true });
  });

  /** Amara's J/508/4003 record as a signed PDF, through `workbench record`. */
  const signedRecord = (out: string) =>
    cli([
      'record',
      workspace.dir,
      '--learner',
      'Amara Okafor',
      '--unit',
      UNIT,
      '--format',
      'pdf',
      '--out',
      out,
      '--sign',
    ]);

  it('signs a unit record that pdfsig calls valid and verify accepts, then an IQA countersigns it', async () => {
    const out = path.join(await tempDir(), 'record.pdf');
    const made = await signedRecord(out);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/signed by Priya Sharma/);
    expect(await pdfsigVerdicts(out)).toEqual([VALID]);
    const verified = await cli(['verify', out, '--workspace', workspace.dir]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/VALID/);
    expect(verified.out).toMatch(/Signature 1: Priya Sharma, Assessor/);
    expect(verified.out).toMatch(/Evidence: 3 of 3 files unchanged/);

    const text = (await runTool('pdftotext', ['-layout', out, '-'])).stdout;
    expect(text).toMatch(/Achieved/);
    expect(text).toMatch(/Clear evidence from the observation/);

    // The IQA countersigns the issued copy in the portfolio, through the same operation the app uses.
    const wb = await bootWorkbench(await tempDir(), { workspace: workspace.dir });
    const iqa = wb.workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    await handlers['session:set-user'](
      { personId: iqa.id, role: 'iqa', passphrase: DEMO_PASSPHRASE },
      wb,
    );
    const [issued] = await handlers['record:list']({ learnerId }, wb);
    const countersigned = await handlers['record:countersign'](
      { learnerId, recordId: issued!.recordId, passphrase: DEMO_PASSPHRASE, remember: false },
      wb,
    );
    expect(countersigned.signatures.map((s) => s.name)).toEqual(['Priya Sharma', 'Margaret Ellis']);
    const folder = await wb.workspace.portfolioFolder(learnerId);
    const file = path.join(folder, countersigned.file);
    expect(await pdfsigVerdicts(file)).toEqual([VALID, VALID]);
    const both = await cli(['verify', file, '--workspace', workspace.dir]);
    expect(both.code).toBe(0);
    expect(both.out).toMatch(/Signature 2: Margaret Ellis, Internal quality assurer/);

    // One changed byte breaks both signatures.
    const broken = path.join(await tempDir(), 'broken.pdf');
    await writeFile(broken, tamper(await readFile(file)));
    expect(await pdfsigVerdicts(broken)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
    const refused = await cli(['verify', broken, '--workspace', workspace.dir]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Signature 1 \(Priya Sharma\)/);
    expect(refused.out).toMatch(/Signature 2 \(Margaret Ellis\)/);
    await wb.shutdown();
  });

  it('countersigns an issued record from the command line, once, and only as an IQA or qualified assessor', async () => {
    const made = await signedRecord(path.join(await tempDir(), 'record.pdf'));
    expect(made.code).toBe(0);
    const recordId = /Record (R-\d{8}-[A-Z0-9]{6})/.exec(made.out)?.[1];
    if (!recordId) throw new Error(`no record id in: ${made.out}`);

    const working = await cli([
      'countersign',
      workspace.dir,
      '--record',
      recordId,
      '--as',
      'Tom Fletcher',
    ]);
    expect(working.code).toBe(2);
    expect(working.err).toMatch(/Only an internal quality assurer or a qualified assessor/);
    const own = await cli([
      'countersign',
      workspace.dir,
      '--record',
      recordId,
      '--as',
      'Priya Sharma',
    ]);
    expect(own.err).toMatch(/Priya Sharma has already signed this record/);

    const copy = path.join(await tempDir(), 'countersigned.pdf');
    const signed = await cli([
      'countersign',
      workspace.dir,
      '--record',
      recordId.toLowerCase(),
      '--as',
      'Margaret Ellis',
      '--out',
      copy,
    ]);
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(
      /countersigned by Margaret Ellis, Internal quality assurer: 2 signatures/,
    );
    expect(await pdfsigVerdicts(copy)).toEqual([VALID, VALID]);

    // The portfolio on disk names both signers and the SHA-256 of the file as it now is.
    const folder = await workspace.portfolioFolder(learnerId);
    const portfolio = await portfolioOnDisk(folder, learnerId);
    const entry = portfolio.issuedRecords.findLast((r) => r.recordId === recordId)!;
    expect(entry.signatures.map((s: { name: string }) => s.name)).toEqual([
      'Priya Sharma',
      'Margaret Ellis',
    ]);
    const filed = await readFile(path.join(folder, entry.file));
    expect(filed.equals(await readFile(copy))).toBe(true);
    expect(entry.sha256).toBe(createHash('sha256').update(filed).digest('hex'));
    expect(
      portfolio.audit.some(
        (a: { action: string; target: string }) =>
          a.action === 'countersigned record' && a.target === `record ${recordId}`,
      ),
    ).toBe(true);

    const again = await cli([
      'countersign',
      workspace.dir,
      '--record',
      recordId,
      '--as',
      'Margaret Ellis',
    ]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/Margaret Ellis has already signed this record/);
    expect(await pdfsigVerdicts(path.join(folder, entry.file))).toEqual([VALID, VALID]);

    const unknown = await cli([
      'countersign',
      workspace.dir,
      '--record',
      'R-20200101-AAAAAA',
      '--as',
      'Margaret Ellis',
    ]);
    expect(unknown.err).toMatch(/No portfolio in this workspace issued record R-20200101-AAAAAA/);
  });

  it('names a changed or a missing evidence file', async () => {
    const out = path.join(await tempDir(), 'record.pdf');
    expect(
      (
        await cli([
          'record',
          workspace.dir,
          '--learner',
          learnerId,
          '--unit',
          UNIT,
          '--out',
          out,
          '--sign',
        ])
      ).code,
    ).toBe(0);
    const doc = await workspace.portfolio(learnerId);
    const item = doc.data.evidence.find((e) => e.title.startsWith('Reflective account'))!;
    const name = item.file!.path.replace('evidence/', '');
    const reflective = path.join(await workspace.portfolioFolder(learnerId), item.file!.path);
    const original = await readFile(reflective);
    await writeFile(reflective, Buffer.concat([original, Buffer.from('edited later\n')]));
    const changed = await cli(['verify', out, '--workspace', workspace.dir]);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(
      new RegExp(`Evidence file changed since the record was signed: ${name}`),
    );
    await rm(reflective);
    const missing = await cli(['verify', out, '--workspace', workspace.dir]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(new RegExp(`Evidence file missing: ${name}`));
    await writeFile(reflective, original);
    expect((await cli(['verify', out, '--workspace', workspace.dir])).code).toBe(0);
  });

  it('writes a DOCX that LibreOffice opens, mammoth reads back, and verify knows as issued', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'record.docx');
    expect(
      (
        await cli([
          'record',
          workspace.dir,
          '--learner',
          'Amara Okafor',
          '--unit',
          UNIT,
          '--format',
          'docx',
          '--out',
          out,
        ])
      ).code,
    ).toBe(0);
    await convertWithLibreOffice(out, dir);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Amara Okafor');
    expect(text).toContain(UNIT);
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.codes.ofqual === UNIT)!;
    for (const c of unit.outcomes.flatMap((o) => o.criteria)) {
      expect(text).toContain(c.ref);
      for (const p of c.parts) expect(text).toContain(`${c.ref} ${p.ref}`);
    }
    const pdfText = (await runTool('pdftotext', [path.join(dir, 'record.pdf'), '-'])).stdout;
    expect(pdfText).toMatch(/Body SHA-256: [0-9a-f]{64}/);
    expect((await cli(['verify', out, '--workspace', workspace.dir])).code).toBe(0);
    // A Word record checks its evidence as a PDF does: a changed file fails it.
    const doc = await workspace.portfolio(learnerId);
    const item = doc.data.evidence.find((e) => e.title.startsWith('Reflective account'))!;
    const reflective = path.join(await workspace.portfolioFolder(learnerId), item.file!.path);
    const original = await readFile(reflective);
    await writeFile(reflective, Buffer.concat([original, Buffer.from('edited later\n')]));
    const changed = await cli(['verify', out, '--workspace', workspace.dir]);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(
      `Evidence file changed since the record was issued: ${item.file!.path.replace('evidence/', '')}`,
    );
    await writeFile(reflective, original);
    expect((await cli(['verify', out, '--workspace', workspace.dir])).code).toBe(0);
    // Someone changes the learner's name in the wording and saves the file again.
    const zip = await JSZip.loadAsync(await readFile(out));
    const body = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', body.replace('Amara Okafor', 'Amara Okafor-Smith'));
    await writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }));
    const refused = await cli(['verify', out, '--workspace', workspace.dir]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not record R-\d{8}-\w+ as issued/);
    expect(refused.out).toMatch(/wording of this record was edited after it was issued/);
  });

  it('prints every learner’s name as written, in each kind of record', async () => {
    const names = ['Łukasz Wójcik', 'Nguyễn Thị Hoa', "Zoë O'Brien", 'Siobhán Ní Bhriain'];
    const kinds = ['unit-record', 'observation', 'progress', 'evidence-index'];
    for (const [i, name] of names.entries()) {
      const out = path.join(await tempDir(), 'r.pdf');
      const kind = kinds[i]!;
      const made = await cli([
        'record',
        workspace.dir,
        '--learner',
        name,
        '--unit',
        UNIT,
        '--kind',
        kind,
        '--out',
        out,
      ]);
      expect(made.err).toBe('');
      expect(made.code).toBe(0);
      const text = (await runTool('pdftotext', [out, '-'])).stdout;
      expect(text).toContain(name);
    }
  });

  it('writes every signed-off unit’s record for an EQA visit with --all', async () => {
    const out = path.join(await tempDir(), 'eqa');
    const batch = await cli(['record', workspace.dir, '--all', '--out', out, '--sign']);
    expect(batch.code).toBe(0);
    // Amara's unit, achieved above, and the demo's two signed-off units (one countersigned);
    // Daniel's sign-off awaits its countersignature, so it does not count yet.
    expect(batch.err).toMatch(/\[1\/3\] Amara Okafor: J\/508\/4003/);
    expect(batch.err).toMatch(/\[2\/3\] Nguyễn Thị Hoa: J\/508\/4003/);
    expect(batch.err).toMatch(/\[3\/3\] Zoë O'Brien: J\/508\/4003/);
    expect(batch.err).not.toContain('Daniel Hughes');
    const files = (await (await import('node:fs/promises')).readdir(out)).sort();
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(await pdfsigVerdicts(path.join(out, file))).toEqual([VALID]);
    }
  });

  it('refuses bad input with a one-line reason', async () => {
    const out = path.join(await tempDir(), 'x.pdf');
    const nobody = await cli([
      'record',
      workspace.dir,
      '--learner',
      'Nobody',
      '--unit',
      UNIT,
      '--out',
      out,
    ]);
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/No learner in this centre has the id, ULN or name "Nobody"/);
    const { io, err } = capture();
    expect(
      await main(
        [
          'record',
          workspace.dir,
          '--learner',
          'Amara Okafor',
          '--unit',
          UNIT,
          '--out',
          out,
          '--sign',
        ],
        io,
      ),
    ).toBe(2);
    expect(err.join('')).toMatch(/--passphrase-file FILE or set WORKBENCH_PASSPHRASE/);
    const wrong = path.join(await tempDir(), 'pass.txt');
    await writeFile(wrong, 'not-the-passphrase\n');
    const refused = await main(
      [
        'record',
        workspace.dir,
        '--learner',
        'Amara Okafor',
        '--unit',
        UNIT,
        '--out',
        out,
        '--sign',
        '--passphrase-file',
        wrong,
      ],
      io,
    );
    expect(refused).toBe(2);
    expect(err.join('\n')).toMatch(/passphrase does not open this signing identity/);
  });
});
