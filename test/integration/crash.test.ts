import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonDocument } from '../../src-main/storage/json-document';
import { removeLeftovers } from '../../src-main/storage/leftovers';
import { useTempDirs } from '../support/temp-dir';

const schema = z.object({ count: z.number().int(), padding: z.string() });
const writer = path.resolve(__dirname, '../support/crash-writer.ts');

/** Runs the writer until it has acknowledged a few saves, then kills it mid-stream. */
function runAndKill(file: string, killAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastAck = -1;
    let buffered = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastAck = Number(line.slice(4));
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(lastAck));
  });
}

describe('saves survive the process being killed', () => {
  const tempDir = useTempDirs();

  it('always leaves a file that parses and holds the last acknowledged save', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    await JsonDocument.create(file, schema, 'The test file', { count: 0, padding: '' });
    let previous = 0;
    for (let round = 0; round < 12; round += 1) {
      const lastAck = await runAndKill(file, 5 + ((round * 7) % 40));
      const onDisk = schema.parse(JSON.parse(await readFile(file, 'utf8')));
      // The save in flight when the process died may or may not have landed; nothing older may be lost.
      expect(onDisk.count).toBeGreaterThanOrEqual(Math.max(lastAck, previous));
      expect(onDisk.count).toBeLessThanOrEqual(lastAck + 1);
      previous = onDisk.count;
    }
    expect(previous).toBeGreaterThan(8);
    // Only temporary files and the lock of killed saves may be left beside it, never a damaged
    // doc.json; and those go when the folder is next cleaned.
    const left = (await readdir(dir)).filter(
      (n) => !n.endsWith('.tmp') && !n.endsWith('.lock') && !n.includes('last-good'),
    );
    expect(left).toEqual(['doc.json']);
    await removeLeftovers(dir);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual(
      [],
    );
  });
});
