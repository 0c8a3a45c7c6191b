import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../support/one-at-a-time';

const name = () => `unit-${process.pid}-${Math.random().toString(36).slice(2)}`;

describe('oneAtATime', () => {
  it('runs work under one name one at a time, each to its end', async () => {
    const lockName = name();
    const steps: string[] = [];
    const yieldTurns = async (turns: number) => {
      for (let i = 0; i < turns; i += 1) await new Promise((r) => setImmediate(r));
    };
    const worker = (id: string) =>
      oneAtATime(lockName, async () => {
        steps.push(`${id} starts`);
        // Gives the other worker many turns in which it could wrongly start.
        await yieldTurns(50);
        steps.push(`${id} ends`);
      });
    await Promise.all([worker('a'), worker('b')]);
    const [first, second] = steps[0]?.startsWith('a') ? ['a', 'b'] : ['b', 'a'];
    expect(steps).toEqual([
      `${first} starts`,
      `${first} ends`,
      `${second} starts`,
      `${second} ends`,
    ]);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const lockName = name();
    const lock = path.join(os.tmpdir(), `workbench-test-${lockName}.lock`);
    await mkdir(lock);
    // A pid that cannot be a running process on Linux (above pid_max).
    await writeFile(path.join(lock, 'pid'), '4194305');
    await expect(oneAtATime(lockName, () => Promise.resolve('done'))).resolves.toBe('done');
  });
});
