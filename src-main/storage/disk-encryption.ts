import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Whether the drive a folder is on is encrypted at rest, as far as the operating system says. */
export type DiskEncryption = 'encrypted' | 'not encrypted' | 'unknown';

/** Runs a program and gives its standard output; rejects on failure or timeout. */
export type RunCommand = (file: string, args: readonly string[]) => Promise<string>;

const TIMEOUT_MS = 5000;

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: TIMEOUT_MS, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(String(stdout))),
    );
  });

/** `/proc/mounts` lines: device, mount point and type; `\040` and friends are octal escapes. */
export function parseMounts(text: string): { device: string; mountPoint: string; type: string }[] {
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([device, mountPoint, type]) => ({
      device: unescape(device!),
      mountPoint: unescape(mountPoint!),
      type: type!,
    }));
}

/** The mount a path is on: the one with the longest mount point that contains it. */
export function mountOf<T extends { mountPoint: string }>(
  mounts: readonly T[],
  target: string,
  sep = '/',
): T | null {
  const inside = (mount: string) =>
    target === mount || target.startsWith(mount.endsWith(sep) ? mount : mount + sep);
  return (
    mounts
      .filter((m) => inside(m.mountPoint))
      .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0] ?? null
  );
}

interface LsblkNode {
  name?: string;
  type?: string | null;
  fstype?: string | null;
  children?: LsblkNode[];
}

/**
 * `lsblk -J -s -o NAME,TYPE,FSTYPE,MOUNTPOINT DEVICE`: the device and, below it, the devices it
 * sits on. A dm-crypt layer ("crypt", or a "crypto_LUKS" partition) anywhere in that chain
 * means the data is encrypted at rest; a plain disk chain means it is not.
 */
export function parseLsblk(json: string): DiskEncryption {
  let parsed: { blockdevices?: LsblkNode[] };
  try {
    parsed = JSON.parse(json) as { blockdevices?: LsblkNode[] };
  } catch {
    return 'unknown';
  }
  const nodes: LsblkNode[] = [];
  const walk = (n: LsblkNode) => {
    nodes.push(n);
    n.children?.forEach(walk);
  };
  parsed.blockdevices?.forEach(walk);
  if (!nodes.length) return 'unknown';
  if (nodes.some((n) => n.type === 'crypt' || n.fstype === 'crypto_LUKS')) return 'encrypted';
  return nodes.some((n) => n.type === 'disk') ? 'not encrypted' : 'unknown';
}

/** `fdesetup status` on macOS: FileVault for the start-up disk. */
export function parseFdesetup(text: string): DiskEncryption {
  if (/FileVault is On/i.test(text)) return 'encrypted';
  if (/FileVault is Off/i.test(text)) return 'not encrypted';
  return 'unknown';
}

/**
 * `diskutil apfs list` on macOS: the volume mounted where the folder is, and whether FileVault
 * protects it ("FileVault: Yes (Unlocked)", or "No").
 */
export function parseApfsList(text: string, target: string): DiskEncryption {
  const volumes = text
    .split(/\+-> Volume /)
    .slice(1)
    .map((block) => ({
      mountPoint: /Mount Point:\s+(.+?)\s*$/m.exec(block)?.[1] ?? '',
      fileVault: /FileVault:\s+(\w+)/.exec(block)?.[1] ?? '',
    }))
    .filter((v) => v.mountPoint.startsWith('/'));
  const volume = mountOf(volumes, target);
  if (!volume) return 'unknown';
  if (/^yes$/i.test(volume.fileVault)) return 'encrypted';
  if (/^no$/i.test(volume.fileVault)) return 'not encrypted';
  return 'unknown';
}

/** `manage-bde -status C:` on Windows: BitLocker's state of the drive. */
export function parseManageBde(text: string): DiskEncryption {
  const conversion = /Conversion Status:\s*(.+)/i.exec(text)?.[1]?.trim() ?? '';
  const protection = /Protection Status:\s*(.+)/i.exec(text)?.[1]?.trim() ?? '';
  if (/^Fully Encrypted/i.test(conversion) || /Protection On/i.test(protection)) return 'encrypted';
  if (/^Fully Decrypted/i.test(conversion)) return 'not encrypted';
  return 'unknown';
}

async function linux(dir: string, run: RunCommand, mountsText: () => Promise<string>) {
  const mount = mountOf(parseMounts(await mountsText()), dir);
  // Only a block device can be asked about; a network share, tmpfs or FUSE mount cannot.
  if (!mount || !mount.device.startsWith('/dev/')) return 'unknown';
  return parseLsblk(
    await run('lsblk', ['-J', '-s', '-o', 'NAME,TYPE,FSTYPE,MOUNTPOINT', mount.device]),
  );
}

async function mac(dir: string, run: RunCommand): Promise<DiskEncryption> {
  const volume = parseApfsList(await run('diskutil', ['apfs', 'list']), dir);
  if (volume !== 'unknown') return volume;
  return dir.startsWith('/Volumes/') ? 'unknown' : parseFdesetup(await run('fdesetup', ['status']));
}

async function windows(dir: string, run: RunCommand): Promise<DiskEncryption> {
  const drive = /^([a-zA-Z]):/.exec(dir)?.[1];
  if (!drive) return 'unknown'; // a network share: its server keeps it
  return parseManageBde(await run('manage-bde', ['-status', `${drive.toUpperCase()}:`]));
}

export interface EncryptionProbe {
  platform?: NodeJS.Platform;
  run?: RunCommand;
  mounts?: () => Promise<string>;
}

/**
 * Whether the workspace's drive is encrypted, where the operating system can tell. Never
 * throws: a missing program, a refusal (manage-bde needs an administrator) or a timeout is
 * "unknown".
 */
export async function diskEncryptionOf(
  dir: string,
  probe: EncryptionProbe = {},
): Promise<DiskEncryption> {
  const run = probe.run ?? runCommand;
  const platform = probe.platform ?? process.platform;
  const target = platform === 'win32' ? path.win32.resolve(dir) : path.posix.resolve(dir);
  try {
    switch (platform) {
      case 'linux':
        return await linux(target, run, probe.mounts ?? (() => readFile('/proc/mounts', 'utf8')));
      case 'darwin':
        return await mac(target, run);
      case 'win32':
        return await windows(target, run);
      default:
        return 'unknown';
    }
  } catch {
    return 'unknown';
  }
}
