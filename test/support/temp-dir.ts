import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per call, removed after the test that asked for it. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    // Retried: a portfolio snapshot written a moment after a test's last save may still land.
    await Promise.all(
      made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10 })),
    );
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-test-'));
    made.push(dir);
    return dir;
  };
}
