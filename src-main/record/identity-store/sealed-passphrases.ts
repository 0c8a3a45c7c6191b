import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../storage/atomic-write';

/** What a host offers to keep a secret for this computer's user only (Electron safeStorage). */
export interface SecretKeeper {
  protectSecret: (plain: string) => Promise<string>;
  unprotectSecret: (sealed: string) => Promise<string>;
}

const FILE = 'signing-passphrases.json';

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sealed-passphrases'),
  /** By certificate fingerprint: the passphrase of that identity, sealed by the operating system. */
  sealed: z.record(z.string(), z.string()),
});

async function read(userDataDir: string): Promise<z.infer<typeof fileSchema>> {
  try {
    return fileSchema.parse(JSON.parse(await readFile(path.join(userDataDir, FILE), 'utf8')));
  } catch {
    return { schemaVersion: 1, kind: 'sealed-passphrases', sealed: {} };
  }
}

/**
 * In the desktop app a person need not type a passphrase: one is made for them, sealed by the
 * operating system's keychain (safeStorage) and kept in the user-data folder, never in the
 * workspace, so a copied workspace carries no way to open its keys.
 */
export function newPassphrase(): string {
  return randomBytes(24).toString('base64url');
}

export async function rememberPassphrase(
  userDataDir: string,
  keeper: SecretKeeper,
  fingerprint: string,
  passphrase: string,
): Promise<void> {
  const current = await read(userDataDir);
  current.sealed[fingerprint] = await keeper.protectSecret(passphrase);
  await mkdir(userDataDir, { recursive: true });
  await writeFileAtomic(path.join(userDataDir, FILE), `${JSON.stringify(current, null, 2)}\n`);
}

export async function recallPassphrase(
  userDataDir: string,
  keeper: SecretKeeper,
  fingerprint: string,
): Promise<string | null> {
  const sealed = (await read(userDataDir)).sealed[fingerprint];
  if (!sealed) return null;
  try {
    return await keeper.unprotectSecret(sealed);
  } catch {
    return null;
  }
}
