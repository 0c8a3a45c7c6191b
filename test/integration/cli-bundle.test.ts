import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../src-main/shared/paths';

const run = promisify(execFile);
const bin = path.join(appRoot(), 'bin', 'workbench.mjs');
const stampFile = path.join(appRoot(), 'out', 'cli', 'sources.json');

async function help() {
  return run(process.execPath, [bin, 'help'], { cwd: appRoot() });
}

describe('the workbench command as installed', () => {
  it('runs from its bundle, rebuilding it when a source it was built from has changed', async () => {
    const first = await help();
    expect(first.stdout).toContain('Usage: workbench COMMAND');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(stamp)).toContain('src-main/cli/main.ts');
    expect(Object.keys(stamp).some((file) => file.includes('node_modules'))).toBe(false);

    // As if main.ts had been edited since the bundle was made.
    await writeFile(stampFile, JSON.stringify({ ...stamp, 'src-main/cli/main.ts': '0:0' }));
    const second = await help();
    expect(second.stdout).toBe(first.stdout);
    const rebuilt = JSON.parse(await readFile(stampFile, 'utf8')) as Record<string, string>;
    expect(rebuilt['src-main/cli/main.ts']).toBe(stamp['src-main/cli/main.ts']);
  });
});
