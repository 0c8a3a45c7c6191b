import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { UserError } from '../kernel/user-error';

/**
 * A pack's .zip is read from a copy unpacked into this computer's own data folder, never into a
 * workspace and never beside the zip: the zip is only read, so it stays as the centre sent it.
 * Each unpacking is a folder named by the zip's hash, holding the pack's folder and a note of the
 * process that made it, so a second workbench on the same computer keeps what it is reading.
 */
export const OPENED_PACKS_FOLDER = 'opened-packs';
const OWNER_FILE = 'owner.json';

export interface PackZipLimits {
  /** The largest zip read (the whole file is held in memory while it is read). */
  zipBytes: number;
  /** The most the files inside may add up to once unpacked. */
  unpackedBytes: number;
  entries: number;
  /** How many times its own size a zip may unpack to (plus `ratioAllowance`) before it is a bomb. */
  ratio: number;
  ratioAllowance: number;
}

export const PACK_ZIP_LIMITS: PackZipLimits = {
  zipBytes: 2 * 1024 ** 3 - 1,
  unpackedBytes: 8 * 1024 ** 3,
  entries: 100_000,
  ratio: 100,
  ratioAllowance: 16 * 1024 ** 2,
};

export const isZipPath = (target: string) => /\.zip$/i.test(target);

const sha256Of = async (file: string) => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
};

const refuse = (zipFile: string, why: string) =>
  new UserError(
    'invalid-input',
    `${path.basename(zipFile)} ${why} Nothing in it is used; ask the centre for the pack again.`,
  );

/** The name an entry had in the zip, before JSZip tidied away any `../` at its start. */
const originalName = (entry: JSZip.JSZipObject) => entry.unsafeOriginalName ?? entry.name;

const isSymlink = (entry: JSZip.JSZipObject) =>
  typeof entry.unixPermissions === 'number' && (entry.unixPermissions & 0o170000) === 0o120000;

/** Every entry checked before anything is written: a name that could land outside, a link. */
function checkEntries(zipFile: string, zip: JSZip, limits: PackZipLimits): JSZip.JSZipObject[] {
  const entries = Object.values(zip.files);
  if (entries.length > limits.entries)
    throw refuse(zipFile, `holds more than ${limits.entries} files, far more than a visit pack.`);
  const tops = new Set<string>();
  // Files first: JSZip keeps a file's name as the zip gave it, so the refusal can quote it.
  const filesFirst = [...entries].sort((a, b) => Number(a.dir) - Number(b.dir));
  for (const entry of filesFirst) {
    const name = originalName(entry);
    const parts = name.replace(/\/$/, '').split('/');
    if (
      name.startsWith('/') ||
      /^[A-Za-z]:/.test(name) ||
      /[\\\0]/.test(name) ||
      parts.some((p) => p === '' || p === '.' || p === '..')
    ) {
      throw refuse(zipFile, `holds a file named ${name}, which points outside the pack.`);
    }
    if (isSymlink(entry))
      throw refuse(zipFile, `holds a link (${name}), which a visit pack never does.`);
    tops.add(parts[0]!);
  }
  if (tops.size !== 1) throw refuse(zipFile, 'is not a visit pack: it should hold one folder.');
  return entries;
}

/** Counts what an entry unpacks to, stopping it as soon as the zip unpacks to too much. */
function meter(zipFile: string, zipBytes: number, limits: PackZipLimits, total: { bytes: number }) {
  const bomb = limits.ratio * zipBytes + limits.ratioAllowance;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total.bytes += chunk.length;
      if (total.bytes > limits.unpackedBytes)
        done(refuse(zipFile, `unpacks to more than ${limits.unpackedBytes} bytes.`));
      else if (total.bytes > bomb)
        done(
          refuse(
            zipFile,
            `unpacks to more than ${limits.ratio} times its own size: it looks like a zip bomb, made to fill the disk.`,
          ),
        );
      else done(null, chunk);
    },
  });
}

async function readZip(zipFile: string, limits: PackZipLimits): Promise<JSZip> {
  const found = await stat(zipFile).catch(() => null);
  if (!found?.isFile()) throw new UserError('not-found', `${zipFile} does not exist.`);
  if (found.size > limits.zipBytes)
    throw refuse(zipFile, `is larger than ${limits.zipBytes} bytes, more than can be read here.`);
  try {
    return await JSZip.loadAsync(await readFile(zipFile), { checkCRC32: true });
  } catch {
    throw refuse(zipFile, 'is not a zip file that can be read.');
  }
}

/**
 * Unpacks a pack's .zip into `into` (opened, or checked by `verify-pack`) and gives the pack's
 * folder inside it, every entry checked first: nothing lands outside `into`, no link, no bomb.
 */
export async function unpackInto(
  zipFile: string,
  into: string,
  limits: PackZipLimits = PACK_ZIP_LIMITS,
): Promise<string> {
  const zip = await readZip(zipFile, limits);
  const entries = checkEntries(zipFile, zip, limits);
  const zipBytes = (await stat(zipFile)).size;
  const total = { bytes: 0 };
  for (const entry of entries) {
    const target = path.join(into, ...originalName(entry).replace(/\/$/, '').split('/'));
    if (path.relative(into, target).startsWith('..')) throw refuse(zipFile, 'points outside.');
    if (entry.dir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // `wx`: an entry named twice is not written over the first one.
    await pipeline(
      entry.nodeStream('nodebuffer'),
      meter(zipFile, zipBytes, limits, total),
      createWriteStream(target, { flags: 'wx' }),
    ).catch((error: unknown) => {
      if (error instanceof UserError) throw error;
      throw refuse(zipFile, `could not be unpacked (${entry.name} is damaged).`);
    });
  }
  return path.join(into, originalName(entries[0]!).split('/')[0]!);
}

/**
 * Unpacks a pack's .zip into the computer's own cache (`cacheDir`), replacing an earlier
 * unpacking of the same zip; gives the pack's folder and the unpacking to remove when done.
 */
export async function extractPackZip(
  zipFile: string,
  cacheDir: string,
  limits: PackZipLimits = PACK_ZIP_LIMITS,
): Promise<{ dir: string; extraction: string }> {
  const key = (await sha256Of(zipFile).catch(() => null))?.slice(0, 24);
  if (!key) throw new UserError('not-found', `${zipFile} could not be read.`);
  const extraction = path.join(cacheDir, key);
  const part = path.join(cacheDir, `${key}.${randomUUID()}.part`);
  await mkdir(part, { recursive: true });
  try {
    await writeFile(path.join(part, OWNER_FILE), JSON.stringify({ pid: process.pid }));
    const dir = await unpackInto(zipFile, part, limits);
    await rm(extraction, { recursive: true, force: true });
    await rename(part, extraction);
    return { dir: path.join(extraction, path.relative(part, dir)), extraction };
  } catch (error) {
    await rm(part, { recursive: true, force: true });
    throw error;
  }
}

export async function removeExtraction(extraction: string): Promise<void> {
  await rm(extraction, { recursive: true, force: true });
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes unpackings left behind (by this process, or one no longer running). */
export async function removeStaleExtractions(cacheDir: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    const folder = path.join(cacheDir, name);
    const owner = await readFile(path.join(folder, OWNER_FILE), 'utf8').catch(() => null);
    let pid: number | null = null;
    try {
      pid = owner ? ((JSON.parse(owner) as { pid?: number }).pid ?? null) : null;
    } catch {
      pid = null;
    }
    const inUse = pid !== null && pid !== process.pid && isRunning(pid);
    if (!inUse) await rm(folder, { recursive: true, force: true });
  }
}
