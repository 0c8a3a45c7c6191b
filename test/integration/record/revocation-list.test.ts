import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src-main/api/handlers';
import type { Workbench } from '../../../src-main/app/workbench';
import { main } from '../../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { importP12, signPdf } from '../../../src-main/record';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

async function cli(args: string[], passphrase?: string) {
  const out: string[] = [];
  const err: string[] = [];
  if (passphrase) process.env.WORKBENCH_PASSPHRASE = passphrase;
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}

const staff = (wb: Workbench, name: string) =>
  wb.workspace.centre.staff.find((s) => s.name === name)!;

/** Nguyễn's signed-off unit record, issued by Priya Sharma: signed, or left for signing later. */
async function issue(wb: Workbench, sign: boolean) {
  const learner = wb.workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
  await wb.signIn({ personId: staff(wb, 'Priya Sharma').id, role: 'assessor' });
  const issued = await handlers['record:generate'](
    {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: 'unit-j-508-4003',
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

describe('an EQA checks revocation with the centre certificate alone', () => {
  const tempDir = useTempDirs();

  it('fails a record signed by a revoked identity after it stopped, with --trust only', async () => {
    const root = await tempDir();
    const eqa = path.join(root, 'eqa');
    await mkdir(eqa);
    const before = await bootWorkbench(root, { now: new Date('2026-11-20T10:00:00Z') });
    const dir = before.workspace.dir;
    const priya = staff(before, 'Priya Sharma');
    const signedBefore = await issue(before, true);
    const oldPriya = importP12(
      await readFile(path.join(dir, 'signing', `${priya.id}.p12`)),
      DEMO_PASSPHRASE,
    );
    const unsigned = await issue(before, false);
    await before.shutdown();

    // The quality lead revokes Priya's identity with the centre key.
    const later = await bootWorkbench(root, {
      workspace: dir,
      now: new Date('2026-11-22T10:00:00Z'),
    });
    await later.signIn({ personId: staff(later, 'Margaret Ellis').id, role: 'iqa' });
    await handlers['identity:revoke'](
      { personId: priya.id, reason: 'Laptop stolen', centrePassphrase: DEMO_PASSPHRASE },
      later,
    );
    await later.shutdown();

    // Someone signs with the old key after it stopped.
    const forgedAfter = path.join(eqa, 'after.pdf');
    await writeFile(
      forgedAfter,
      await signPdf(unsigned.bytes, oldPriya, {
        reason: 'Assessor',
        location: 'Northgate',
        signingTime: new Date('2026-11-23T10:00:00Z'),
      }),
    );

    // What the centre hands the EQA: the certificate and, beside it, the signed list.
    const centrePem = path.join(eqa, 'centre.pem');
    const exported = await cli(['centre', 'certificate', dir, '--out', centrePem]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const listFile = path.join(eqa, 'centre-revocations.json');
    const list = JSON.parse(await readFile(listFile, 'utf8')) as {
      stopped: { name: string; fingerprintSha256: string; reason: string; stoppedAt: string }[];
    };
    expect(list.stopped).toEqual([
      expect.objectContaining({
        name: 'Priya Sharma',
        fingerprintSha256: oldPriya.info.fingerprintSha256,
        reason: 'revoked',
        note: 'Laptop stolen',
        stoppedAt: '2026-11-22T10:00:00.000Z',
      }),
    ]);

    const genuine = await cli(['verify', signedBefore.file, '--trust', centrePem]);
    expect(genuine.out).not.toMatch(/Problem:/);
    expect(genuine.code).toBe(0);
    const after = await cli(['verify', forgedAfter, '--trust', centrePem]);
    expect(after.code).toBe(1);
    expect(after.out).toContain(
      'Problem: Signature 1 (Priya Sharma): the certificate was revoked on 2026-11-22 (Laptop stolen)',
    );

    // A list that leaves the revocation out no longer carries the centre's signature.
    const edited = { ...list, stopped: [] };
    await writeFile(listFile, JSON.stringify(edited, null, 2));
    const tampered = await cli(['verify', forgedAfter, '--trust', centrePem]);
    expect(tampered.code).not.toBe(0);
    expect(tampered.err).toMatch(/not signed by this centre certificate/);

    // Without a list the EQA is told revocation was not checked.
    await rm(listFile);
    const unlisted = await cli(['verify', forgedAfter, '--trust', centrePem]);
    expect(unlisted.out).toMatch(/No revocation list from the centre was given/);
  });

  it('signs a list afresh with the centre key when the workspace has none that is up to date', async () => {
    const root = await tempDir();
    const wb = await bootWorkbench(root, { now: new Date('2026-11-20T10:00:00Z') });
    const dir = wb.workspace.dir;
    await wb.signIn({ personId: staff(wb, 'Margaret Ellis').id, role: 'iqa' });
    const tom = staff(wb, 'Tom Fletcher');
    await handlers['identity:create'](
      { personId: tom.id, passphrase: 'tom-new-one', centrePassphrase: DEMO_PASSPHRASE },
      wb,
    );
    // The Records page hands out the same list, named to sit beside the certificate it exports.
    const [certificate, revocations] = await Promise.all(
      (['certificate', 'revocations'] as const).map((part) =>
        handlers['identity:export-centre']({ part }, wb),
      ),
    );
    expect(revocations!.fileName).toBe(
      path.basename(certificate!.fileName, '.pem') + '-revocations.json',
    );
    expect(Buffer.from(revocations!.contentBase64, 'base64').toString('utf8')).toBe(
      await readFile(path.join(dir, 'signing', 'revocations.json'), 'utf8'),
    );
    await wb.shutdown();
    // As a workspace from before the list was kept: the register alone.
    await rm(path.join(dir, 'signing', 'revocations.json'));
    const out = path.join(root, 'centre.pem');
    const refused = await cli(['centre', 'certificate', dir, '--out', out]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/revocation list .*needs the passphrase/);

    const made = await cli(['centre', 'certificate', dir, '--out', out], DEMO_PASSPHRASE);
    expect(made.code).toBe(0);
    const list = JSON.parse(await readFile(path.join(root, 'centre-revocations.json'), 'utf8')) as {
      stopped: { name: string; reason: string }[];
    };
    expect(list.stopped).toEqual([
      expect.objectContaining({ name: 'Tom Fletcher', reason: 'replaced' }),
    ]);
    // The workspace keeps it, so the next export needs no passphrase.
    await copyFile(out, path.join(root, 'again.pem'));
    const again = await cli(['centre', 'certificate', dir, '--out', path.join(root, 'again.pem')]);
    expect(again.code).toBe(0);
  });
});
