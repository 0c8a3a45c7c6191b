import { safeStorage } from 'electron';
import { UserError } from '../../kernel/user-error';

/**
 * Signing passphrases sealed with the operating system's keychain (Keychain, DPAPI, libsecret)
 * through Electron's safeStorage, so only this user on this computer can open them. Where the
 * system offers no keychain (Linux without a secret service: safeStorage falls back to a fixed
 * key), nothing is sealed and the app asks for the passphrase each time instead.
 */
function available(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  return backend !== 'basic_text';
}

export async function protectSecret(plain: string): Promise<string> {
  if (!available()) {
    throw new UserError(
      'unsupported',
      'This computer has no system keychain the workbench can use, so the passphrase cannot be kept. Type it each time you sign.',
    );
  }
  return safeStorage.encryptString(plain).toString('base64');
}

export async function unprotectSecret(sealed: string): Promise<string> {
  return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
}
