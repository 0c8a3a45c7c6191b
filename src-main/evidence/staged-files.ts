import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../kernel/user-error';
import { HELD_UPLOAD_LIFETIME_MS } from '../storage/leftovers';
import { mapFsError } from '../storage/map-fs-error';
import { STAGED_FOLDER_PREFIX, stagingFolder } from '../storage/staging';
import type { StagedFile } from './evidence-views';
import { FileTooLarge, receiveIntoFolder, type Received } from './ingest';

export type { StagedFile };

/**
 * A staged file as an operation takes it: a copy received into the staging folder (already
 * hashed), or a file on this computer the person chose in the desktop app (copied when used).
 */
export type TakenFile =
  | { kind: 'received'; originalName: string; received: Received; release: () => Promise<void> }
  | { kind: 'on-computer'; originalName: string; file: string; size: number };

interface Entry {
  originalName: string;
  at: number;
  size: number;
  /** The file on this computer (chosen in the desktop app), or the received copy. */
  file: string;
  received: Received | null;
}

/** The name a staged copy keeps (it decides the evidence file's extension), never a path. */
function stagedName(originalName: string): string {
  const base = path.basename(originalName.replace(/\\/g, '/')).replace(/^\.+/, '');
  return base || 'file';
}

/**
 * Files sent to the workbench (an upload to the HTTP host, a file chosen or dropped in the
 * desktop app) wait here under an opaque id until an operation such as `evidence:add-staged`
 * takes them. The screen only ever holds the id, never a path, so it cannot ask the workbench to
 * read any other file on the computer. A staged copy that is never used expires like a held
 * upload, and the leftovers sweep removes its folder when the workspace is next opened.
 */
export class StagedFiles {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Streams a body into the workspace's staging folder, hashed on the way and flushed to disk
   * before it gets its name, refusing (and removing) one that grows past `maxBytes`.
   */
  async receive(
    workspaceDir: string,
    source: Readable | AsyncIterable<Uint8Array>,
    originalName: string,
    options: { signal?: AbortSignal; total?: number | null; maxBytes?: number } = {},
  ): Promise<StagedFile> {
    const { maxBytes } = options;
    if (maxBytes !== undefined && (options.total ?? 0) > maxBytes) throw new FileTooLarge(maxBytes);
    const root = stagingFolder(workspaceDir);
    const label = 'The workspace folder';
    await mkdir(root, { recursive: true }).catch((error: unknown) => {
      throw mapFsError(error, label);
    });
    const received = await receiveIntoFolder(source, root, options).catch((error: unknown) => {
      throw error instanceof UserError ? error : mapFsError(error, label);
    });
    const id = `staged-${randomBytes(12).toString('hex')}`;
    const folder = path.join(root, `${STAGED_FOLDER_PREFIX}${id}`);
    const file = path.join(folder, stagedName(originalName));
    try {
      await mkdir(folder);
      await rename(received.tempFile, file);
    } catch (error) {
      await rm(received.tempFile, { force: true });
      await rm(folder, { recursive: true, force: true });
      throw mapFsError(error, label);
    }
    this.entries.set(id, {
      originalName,
      at: this.now(),
      size: received.size,
      file,
      received: { ...received, tempFile: file },
    });
    return { stagedId: id, name: path.basename(file), size: received.size };
  }

  /** Files chosen or dropped in the desktop app: staged by reference, copied when used. */
  async chosen(files: readonly string[]): Promise<StagedFile[]> {
    const staged: StagedFile[] = [];
    for (const file of files) {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      const id = `staged-${randomBytes(12).toString('hex')}`;
      this.entries.set(id, {
        originalName: file,
        at: this.now(),
        size: info.size,
        file,
        received: null,
      });
      staged.push({ stagedId: id, name: path.basename(file), size: info.size });
    }
    return staged;
  }

  /** Hands a staged file to the one operation that uses it; an id is good once. */
  take(stagedId: string): TakenFile {
    const found = this.entries.get(stagedId);
    this.entries.delete(stagedId);
    if (!found || this.now() - found.at > HELD_UPLOAD_LIFETIME_MS) {
      if (found?.received) void removeFolder(found.file);
      throw new UserError(
        'not-found',
        'That file is no longer waiting to be added (it was used, or it expired). Choose it again.',
      );
    }
    const { originalName, file, size, received } = found;
    if (!received) return { kind: 'on-computer', originalName, file, size };
    return { kind: 'received', originalName, received, release: () => removeFolder(file) };
  }
}

function removeFolder(stagedFile: string): Promise<void> {
  return rm(path.dirname(stagedFile), { recursive: true, force: true });
}
