import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState } from '../../../src-main/hosts/electron/window-state';
import { useTempDirs } from '../../support/temp-dir';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  const tempDir = useTempDirs();

  it('remembers size and position', async () => {
    const dir = await tempDir();
    await saveWindowState(dir, {
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximised: true,
    });
    await expect(loadWindowState(dir, screen)).resolves.toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximised: true,
    });
  });

  it('drops a position on a screen that is no longer attached', async () => {
    const dir = await tempDir();
    await saveWindowState(dir, {
      bounds: { x: 3000, y: 80, width: 1000, height: 700 },
      maximised: false,
    });
    await expect(loadWindowState(dir, screen)).resolves.toEqual({
      bounds: { width: 1000, height: 700 },
      maximised: false,
    });
  });

  it('falls back to a default when the file is damaged', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'window-state.json'), '{oops');
    await expect(loadWindowState(dir, screen)).resolves.toMatchObject({ bounds: { width: 1280 } });
  });
});
