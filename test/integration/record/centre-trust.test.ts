import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/api/handlers';
import type { Workbench } from '../../../src-main/app/workbench';
import { main } from '../../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { generateIdentity, importP12, signPdf } from '../../../src-main/record';
import { readRegister } from '../../../src-main/record/identity-store/centre-authority';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

const UNIT = 'unit-j-508-4003';

async function verify(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['verify', ...args], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A self-signed certificate and key for `name`, made by openssl and packed as a .p12. */
async function opensslIdentity(dir: string, name: string, passphrase: string) {
  const [key, cert, p12] = ['impostor-key.pem', 'impostor.pem', 'impostor.p12'].map((f) =>
    path.join(dir, f),
  );
  const subject = `/CN=${name}/O=Northgate Skills Centre (demo)`;
  const made = await runTool('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30'],
    ...['-subj', subject, '-keyout', key!, '-out', cert!],
  ]);
  expect(made.code, made.stderr).toBe(0);
  const packed = await runTool('openssl', [
    ...['pkcs12', '-export', '-inkey', key!, '-in', cert!, '-out', p12!],
    ...['-passout', `pass:${passphrase}`, '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'],
    ...['-macalg', 'sha1'],
  ]);
  expect(packed.code, packed.stderr).toBe(0);
  return new Uint8Array(await readFile(p12!));
}

function staff(wb: Workbench, name: string) {
  return wb.workspace.centre.staff.find((s) => s.name === name)!;
}

/** The signed-off unit record of Nguyễn, issued (and signed, when asked) by Priya Sharma. */
async function issue(wb: Workbench, sign: boolean) {
  const learner = wb.workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
  await wb.signIn({ personId: staff(wb, 'Priya Sharma').id, role: 'assessor' });
  const issued = await handlers['record:generate'](
    {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'pdf',
      sign,
      passphrase: DEMO_PASSPHRASE,
      remember: false,
    },
    wb,
  );
  const file = path.join(await wb.workspace.portfolioFolder(learner.id), issued.file);
  return { file, bytes: new Uint8Array(await readFile(file)) };
}

describe('the centre certificate is what a signature is checked against', () => {
  const tempDir = useTempDirs();

  it('fails a record re-signed with a certificate the centre did not issue, in and out of the workspace', async () => {
    const root = await tempDir();
    const wb = await bootWorkbench(root, { now: new Date('2026-11-24T10:00:00Z') });
    const centrePem = path.join(root, 'centre.pem');
    expect(
      await main(['centre', 'certificate', wb.workspace.dir, '--out', centrePem], {
        out: () => {},
        err: () => {},
      }),
    ).toBe(0);
    const genuine = await issue(wb, true);
    expect((await verify([genuine.file, '--workspace', wb.workspace.dir])).code).toBe(0);
    expect((await verify([genuine.file, '--trust', centrePem])).code).toBe(0);

    // The same record, unsigned, sealed with a self-signed "Priya Sharma" made elsewhere: once
    // with node-forge, once with openssl as someone outside the workbench would.
    const unsigned = await issue(wb, false);
    const madeHere = generateIdentity({
      name: 'Priya Sharma',
      role: 'Assessor',
      organisation: 'Northgate Skills Centre (demo)',
      passphrase: 'impostor-passphrase',
    }).p12;
    const madeWithOpenssl = await opensslIdentity(root, 'Priya Sharma', 'impostor-passphrase');
    for (const [name, p12] of [
      ['forged.pdf', madeHere],
      ['forged-openssl.pdf', madeWithOpenssl],
    ] as const) {
      const forged = path.join(root, name);
      await writeFile(
        forged,
        await signPdf(unsigned.bytes, importP12(p12, 'impostor-passphrase'), {
          reason: "Assessor's declaration",
          location: 'Elsewhere',
        }),
      );
      const inside = await verify([forged, '--workspace', wb.workspace.dir]);
      expect(inside.code).toBe(1);
      expect(inside.out).toContain('NOT VALID');
      expect(inside.out).toContain(
        'Problem: Signature 1 (Priya Sharma): its certificate was not issued by the centre certificate',
      );
      expect(inside.out).toMatch(/Problem: This file is not record R-\S+ as issued/);
      const outside = await verify([forged, '--trust', centrePem]);
      expect(outside.code).toBe(1);
      expect(outside.out).toContain('its certificate was not issued by the centre certificate');
    }
    await wb.shutdown();
  });

  it('refuses to replace or revoke an identity without the centre key; with it, keeps the old certificate, audits it, and fails only what was signed after', async () => {
    const root = await tempDir();
    const before = await bootWorkbench(root, { now: new Date('2026-11-20T10:00:00Z') });
    const dir = before.workspace.dir;
    const priya = staff(before, 'Priya Sharma');
    const tom = staff(before, 'Tom Fletcher');
    const signedBefore = await issue(before, true);
    const oldPriya = importP12(
      await readFile(path.join(dir, 'signing', `${priya.id}.p12`)),
      DEMO_PASSPHRASE,
    );
    const oldTom = importP12(
      await readFile(path.join(dir, 'signing', `${tom.id}.p12`)),
      DEMO_PASSPHRASE,
    );
    const unsigned = await issue(before, false);
    await before.shutdown();

    // Tom, working towards his qualification, tries to take over Priya's identity.
    const later = await bootWorkbench(root, {
      workspace: dir,
      now: new Date('2026-11-22T10:00:00Z'),
    });
    await later.signIn({ personId: tom.id, role: 'assessor' });
    const pem = await readFile(path.join(dir, 'signing', `${priya.id}.pem`), 'utf8');
    await expect(
      handlers['identity:create']({ personId: priya.id, passphrase: 'tom-chose-this' }, later),
    ).rejects.toThrow(/needs the centre certificate's passphrase/);
    await expect(
      handlers['identity:create'](
        { personId: priya.id, passphrase: 'tom-chose-this', centrePassphrase: 'a guess at it' },
        later,
      ),
    ).rejects.toThrow(/not the centre certificate's passphrase, so nothing was changed/);
    expect(await readFile(path.join(dir, 'signing', `${priya.id}.pem`), 'utf8')).toBe(pem);

    // The quality lead, with the centre key, replaces Priya's and revokes Tom's.
    const margaret = staff(later, 'Margaret Ellis');
    await later.signIn({ personId: margaret.id, role: 'iqa' });
    await handlers['identity:create'](
      { personId: priya.id, passphrase: 'priya-new-one', centrePassphrase: DEMO_PASSPHRASE },
      later,
    );
    await handlers['identity:revoke'](
      { personId: tom.id, reason: 'Left the centre', centrePassphrase: DEMO_PASSPHRASE },
      later,
    );
    const register = await readRegister(dir);
    expect(register.stopped).toMatchObject([
      {
        personId: priya.id,
        fingerprintSha256: oldPriya.info.fingerprintSha256,
        reason: 'replaced',
        stoppedAt: '2026-11-22T10:00:00.000Z',
        pem,
      },
      { personId: tom.id, reason: 'revoked', note: 'Left the centre' },
    ]);
    const centre = JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8')) as {
      audit: { action: string; target: string; actor?: unknown }[];
    };
    const actions = centre.audit.map((a) => a.action);
    expect(actions).toContain('replaced signing identity');
    expect(actions).toContain('revoked signing identity');

    // Signed before it stopped: still verifies. Signed after with the stopped key: fails.
    expect((await verify([signedBefore.file, '--workspace', dir])).code).toBe(0);
    for (const [who, identity, reason] of [
      ['Priya Sharma', oldPriya, 'replaced'],
      ['Tom Fletcher', oldTom, 'revoked'],
    ] as const) {
      const after = path.join(root, `${reason}.pdf`);
      await writeFile(
        after,
        await signPdf(unsigned.bytes, identity, {
          reason: 'Assessor',
          location: 'Northgate',
          signingTime: new Date('2026-11-23T10:00:00Z'),
        }),
      );
      const check = await verify([after, '--workspace', dir]);
      expect(check.code).toBe(1);
      expect(check.out).toContain(
        `Problem: Signature 1 (${who}): the certificate was ${reason} on 2026-11-22`,
      );
    }
    await later.shutdown();
  });
});
