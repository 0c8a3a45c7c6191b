import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('the shape of the codebase', () => {
  it('keeps electron out of the domain and storage: only the Electron host imports it', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src-main')) {
      if (file.startsWith(path.join('src-main', 'hosts', 'electron'))) continue;
      const text = await readFile(path.join(root, file), 'utf8');
      if (
        /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(
          text,
        )
      ) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps Node modules out of the renderer', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src-renderer')) {
      const text = await readFile(path.join(root, file), 'utf8');
      if (/from\s+['"](node:|fs['"]|path['"]|electron['"])/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps every source file small enough to read in one sitting', async () => {
    const long: string[] = [];
    for (const file of [
      ...(await sourceFiles('src-main')),
      ...(await sourceFiles('src-renderer')),
    ]) {
      const lines = (await readFile(path.join(root, file), 'utf8')).split('\n').length;
      if (lines > 400) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });

  it('never copies a portfolio list that grows for years: changes append to it', async () => {
    // `[...portfolio.audit, entry]` copies the whole history on every save; `appended` does not.
    const copying: string[] = [];
    for (const file of await sourceFiles('src-main')) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\.\.\.\s*(portfolio|p)\.(audit|decisions)\s*[,\]]/g)) {
        copying.push(`${file}: ${match[0]}`);
      }
    }
    expect(copying).toEqual([]);
  });
});
