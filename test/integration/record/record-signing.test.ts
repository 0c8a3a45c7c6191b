import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningIdentity } from '../../../src-main/record';
import {
  SealError,
  buildUnitRecord,
  countersignPdf,
  generateIdentity,
  importP12,
  renderRecordPdf,
  signPdf,
  verifyRecordPdf,
} from '../../../src-main/record';
import { useTempDirs } from '../../support/temp-dir';
import { unicodeNames, unitRecordInput } from '../../support/record/record-inputs';
import { recordFonts, writeEvidence } from '../../support/record/record-files';
import { pdfsigVerdicts } from '../../support/record/system-tools';

const VALID = 'Signature is Valid.';
const centre = 'Northgate Skills Centre';

function identity(name: string, role: string): SigningIdentity {
  const made = generateIdentity({
    name,
    role,
    organisation: centre,
    passphrase: 'demo-passphrase',
    now: new Date('2025-01-06T09:00:00Z'),
  });
  return importP12(made.p12, 'demo-passphrase');
}

/** Flips one hex digit of the document title: a change inside the first signature's range. */
function tamper(pdf: Uint8Array): Uint8Array {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('/Title <FEFF') + '/Title <FEFF'.length + 2;
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return new Uint8Array(copy);
}

describe('sealing and verifying record PDFs', () => {
  const tempDir = useTempDirs();
  let assessor: SigningIdentity;
  let iqa: SigningIdentity;
  let signed: Uint8Array;
  let countersigned: Uint8Array;

  beforeAll(async () => {
    assessor = identity(unicodeNames.assessor, 'Assessor');
    iqa = identity(unicodeNames.iqa, 'Internal quality assurer');
    const pdf = await renderRecordPdf(buildUnitRecord(unitRecordInput()), await recordFonts());
    signed = await signPdf(pdf, assessor, {
      reason: 'Assessment decisions',
      location: centre,
      signingTime: new Date('2025-03-14T11:00:00Z'),
    });
    countersigned = await countersignPdf(signed, iqa, {
      reason: 'IQA countersignature',
      location: centre,
      signingTime: new Date('2025-03-20T15:00:00Z'),
    });
  });

  async function write(bytes: Uint8Array): Promise<string> {
    const file = path.join(await tempDir(), 'record.pdf');
    await writeFile(file, bytes);
    return file;
  }

  it('gives a PAdES signature that pdfsig calls valid', async () => {
    expect(await pdfsigVerdicts(await write(signed))).toEqual([VALID]);
  });

  it('reports the signer, role, time, certificate and evidence of a signed record', async () => {
    const result = await verifyRecordPdf(signed, {
      evidenceDir: await writeEvidence(await tempDir()),
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({
      signerName: unicodeNames.assessor,
      role: 'Assessor',
      organisation: centre,
      reason: 'Assessment decisions',
      signingTime: '2025-03-14T11:00:00.000Z',
      intact: true,
      coversWholeRevision: true,
      coversWholeFile: true,
      pades: true,
    });
    expect(result.signatures[0]?.certificate?.fingerprintSha256).toBe(
      assessor.info.fingerprintSha256,
    );
    expect(result.evidence?.map((e) => e.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('adds an IQA countersignature in an incremental update that leaves the first signature valid', async () => {
    expect(Buffer.from(countersigned.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(
      true,
    );
    expect(await pdfsigVerdicts(await write(countersigned))).toEqual([VALID, VALID]);
    const result = await verifyRecordPdf(countersigned);
    expect(result.ok).toBe(true);
    expect(result.signatures.map((s) => [s.signerName, s.role, s.coversWholeFile])).toEqual([
      [unicodeNames.assessor, 'Assessor', false],
      [unicodeNames.iqa, 'Internal quality assurer', true],
    ]);
  });

  it('fails both pdfsig and verification when one signed byte changes', async () => {
    for (const original of [signed, countersigned]) {
      const changed = tamper(original);
      const verdicts = await pdfsigVerdicts(await write(changed));
      expect(verdicts.length).toBeGreaterThan(0);
      expect(verdicts.every((v) => v === VALID)).toBe(false);
      const result = await verifyRecordPdf(changed);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatch(/signed part of the file has changed/);
    }
  });

  it('names an evidence file that changed and one that is missing', async () => {
    const evidenceDir = await writeEvidence(await tempDir());
    await writeFile(path.join(evidenceDir, 'E02 complaint log.csv'), 'date,customer,outcome\n');
    await rm(path.join(evidenceDir, 'photos', 'E03 display.txt'));
    const result = await verifyRecordPdf(countersigned, { evidenceDir });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'Evidence file changed since the record was signed: E02 complaint log.csv',
      'Evidence file missing: photos/E03 display.txt',
    ]);
  });

  it('says when something was added after the last signature', async () => {
    const appended = Buffer.concat([
      Buffer.from(signed),
      Buffer.from('\n1 0 obj\n<< >>\nendobj\n'),
    ]);
    const result = await verifyRecordPdf(appended);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      'The file was changed after the last signature: something was added that nobody signed.',
    );
  });

  it('refuses to sign twice, to countersign an unsigned record, or to countersign a changed one', async () => {
    const unsigned = await renderRecordPdf(buildUnitRecord(unitRecordInput()), await recordFonts());
    await expect(signPdf(signed, iqa, { reason: 'x', location: centre })).rejects.toThrow(
      SealError,
    );
    await expect(countersignPdf(unsigned, iqa, { reason: 'x', location: centre })).rejects.toThrow(
      /not been signed yet/,
    );
    await expect(
      countersignPdf(tamper(signed), iqa, { reason: 'x', location: centre }),
    ).rejects.toThrow(/changed since it was signed/);
    expect((await verifyRecordPdf(unsigned)).problems).toEqual(['The record is not signed.']);
  });

  it('signs with a centre’s own .p12 from OpenSSL as well as with a generated identity', async () => {
    const fixture = path.resolve(__dirname, '../../fixtures/record/centre-identity.p12');
    const lead = importP12(await readFile(fixture), 'centre-passphrase');
    const twice = await countersignPdf(signed, lead, {
      reason: 'Countersigned by a qualified assessor',
      location: centre,
    });
    expect(await pdfsigVerdicts(await write(twice))).toEqual([VALID, VALID]);
    const result = await verifyRecordPdf(twice);
    expect(result.signatures[1]).toMatchObject({
      signerName: 'Siobhán Ní Bhriain',
      role: 'Lead assessor',
      ok: true,
    });
  });
});
