import { createHash } from 'node:crypto';
import { copyFile, open } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { eachChunk } from './file-chunks';
import type { ZipEntryWriter } from './zip-writer';

/** Where the files of a pack go besides its folder (the pack's zip), as they are written. */
export interface PackSink {
  /** A file whose bytes are in memory (a record, pack.json), `relative` to the pack's folder. */
  add(relative: string, bytes: Uint8Array): Promise<void>;
  /** A file of `size` bytes whose pieces follow, in order. */
  begin(relative: string, size: number): ZipEntryWriter;
}

/**
 * Copies a file into a pack and returns its SHA-256, reading it once: the kernel copies it (no
 * bytes pass through this process), then the copy, fresh in the disk cache, is read in pieces
 * that are hashed and, given a sink, written into the zip from the same buffer. The hash and
 * the zip are of the copy itself, so the folder, its manifest and the zip cannot disagree.
 */
export async function copyHashed(
  from: string,
  to: string,
  zip?: { relative: string; sink: PackSink },
): Promise<string> {
  await copyFile(from, to);
  const copy = await open(to, 'r');
  try {
    const { size } = await copy.stat();
    const entry = zip?.sink.begin(zip.relative, size);
    const hash = createHash('sha256');
    const shorter = () =>
      entry?.changed() ??
      new UserError('conflict', `${path.basename(to)} changed while it was copied. Try again.`);
    await eachChunk(
      copy,
      size,
      async (chunk, at) => {
        hash.update(chunk);
        await entry?.write(chunk, at);
      },
      shorter,
    );
    await entry?.end();
    return hash.digest('hex');
  } finally {
    await copy.close();
  }
}
