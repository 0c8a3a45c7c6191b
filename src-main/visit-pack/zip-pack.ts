import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
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
