import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { UserError } from '../kernel/user-error';
import { filesUnder } from './pack-manifest';
import type { PackSink } from './pack-copy';
import { ZipWriter, type ZipEntryWriter } from './zip-writer';

/**
 * The .zip of a pack folder, written while the folder is: files whose bytes the pack already
 * holds go in as they are written, so they are not read again; `finish` adds every other file
 * under the folder. The zip has the folder's name at its top and is written beside it under a
 * temporary name, renamed once complete, so a half-written zip never has the final name.
 */
export class PackZip implements PackSink {
  private constructor(
    private readonly writer: ZipWriter,
    private readonly top: string,
    private readonly zipFile: string,
  ) {}

  static async create(dir: string, zipFile: string): Promise<PackZip> {
    return new PackZip(await ZipWriter.create(`${zipFile}.part`), path.basename(dir), zipFile);
  }

  /** Adds a file of the pack (`relative` to its folder, forward slashes) from its bytes. */
  async add(relative: string, bytes: Uint8Array): Promise<void> {
    await this.writer.addBytes(`${this.top}/${relative}`, bytes);
  }

  /** Starts a file of the pack whose pieces follow, in order (see ZipWriter.begin). */
  begin(relative: string, size: number): ZipEntryWriter {
    return this.writer.begin(`${this.top}/${relative}`, size);
  }

  /** Adds the files not added yet, closes the zip and gives it its name. */
  async finish(dir: string): Promise<string> {
    try {
      for (const file of await filesUnder(dir)) {
        const name = `${this.top}/${file}`;
        if (!this.writer.has(name)) await this.writer.addFile(name, path.join(dir, file));
      }
      await this.writer.close();
      await rename(`${this.zipFile}.part`, this.zipFile);
    } catch (error) {
      await this.abandon();
      throw error;
    }
    return this.zipFile;
  }

  /** Stops writing and removes the half-written zip. */
  async abandon(): Promise<void> {
    await this.writer.abandon();
    await rm(`${this.zipFile}.part`, { force: true });
  }
}

/** A .zip of the pack folder, beside it. */
export async function zipFolder(dir: string, zipFile: string): Promise<string> {
  return (await PackZip.create(dir, zipFile)).finish(dir);
}

/**
 * Unpacks a pack's .zip into `into` and returns the pack folder inside it. Every name is checked
 * to stay inside `into`: a zip cannot write anywhere else.
 */
export async function unzipPack(zipFile: string, into: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(zipFile));
  } catch {
    throw new UserError(
      'invalid-input',
      `${path.basename(zipFile)} is not a zip file that can be read.`,
    );
  }
  const tops = new Set<string>();
  for (const entry of Object.values(zip.files)) {
    const target = path.resolve(into, entry.name);
    if (!target.startsWith(path.resolve(into) + path.sep)) {
      throw new UserError(
        'invalid-input',
        `${path.basename(zipFile)} holds a file outside its folder (${entry.name}).`,
      );
    }
    tops.add(entry.name.split('/')[0]!);
    if (entry.dir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
  }
  if (tops.size !== 1) {
    throw new UserError(
      'invalid-input',
      `${path.basename(zipFile)} is not a visit pack: it should hold one folder.`,
    );
  }
  return path.join(into, [...tops][0]!);
}
