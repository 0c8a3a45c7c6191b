import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../atomic-write';

/** The folder of a portfolio that holds one append-only change file per writer. */
export const CHANGES_FOLDER = 'changes';
export const CHANGE_FILE_EXT = '.jsonl';

/**
 * Appends one change (one line of JSON) to this writer's own file and flushes it to disk before
 * returning: once this resolves the change is acknowledged. Only this writer ever writes the
 * file, so no other process or machine can interleave with it and a sync engine never sees two
 * edits of it.
 */
export async function appendLine(file: string, line: string): Promise<number> {
  const handle = await open(file, 'a');
  let created = false;
  try {
    created = (await handle.stat()).size === 0;
    await handle.write(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // A new name in the folder must itself survive a power cut.
  if (created) await syncFolder(path.dirname(file));
  return Buffer.byteLength(line) + 1;
}

export interface ReadLines {
  /** Complete lines from `offset` on, each with the byte offset where it starts. */
  lines: { text: string; at: number }[];
  /** Where the next read should start: just after the last complete line. */
  next: number;
}

/**
 * Reads the complete lines of a change file from a byte offset. A last line without its newline
 * is a write cut short by a crash: it was never acknowledged, so it is left out (its writer
 * never appends to that file again after a restart, because every process is a new writer).
 */
export async function readLinesFrom(file: string, offset: number): Promise<ReadLines> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size <= offset) return { lines: [], next: offset };
    const buffer = Buffer.alloc(size - offset);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(
        buffer,
        filled,
        buffer.length - filled,
        offset + filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const lines: { text: string; at: number }[] = [];
    let start = 0;
    for (;;) {
      const end = buffer.indexOf(10, start);
      if (end < 0 || end >= filled) break;
      if (end > start)
        lines.push({ text: buffer.toString('utf8', start, end), at: offset + start });
      start = end + 1;
    }
    return { lines, next: offset + start };
  } finally {
    await handle.close();
  }
}

/** Whether a line of the file ends just before `offset`: where a reader that stopped there goes on. */
export async function endsLineAt(file: string, offset: number): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const byte = Buffer.alloc(1);
    const { bytesRead } = await handle.read(byte, 0, 1, offset - 1);
    return bytesRead === 1 && byte[0] === 10;
  } finally {
    await handle.close();
  }
}

/** The change files in a folder with their sizes; a missing folder has none. */
export async function listChangeFiles(folder: string): Promise<Map<string, number>> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return new Map();
    throw error;
  }
  const sizes = new Map<string, number>();
  await Promise.all(
    names
      .filter((n) => n.endsWith(CHANGE_FILE_EXT) && !n.startsWith('.'))
      .map(async (name) => {
        try {
          sizes.set(name, (await stat(path.join(folder, name))).size);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOENT') throw error;
        }
      }),
  );
  return sizes;
}
