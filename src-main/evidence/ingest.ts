import { tempTag } from '../storage/leftovers';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../kernel/user-error';
import { numbered } from './evidence-names';

export interface IngestProgress {
  bytes: number;
  /** Known when the size was given up front (a file on disk, a Content-Length). */
  total: number | null;
}

export interface StreamOptions {
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  total?: number | null;
  /** A body that grows past this is read to its end and dropped, then refused. */
  maxBytes?: number;
}

const SIZE_UNITS: readonly (readonly [string, number])[] = [
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['KB', 1024],
];

/** A file sent to the workbench that is larger than it accepts. */
export class FileTooLarge extends UserError {
  constructor(limit: number) {
    const [unit, scale] = SIZE_UNITS.find(([, bytes]) => limit >= bytes) ?? ['bytes', 1];
    const size = `${Math.round((limit / scale) * 10) / 10} ${unit}`;
    super('invalid-input', `That file is larger than ${size}, so it was not kept.`);
  }
}

export interface Received {
  tempFile: string;
  sha256: string;
  size: number;
}

const PROGRESS_EVERY = 4 * 1024 * 1024;

/** A hidden temporary file in the folder, given its real name only once it is whole. */
const incomingFile = (folder: string) =>
  path.join(folder, `.incoming-${tempTag()}-${randomBytes(6).toString('hex')}.part`);

/** Reports how far a copy has gone, every few megabytes. */
function progressEvery(options: StreamOptions, total: number | null): (size: number) => void {
  let reported = 0;
  return (size) => {
    if (options.onProgress && size - reported >= PROGRESS_EVERY) {
      reported = size;
      options.onProgress({ bytes: size, total });
    }
  };
}

/** Removes what a failed or cancelled copy left; the error to throw (a cancel says so plainly). */
async function dropPartial(tempFile: string, options: StreamOptions, error: unknown) {
  await rm(tempFile, { force: true });
  return options.signal?.aborted
    ? new UserError('cancelled', 'Adding the file was cancelled. Nothing was kept.')
    : error;
}

/**
 * Copies a stream into the evidence folder and hashes it in the same pass, so a video of
 * several GB is read once, not twice. The copy goes to a hidden temporary file that is flushed
 * to disk before it gets its real name; if the copy fails or is cancelled, the temporary file
 * is removed and nothing partial is left in the portfolio.
 */
export async function receiveIntoFolder(
  source: Readable | AsyncIterable<Uint8Array>,
  folder: string,
  options: StreamOptions = {},
): Promise<Received> {
  const tempFile = incomingFile(folder);
  const hash = createHash('sha256');
  let size = 0;
  const total = options.total ?? null;
  const progress = progressEvery(options, total);
  const limit = options.maxBytes ?? Infinity;
  try {
    await pipeline(
      source,
      async function* hashing(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          // Read on to the end rather than cut the sender off, so it gets the answer saying why.
          if (size > limit) continue;
          hash.update(chunk);
          progress(size);
          yield chunk;
        }
        if (size > limit) throw new FileTooLarge(limit);
      },
      createWriteStream(tempFile, { flags: 'wx' }),
      { signal: options.signal },
    );
    const handle = await open(tempFile, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw await dropPartial(tempFile, options, error);
  }
  options.onProgress?.({ bytes: size, total });
  return { tempFile, sha256: hash.digest('hex'), size };
}

const CHUNK = 4 * 1024 * 1024;

/**
 * The same single pass for a file already on this computer (the desktop app's file dialog),
 * without stream overheads: two buffers, one read ahead while the other is hashed and written.
 */
export async function receiveFileIntoFolder(
  sourceFile: string,
  folder: string,
  options: StreamOptions = {},
): Promise<Received> {
  const tempFile = incomingFile(folder);
  const hash = createHash('sha256');
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)] as const;
  let size = 0;
  const source = await open(sourceFile, 'r');
  try {
    const target = await open(tempFile, 'wx');
    try {
      const progress = progressEvery(options, options.total ?? (await source.stat()).size);
      let turn = 0;
      let read = await source.read(buffers[0], 0, CHUNK, 0);
      while (read.bytesRead > 0) {
        if (options.signal?.aborted) throw new Error('cancelled');
        const chunk = buffers[turn]!.subarray(0, read.bytesRead);
        const next = source.read(buffers[1 - turn]!, 0, CHUNK, size + read.bytesRead);
        hash.update(chunk);
        await target.write(chunk, 0, chunk.length);
        size += chunk.length;
        progress(size);
        read = await next;
        turn = 1 - turn;
      }
      await target.datasync();
    } finally {
      await target.close();
    }
  } catch (error) {
    throw await dropPartial(tempFile, options, error);
  } finally {
    await source.close();
  }
  options.onProgress?.({ bytes: size, total: size });
  return { tempFile, sha256: hash.digest('hex'), size };
}

/**
 * Gives a received file its readable name without ever replacing another file: a hard link
 * fails if the name is taken, so two additions at once cannot both claim it. Drives without
 * hard links (FAT USB sticks) fall back to checking first, which is safe inside one process.
 */
export async function placeFile(tempFile: string, folder: string, wanted: string): Promise<string> {
  for (let n = 1; n < 10_000; n += 1) {
    const name = numbered(wanted, n);
    const target = path.join(folder, name);
    try {
      await link(tempFile, target);
      await rm(tempFile, { force: true });
      return name;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
        throw error;
      }
    }
    const taken = await stat(target).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await rename(tempFile, target);
    return name;
  }
  throw new UserError('conflict', 'The evidence folder has too many files with that name.');
}
