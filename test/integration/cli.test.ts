import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { useTempDirs } from '../support/temp-dir';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('the workbench command line', () => {
  const tempDir = useTempDirs();

  it('writes the demo centre into an empty folder', async () => {
    const dir = path.join(await tempDir(), 'demo');
    const { io, out } = capture();
    expect(await main(['demo', dir], io)).toBe(0);
    expect(out.join('\n')).toContain('6 learners');
    const centre = JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8'));
    expect(centre.learners).toHaveLength(6);
  });

  it('refuses a folder that is not empty, in one line, exit code 2', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'keep.txt'), 'x');
    const { io, err } = capture();
    expect(await main(['demo', dir], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('is not empty');
  });

  it.each([
    [['nonsense'], 'there is no command "nonsense"'],
    [['demo'], 'workbench demo takes one folder'],
    [['demo', 'a', 'b'], 'workbench demo takes one folder'],
    [['web', '--port', 'abc'], '--port takes a whole number'],
    [['web', '--bogus'], "Unknown option '--bogus'"],
  ])('exits non-zero with one line for %j', async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });

  it('describes each command with --help', async () => {
    for (const command of ['demo', 'web']) {
      const { io, out } = capture();
      expect(await main([command, '--help'], io)).toBe(0);
      expect(out.join('\n')).toContain(`Usage: workbench ${command}`);
    }
    const { io, out } = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('Commands:');
  });

  it('refuses to serve a folder that is not a workspace', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'empty'));
    const { io, err } = capture();
    process.env.WORKBENCH_USER_DATA = path.join(dir, 'user-data');
    try {
      expect(await main(['web', '--workspace', path.join(dir, 'empty')], io)).toBe(2);
    } finally {
      delete process.env.WORKBENCH_USER_DATA;
    }
    expect(err.at(-1)).toContain('is not a centre workspace');
  });
});
