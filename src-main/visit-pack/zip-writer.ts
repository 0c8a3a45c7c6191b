import { createReadStream } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { UserError } from '../kernel/user-error';

const WHOLE = 8 * 1024 * 1024;
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

async function crcOfStream(file: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    crc = crc32(chunk as Buffer, crc);
  }
  return crc;
}

/**
 * A zip written straight to disk with every file stored as it is (no compression: evidence is
 * mostly photos, PDFs and video already compressed), CRC-32 by Node's native zlib, and names in
 * UTF-8. Read back by any unzip tool; without ZIP64, so a pack over 4 GB is refused.
 */
export class ZipWriter {
  private entries: Entry[] = [];
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

  private async write(bytes: Buffer): Promise<void> {
    await this.handle.write(bytes, 0, bytes.length, this.at);
    this.at += bytes.length;
    if (this.at > LIMIT) {
      throw new UserError(
        'invalid-input',
        'The pack is over 4 GB, too large for a .zip here: give the EQA the folder itself.',
      );
    }
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

  /** Adds one file from disk under `name` (forward slashes). */
  async addFile(name: string, file: string): Promise<void> {
    const encoded = Buffer.from(name, 'utf8');
    const { size } = await stat(file);
    const offset = this.at;
    if (size <= WHOLE) {
      const bytes = await readFile(file);
      const crc = crc32(bytes);
      await this.write(Buffer.concat([this.header(encoded, crc, bytes.length), bytes]));
      this.entries.push({ name: encoded, crc, size: bytes.length, offset });
      return;
    }
    if (size > LIMIT) await this.write(Buffer.alloc(0)); // refused below by the running total
    const crc = await crcOfStream(file);
    await this.write(this.header(encoded, crc, size));
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      await this.write(chunk as Buffer);
    }
    this.entries.push({ name: encoded, crc, size, offset });
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
