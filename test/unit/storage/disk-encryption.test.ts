import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diskEncryptionOf,
  mountOf,
  parseApfsList,
  parseFdesetup,
  parseLsblk,
  parseManageBde,
  parseMounts,
  type RunCommand,
} from '../../../src-main/storage/disk-encryption';

const recorded = (name: string) =>
  readFile(path.join(__dirname, '../../fixtures/disk-encryption', name), 'utf8');

/** A stand-in for the programs: answers from recorded outputs, and notes what was run. */
function programs(answers: Record<string, string | Error>) {
  const ran: string[] = [];
  const run: RunCommand = async (file, args) => {
    ran.push([file, ...args].join(' '));
    const answer = answers[file];
    if (answer === undefined || answer instanceof Error) throw answer ?? new Error('ENOENT');
    return answer;
  };
  return { run, ran };
}

describe('reading what the operating system says about disk encryption', () => {
  it('finds a dm-crypt layer among the parents lsblk lists, and a plain disk as not encrypted', async () => {
    expect(parseLsblk(await recorded('lsblk-luks.json'))).toBe('encrypted');
    expect(parseLsblk(await recorded('lsblk-lvm-on-luks.json'))).toBe('encrypted');
    expect(parseLsblk(await recorded('lsblk-plain-disk.json'))).toBe('not encrypted');
    expect(parseLsblk('lsblk: /dev/foo: not a block device')).toBe('unknown');
    expect(parseLsblk('{"blockdevices": []}')).toBe('unknown');
  });

  it('reads /proc/mounts, escaped spaces too, and picks the deepest mount holding the folder', async () => {
    const mounts = parseMounts(await recorded('proc-mounts.txt'));
    expect(mountOf(mounts, '/home/sam/centre')?.device).toBe(
      '/dev/mapper/luks-3f1c2b9e-5d6a-4c1e-9a0b-7e2f4d8c1a55',
    );
    expect(mountOf(mounts, '/media/sam/USB STICK/centre')?.device).toBe('/dev/sdb1');
    expect(mountOf(mounts, '/homework')?.mountPoint).toBe('/');
  });

  it('reads FileVault from fdesetup and from the volume diskutil lists at the folder', async () => {
    expect(parseFdesetup(await recorded('fdesetup-on.txt'))).toBe('encrypted');
    expect(parseFdesetup(await recorded('fdesetup-off.txt'))).toBe('not encrypted');
    expect(parseFdesetup('')).toBe('unknown');
    const apfs = await recorded('diskutil-apfs-list.txt');
    expect(parseApfsList(apfs, '/Volumes/Centre Drive/northgate')).toBe('not encrypted');
    expect(parseApfsList(apfs, '/System/Volumes/Data/Users/sam')).toBe('encrypted');
    expect(parseApfsList(apfs, '/Volumes/Other')).toBe('unknown');
  });

  it('reads BitLocker from manage-bde, and a refusal as unknown', async () => {
    expect(parseManageBde(await recorded('manage-bde-encrypted.txt'))).toBe('encrypted');
    expect(parseManageBde(await recorded('manage-bde-decrypted.txt'))).toBe('not encrypted');
    expect(parseManageBde(await recorded('manage-bde-not-admin.txt'))).toBe('unknown');
  });
});

describe('the check of a workspace folder', () => {
  it('on Linux asks lsblk about the device the folder is mounted from', async () => {
    const mounts = async () => recorded('proc-mounts.txt');
    const luks = programs({ lsblk: await recorded('lsblk-luks.json') });
    expect(
      await diskEncryptionOf('/home/sam/centre', { platform: 'linux', run: luks.run, mounts }),
    ).toBe('encrypted');
    expect(luks.ran).toEqual([
      'lsblk -J -s -o NAME,TYPE,FSTYPE,MOUNTPOINT /dev/mapper/luks-3f1c2b9e-5d6a-4c1e-9a0b-7e2f4d8c1a55',
    ]);
    const usb = programs({ lsblk: await recorded('lsblk-plain-disk.json') });
    expect(
      await diskEncryptionOf('/media/sam/USB STICK/centre', { platform: 'linux', ...usb, mounts }),
    ).toBe('not encrypted');
    // A network share cannot be asked about: its server keeps the data.
    const share = programs({});
    expect(
      await diskEncryptionOf('/mnt/centre', { platform: 'linux', run: share.run, mounts }),
    ).toBe('unknown');
    expect(share.ran).toEqual([]);
  });

  it('on macOS asks diskutil, then fdesetup for the start-up disk', async () => {
    const apfs = await recorded('diskutil-apfs-list.txt');
    const mac = programs({ diskutil: apfs, fdesetup: await recorded('fdesetup-off.txt') });
    expect(await diskEncryptionOf('/Users/sam/centre', { platform: 'darwin', run: mac.run })).toBe(
      'not encrypted',
    );
    expect(mac.ran).toEqual(['diskutil apfs list', 'fdesetup status']);
    expect(
      await diskEncryptionOf('/Volumes/Centre Drive/northgate', { platform: 'darwin', ...mac }),
    ).toBe('not encrypted');
  });

  it('on Windows asks manage-bde about the drive letter, and never about a network share', async () => {
    const win = programs({ 'manage-bde': await recorded('manage-bde-encrypted.txt') });
    expect(await diskEncryptionOf('c:\\Users\\sam\\Centre', { platform: 'win32', ...win })).toBe(
      'encrypted',
    );
    expect(win.ran).toEqual(['manage-bde -status C:']);
    expect(await diskEncryptionOf('\\\\nas\\centre', { platform: 'win32', ...win })).toBe(
      'unknown',
    );
    expect(win.ran).toHaveLength(1);
  });

  it('says unknown, never fails, when a program is missing or refuses', async () => {
    const missing = programs({});
    expect(
      await diskEncryptionOf('/home/sam/centre', {
        platform: 'linux',
        run: missing.run,
        mounts: () => recorded('proc-mounts.txt'),
      }),
    ).toBe('unknown');
    const refused = programs({ 'manage-bde': new Error('Command failed: exit code 0x80070005') });
    expect(await diskEncryptionOf('D:\\Centre', { platform: 'win32', ...refused })).toBe('unknown');
    expect(await diskEncryptionOf('/anything', { platform: 'aix', run: missing.run })).toBe(
      'unknown',
    );
    // This computer, for real: whatever it says, it answers.
    expect(['encrypted', 'not encrypted', 'unknown']).toContain(await diskEncryptionOf(__dirname));
  });
});
