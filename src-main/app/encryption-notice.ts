import type { Settings } from '../settings/settings';
import { diskEncryptionOf, type DiskEncryption } from '../storage/disk-encryption';

/** What the person is told when their workspace sits on a drive without encryption. */
export const ENCRYPTION_NOTICE = {
  title: 'This workspace is on a drive without encryption',
  message:
    "This workspace is on a drive that is not encrypted, and it holds learners' personal data.",
  detail:
    "If this computer or drive is lost or stolen, anyone who finds it can read the portfolios, evidence and records. Turn on the computer's disk encryption (BitLocker on Windows, FileVault on a Mac, LUKS on Linux), or move the workspace to an encrypted drive. The workbench does not encrypt files itself. This warning is shown once for this workspace on this computer.",
};

/**
 * Tells the person once per workspace on this computer, through `show`, when its drive is not
 * encrypted, where the operating system can tell. The demo centre holds no real person's data,
 * so it is not checked; nothing here ever fails the app. Answers whether it told them.
 */
export async function noticeIfUnencrypted(
  workspace: { dir: string; demo: boolean },
  settings: Pick<Settings, 'hasWarnedAboutEncryption' | 'rememberEncryptionWarning'>,
  show: () => Promise<unknown> | void,
  check: (dir: string) => Promise<DiskEncryption> = diskEncryptionOf,
): Promise<boolean> {
  try {
    if (workspace.demo || settings.hasWarnedAboutEncryption(workspace.dir)) return false;
    if ((await check(workspace.dir)) !== 'not encrypted') return false;
    await settings.rememberEncryptionWarning(workspace.dir);
    await show();
    return true;
  } catch {
    return false;
  }
}
