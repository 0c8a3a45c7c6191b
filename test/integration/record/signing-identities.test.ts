import { X509Certificate } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/api/handlers';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import {
  exportCertificatePem,
  importP12,
} from '../../../src-main/record/identity/signing-identity';
import { pdfsigVerdicts } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

const fixture = path.resolve(__dirname, '../../fixtures/record/centre-identity.p12');

describe('signing identities kept in the workspace', () => {
  const tempDir = useTempDirs();

  it('imports a centre’s .p12, signs with it, and exports its certificate as PEM and DER', async () => {
    const wb = await bootWorkbench(await tempDir(), { now: new Date() });
    const me = wb.signedIn()!.person;
    const p12 = await readFile(fixture);
    await expect(
      handlers['identity:import'](
        {
          personId: me.id,
          contentBase64: p12.toString('base64'),
          passphrase: 'wrong one',
          remember: false,
          centrePassphrase: DEMO_PASSPHRASE,
        },
        wb,
      ),
    ).rejects.toThrow(/passphrase does not open this signing identity/);

    const importing = {
      personId: me.id,
      contentBase64: p12.toString('base64'),
      passphrase: 'centre-passphrase',
      remember: false,
    };
    // Only the centre key vouches for an identity made elsewhere.
    await expect(handlers['identity:import'](importing, wb)).rejects.toThrow(
      /needs the centre certificate's passphrase/,
    );
    await expect(
      handlers['identity:import']({ ...importing, centrePassphrase: 'not the centre key' }, wb),
    ).rejects.toThrow(/not the centre certificate's passphrase/);
    const list = await handlers['identity:import'](
      { ...importing, centrePassphrase: DEMO_PASSPHRASE },
      wb,
    );
    const mine = list.people.find((p) => p.personId === me.id)!;
    const original = importP12(p12, 'centre-passphrase');
    // Certified as the person it is imported for, whatever name it carried before.
    expect(original.info.commonName).toBe('Siobhán Ní Bhriain');
    expect(mine.certificate?.commonName).toBe(me.name);
    // The same key, now certified by the centre certificate, and still only ever encrypted.
    const signing = path.join(wb.workspace.dir, 'signing');
    const kept = importP12(await readFile(path.join(signing, `${me.id}.p12`)), 'centre-passphrase');
    expect(kept.privateKey.n.equals(original.privateKey.n)).toBe(true);
    const centre = new X509Certificate(await readFile(path.join(signing, 'centre.pem')));
    expect(new X509Certificate(exportCertificatePem(kept)).checkIssued(centre)).toBe(true);
    expect((await readdir(signing)).some((n) => n.endsWith('.key'))).toBe(false);

    const pem = await handlers['identity:export']({ personId: me.id, format: 'pem' }, wb);
    const der = await handlers['identity:export']({ personId: me.id, format: 'der' }, wb);
    const fromPem = new X509Certificate(Buffer.from(pem.contentBase64, 'base64').toString('utf8'));
    const fromDer = new X509Certificate(Buffer.from(der.contentBase64, 'base64'));
    expect(fromPem.fingerprint256).toBe(mine.certificate?.fingerprintSha256);
    expect(fromDer.fingerprint256).toBe(mine.certificate?.fingerprintSha256);
    expect(der.fileName).toMatch(/\.cer$/);
    expect(Buffer.from(pem.contentBase64, 'base64').toString('utf8')).not.toMatch(/PRIVATE KEY/);

    const learner = wb.workspace.centre.learners[0]!;
    const doc = await wb.workspace.portfolio(learner.id);
    const fixtureFrom = new Date(mine.certificate!.validFrom);
    const early = await bootWorkbench(await tempDir(), {
      now: new Date(fixtureFrom.getTime() - 86_400_000),
    });
    const earlyMe = early.signedIn()!.person;
    await handlers['identity:import'](
      {
        personId: earlyMe.id,
        contentBase64: p12.toString('base64'),
        passphrase: 'centre-passphrase',
        remember: false,
        centrePassphrase: DEMO_PASSPHRASE,
      },
      early,
    );
    await expect(
      handlers['record:generate'](
        {
          learnerId: early.workspace.centre.learners[0]!.id,
          kind: 'progress',
          format: 'pdf',
          sign: true,
          passphrase: 'centre-passphrase',
          remember: false,
        },
        early,
      ),
    ).rejects.toThrow(/signing certificate is valid from .* not on/);
    await early.shutdown();
    const record = await handlers['record:generate'](
      {
        learnerId: learner.id,
        kind: 'progress',
        format: 'pdf',
        sign: true,
        passphrase: 'centre-passphrase',
        remember: false,
      },
      wb,
    );
    expect(doc.data.issuedRecords.map((r) => r.recordId)).toContain(record.recordId);
    const file = path.join(await wb.workspace.portfolioFolder(learner.id), record.file);
    expect(await pdfsigVerdicts(file)).toEqual(['Signature is Valid.']);
    const check = await handlers['record:verify'](
      { learnerId: learner.id, recordId: record.recordId },
      wb,
    );
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.signatures[0]).toMatchObject({
      signerName: me.name,
      knownToWorkspace: true,
    });
    await wb.shutdown();
    // A hang guard, not a budget: opening each .p12 runs PBKDF2 in JavaScript, on a busy machine.
  });

  it('refuses to sign for an EQA, and refuses a DOCX with a signature', async () => {
    const wb = await bootWorkbench(await tempDir());
    const learner = wb.workspace.centre.learners[0]!;
    await expect(
      handlers['record:generate'](
        {
          learnerId: learner.id,
          kind: 'evidence-index',
          format: 'docx',
          sign: true,
          passphrase: 'northgate-demo',
          remember: false,
        },
        wb,
      ),
    ).rejects.toThrow(/A Word record cannot carry a digital signature/);
    const eqa = wb.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
    await wb.signIn({ personId: eqa.id, role: 'eqa' });
    await expect(
      handlers['identity:create'](
        { personId: eqa.id, passphrase: 'long enough', centrePassphrase: DEMO_PASSPHRASE },
        wb,
      ),
    ).rejects.toThrow(/not an assessor or internal quality assurer/);
    await wb.shutdown();
  });
});
