import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../src-main/storage/resolve-inside';
import { useTempDirs } from '../../support/temp-dir';

describe('resolveInside', () => {
  const tempDir = useTempDirs();

  it('resolves a plain name inside the root', async () => {
    const root = await tempDir();
    await expect(resolveInside(root, 'learners/amara/evidence/photo.jpg')).resolves.toBe(
      path.join(root, 'learners/amara/evidence/photo.jpg'),
    );
  });

  it.each([
    '../../etc/passwd',
    '..',
    'learners/../../outside.txt',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'evidence/\0.txt',
  ])('refuses %s', async (bad) => {
    const root = await tempDir();
    await expect(resolveInside(root, bad)).rejects.toThrow('points outside this workspace');
  });

  it('refuses a link that leads outside the root', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.txt'), 'x');
    await mkdir(path.join(root, 'learners'));
    await symlink(outside, path.join(root, 'learners', 'escape'));
    await expect(resolveInside(root, 'learners/escape/secret.txt')).rejects.toThrow(
      'points outside this workspace',
    );
    await expect(resolveInside(root, 'learners/escape/new-file.txt')).rejects.toThrow(
      'points outside this workspace',
    );
  });
});
