import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { writeFileAtomic } from '../../../src-main/storage/atomic-write';
import { JsonDocument } from '../../../src-main/storage/json-document';
import { useTempDirs } from '../../support/temp-dir';

const schema = z.object({ count: z.number().int(), names: z.array(z.string()) });

describe('writeFileAtomic', () => {
  const tempDir = useTempDirs();

  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['data.json']);
  });
});

describe('JsonDocument', () => {
  const tempDir = useTempDirs();

  it('saves every one of many concurrent updates', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    const doc = await JsonDocument.create(file, schema, 'The test file', { count: 0, names: [] });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        doc.update((d) => ({ count: d.count + 1, names: [...d.names, `n${i}`] })),
      ),
    );
    const onDisk = schema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(onDisk.count).toBe(25);
    expect(onDisk.names).toHaveLength(25);
  });

  it('names the file and the problem when it is not valid JSON, and leaves it untouched', async () => {
    const file = path.join(await tempDir(), 'centre.json');
    await writeFile(file, '{ "count": 1, ');
    await expect(JsonDocument.open(file, schema, 'The centre file')).rejects.toThrow(
      /^The centre file \(centre\.json\) is not valid JSON: .*The workbench has not changed it\.$/,
    );
    expect(await readFile(file, 'utf8')).toBe('{ "count": 1, ');
  });

  it('names the field that does not hold what is expected', async () => {
    const file = path.join(await tempDir(), 'centre.json');
    await writeFile(file, JSON.stringify({ count: 'three', names: [] }));
    await expect(JsonDocument.open(file, schema, 'The centre file')).rejects.toThrow(
      /does not hold what the workbench expects: count: /,
    );
  });

  it('refuses to save a change that breaks the schema and keeps the last good state', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    const doc = await JsonDocument.create(file, schema, 'The test file', { count: 1, names: [] });
    await expect(doc.update((d) => ({ ...d, count: 1.5 }))).rejects.toThrow(
      'Nothing was changed on disk',
    );
    expect(doc.data.count).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(1);
  });
});
