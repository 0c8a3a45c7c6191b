import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { UserError } from '../kernel/user-error';
import { eachChunk } from './file-chunks';

const LIMIT = 0xffffffff;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
}

/** MS-DOS date and time, as zip headers keep them (two-second steps, local to the reader). */
function dosTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** A file going into the zip in pieces, as they are read from somewhere else. */
export interface ZipEntryWriter {
  /** Writes `chunk`, which starts `at` bytes into the file, and takes it into the CRC-32. */
  write(chunk: Uint8Array, at: number): Promise<void>;
  /** Writes the entry's header, once every piece is written. */
  end(): Promise<void>;
  /** The error for a file that turned out shorter or longer than it was when begun. */
  changed(): UserError;
}

/**
 * A zip written straight to disk with every file stored as it is (no compression: evidence is
 * mostly photos, PDFs and video already compressed), CRC-32 by Node's native zlib, and names in
 * UTF-8. Read back by any unzip tool; without ZIP64, so a pack over 4 GB is refused.
 */
export class ZipWriter {
  private entries: Entry[] = [];
  private readonly names = new Set<string>();
  private at = 0;
  private readonly stamp: { time: number; date: number };

  private constructor(
    private readonly handle: FileHandle,
    when: Date,
  ) {
    this.stamp = dosTime(when);
  }

  static async create(file: string, when = new Date()): Promise<ZipWriter> {
    return new ZipWriter(await open(file, 'w'), when);
  }

  /** Claims the next `length` bytes of the file, so adds that overlap never write over each other. */
  private reserve(length: number): number {
    const offset = this.at;
    this.at += length;
    if (this.at > LIMIT) {
      throw new UserError(
        'invalid-input',
        'The pack is over 4 GB, too large for a .zip here: give the EQA the folder itself.',
      );
    }
    return offset;
  }

  private async write(bytes: Buffer): Promise<void> {
    const offset = this.reserve(bytes.length);
    await this.handle.write(bytes, 0, bytes.length, offset);
  }

  private header(name: Buffer, crc: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // names are UTF-8
    h.writeUInt16LE(0, 8); // stored
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(size, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, name]);
  }

  /** Whether a file is already in the zip under `name`. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /**
   * Adds bytes already in memory under `name` (forward slashes), with their CRC-32 when it is
   * known. Adds may overlap: each claims its place in the file before writing.
   */
  async addBytes(name: string, bytes: Uint8Array, crc = crc32(bytes)): Promise<void> {
    const encoded = Buffer.from(name, 'utf8');
    this.names.add(name);
    const header = this.header(encoded, crc, bytes.length);
    const offset = this.reserve(header.length + bytes.length);
    await this.handle.writev([header, bytes], offset);
    this.entries.push({ name: encoded, crc, size: bytes.length, offset });
  }

  /**
   * Starts a file of `size` bytes under `name` whose bytes come in pieces, in order (a file
   * read once, and copied or hashed from the same pieces): its place is claimed now, its header
   * written at the end, when its CRC-32 is known. Refused at `end` if the pieces came to a
   * different size.
   */
  begin(name: string, size: number): ZipEntryWriter {
    if (size > LIMIT) this.reserve(size); // refuses it: too large for a zip without ZIP64
    const encoded = Buffer.from(name, 'utf8');
    this.names.add(name);
    const offset = this.reserve(30 + encoded.length + size);
    const start = offset + 30 + encoded.length;
    let crc = 0;
    let written = 0;
    const changed = () =>
      new UserError(
        'conflict',
        `${name.split('/').pop()} changed while it was put in the zip. Make the pack again.`,
      );
    return {
      changed,
      write: async (chunk, at) => {
        if (at !== written || written + chunk.length > size) {
          throw changed();
        }
        crc = crc32(chunk, crc);
        written += chunk.length;
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await this.handle.write(
            chunk,
            done,
            chunk.length - done,
            start + at + done,
          );
          done += bytesWritten;
        }
      },
      end: async () => {
        if (written !== size) throw changed();
        const header = this.header(encoded, crc, size);
        await this.handle.write(header, 0, header.length, offset);
        this.entries.push({ name: encoded, crc, size, offset });
      },
    };
  }

  /** Adds one file from disk under `name` (forward slashes), reading it once. */
  async addFile(name: string, file: string): Promise<void> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const entry = this.begin(name, size);
      await eachChunk(handle, size, (chunk, at) => entry.write(chunk, at), entry.changed);
      await entry.end();
    } finally {
      await handle.close();
    }
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    try {
      if (this.entries.length >= 0xffff) {
        throw new UserError(
          'invalid-input',
          'The pack has too many files for a .zip here: give the EQA the folder itself.',
        );
      }
      const start = this.at;
      const parts = this.entries.map((e) => {
        const c = Buffer.alloc(46);
        c.writeUInt32LE(0x02014b50, 0);
        c.writeUInt16LE(0x031e, 4); // made on Unix, zip 3.0
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(0x0800, 8);
        c.writeUInt16LE(0, 10);
        c.writeUInt16LE(this.stamp.time, 12);
        c.writeUInt16LE(this.stamp.date, 14);
        c.writeUInt32LE(e.crc >>> 0, 16);
        c.writeUInt32LE(e.size, 20);
        c.writeUInt32LE(e.size, 24);
        c.writeUInt16LE(e.name.length, 28);
        c.writeUInt32LE((0o100644 << 16) >>> 0, 38);
        c.writeUInt32LE(e.offset, 42);
        return Buffer.concat([c, e.name]);
      });
      const directory = Buffer.concat(parts);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(directory.length, 12);
      end.writeUInt32LE(start, 16);
      await this.write(Buffer.concat([directory, end]));
    } finally {
      await this.handle.close();
    }
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
