import { dialog } from 'electron';
import { ENCRYPTION_NOTICE, noticeIfUnencrypted } from '../../app/encryption-notice';
import type { Settings } from '../../settings/settings';
import type { DiskEncryption } from '../../storage/disk-encryption';

export const ENCRYPTION_WARNING = {
  type: 'warning' as const,
  ...ENCRYPTION_NOTICE,
  buttons: ['OK'],
};

/** The desktop app's once-per-workspace warning about a drive without encryption, as a dialog. */
export function warnIfUnencrypted(
  workspace: { dir: string; demo: boolean },
  settings: Pick<Settings, 'hasWarnedAboutEncryption' | 'rememberEncryptionWarning'>,
  check?: (dir: string) => Promise<DiskEncryption>,
): Promise<boolean> {
  return noticeIfUnencrypted(
    workspace,
    settings,
    () => dialog.showMessageBox(ENCRYPTION_WARNING),
    check,
  );
}
