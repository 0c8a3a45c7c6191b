import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';

/** A stand-in keychain: reversible only with its key, so a test can see nothing leaks in the clear. */
const KEY = 0x5a;
const keychain = {
  available: true,
  backend: 'gnome_libsecret' as string,
};
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => keychain.available),
    getSelectedStorageBackend: vi.fn(() => keychain.backend),
    encryptString: vi.fn((plain: string) =>
      Buffer.from([0x01, ...Buffer.from(plain, 'utf8').map((b) => b ^ KEY)]),
    ),
    decryptString: vi.fn((sealed: Buffer) => {
      if (sealed[0] !== 0x01) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(sealed.subarray(1).map((b) => b ^ KEY)).toString('utf8');
    }),
  },
}));

const { protectSecret, unprotectSecret } =
  await import('../../../src-main/hosts/electron/secret-glue');
const { handlers } = await import('../../../src-main/api/handlers');
const { bootWorkbench } = await import('../../support/workbench');

describe('passphrases sealed with Electron safeStorage', () => {
  beforeEach(() => {
    keychain.available = true;
    keychain.backend = 'gnome_libsecret';
  });

  it('seals a passphrase so that only the keychain opens it again', async () => {
    const sealed = await protectSecret('northgate-demo');
    expect(sealed).not.toContain('northgate');
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('northgate');
    expect(await unprotectSecret(sealed)).toBe('northgate-demo');
  });

  it('refuses to seal when the system has no keychain, rather than keep it as plain text', async () => {
    keychain.available = false;
    await expect(protectSecret('x')).rejects.toThrow(/no system keychain/);
    keychain.available = true;
    keychain.backend = 'basic_text';
    await expect(protectSecret('x')).rejects.toThrow(/Type it each time you sign/);
  });

  describe('in the desktop host', () => {
    const roots: string[] = [];
    afterAll(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

    it('makes an identity with a sealed passphrase and signs with it without asking', async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-seal-'));
      roots.push(root);
      const wb = await bootWorkbench(root, {
        host: { kind: 'electron', protectSecret, unprotectSecret },
      });
      const me = wb.signedIn()!.person;
      const list = await handlers['identity:create'](
        { personId: me.id, centrePassphrase: DEMO_PASSPHRASE },
        wb,
      );
      expect(list.canSealPassphrases).toBe(true);
      expect(list.people.find((p) => p.personId === me.id)?.certificate?.commonName).toBe(me.name);

      // A unit signed off by this assessor: a record of one that is not is a draft and not sealed.
      const learner = wb.workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
      const unitId = 'unit-j-508-4003';
      const record = await handlers['record:generate'](
        {
          learnerId: learner.id,
          kind: 'unit-record',
          unitId,
          format: 'pdf',
          sign: true,
          remember: false,
        },
        wb,
      );
      expect(record.signatures).toEqual([expect.objectContaining({ name: me.name })]);
      const check = await handlers['record:verify'](
        { learnerId: learner.id, recordId: record.recordId },
        wb,
      );
      expect(check.problems).toEqual([]);
      expect(check.ok).toBe(true);

      // The passphrase is only in the user-data folder, sealed; the workspace holds the .p12 and certificate.
      const sealedFile = await readFile(
        path.join(root, 'user-data', 'signing-passphrases.json'),
        'utf8',
      );
      const sealed = Object.values(JSON.parse(sealedFile).sealed as Record<string, string>);
      expect(sealed).toHaveLength(1);
      const signing = await readdir(path.join(wb.workspace.dir, 'signing'));
      expect(signing).toContain(`${me.id}.p12`);
      expect(signing).toContain(`${me.id}.pem`);
      await wb.shutdown();
    });

    it('asks for the passphrase where the host cannot seal one', async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'workbench-seal-'));
      roots.push(root);
      const wb = await bootWorkbench(root, { host: { kind: 'web' } });
      const me = wb.signedIn()!.person;
      await expect(
        handlers['identity:create']({ personId: me.id, centrePassphrase: DEMO_PASSPHRASE }, wb),
      ).rejects.toThrow(/Choose a passphrase of at least 8 characters/);
      await wb.shutdown();
    });
  });
});
