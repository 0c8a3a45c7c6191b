import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { until } from './wait-for';

const POLL_MS = 100;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding a lock shared by every test process on this computer, so heavy
 * programs (LibreOffice) run one at a time rather than all at once on a loaded machine. A lock
 * left by a process that died is taken over. There is no deadline: waiting is bounded by the
 * test runner's hang guard, never by a guess at how long the other side takes.
 */
export async function oneAtATime<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `workbench-test-${name}.lock`);
  const owner = path.join(lock, 'pid');
  const take = async (): Promise<boolean> => {
    try {
      await mkdir(lock);
      await writeFile(owner, String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(owner, 'utf8').catch(() => ''));
      // No pid yet means the holder is between mkdir and writing it: wait for it.
      if (holder && !alive(holder)) await rm(lock, { recursive: true, force: true });
      return false;
    }
  };
  await until(take, { everyMs: POLL_MS });
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
