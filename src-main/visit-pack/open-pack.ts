import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { resolveInside } from '../storage/resolve-inside';
import { MANIFEST_FILE, parseManifest } from './pack-manifest';
import type { PackData } from './pack-model';
import { extractPackZip, isZipPath, removeExtraction } from './pack-unzip';
import { checkPackFolder, type PackCheck } from './verify-pack';
import { PACK_DATA_FILE } from './write-pack';

/**
 * A visit pack opened in the workbench for the EQA to read: its data, the files the manifest
 * lists, and what checking it found. Nothing here writes: the pack stays exactly as the centre
 * sent it, so its manifest still holds afterwards.
 */
export interface OpenedPack {
  /** The pack's folder: the one opened, or where its .zip was unpacked. */
  dir: string;
  /** What the EQA opened: the pack's folder, or its .zip. */
  source: string;
  /** The unpacking of a .zip in this computer's cache, removed when the pack is closed. */
  extraction: string | null;
  data: PackData;
  check: PackCheck;
  /** The files the manifest lists: the only ones the screen may open. */
  listed: ReadonlySet<string>;
  /** The centre certificate in the pack, to refuse an EQA identity the centre issued. */
  centreCertificate: X509Certificate | null;
}

const isFile = async (file: string) => (await stat(file).catch(() => null))?.isFile() === true;

/** Whether a folder is a visit pack (pack.json and MANIFEST.sha256 at its top), not a workspace. */
export async function isVisitPackFolder(dir: string): Promise<boolean> {
  return (
    (await isFile(path.join(dir, PACK_DATA_FILE))) && (await isFile(path.join(dir, MANIFEST_FILE)))
  );
}

/** Whether a path is a pack's .zip (a file ending .zip), to be unpacked before reading. */
export async function isPackZip(target: string): Promise<boolean> {
  return isZipPath(target) && (await isFile(target));
}

async function readPackData(dir: string): Promise<PackData> {
  const text = await readFile(path.join(dir, PACK_DATA_FILE), 'utf8').catch(() => null);
  if (text === null) {
    throw new UserError(
      'invalid-input',
      `${path.basename(dir)} has no ${PACK_DATA_FILE}: it is not a visit pack, or it is incomplete. Ask the centre for the pack again.`,
    );
  }
  let data: Partial<PackData> | null = null;
  try {
    data = JSON.parse(text) as Partial<PackData>;
  } catch {
    data = null;
  }
  if (data?.kind !== 'eqa-visit-pack' || !data.visit || !Array.isArray(data.learners)) {
    throw new UserError(
      'invalid-input',
      `${path.basename(dir)} has a ${PACK_DATA_FILE} that is not a visit pack's. Ask the centre for the pack again.`,
    );
  }
  return data as PackData;
}

/** What checking found when the check itself could not run (a damaged manifest). */
function failedCheck(error: unknown): PackCheck {
  const problem = error instanceof UserError ? error.message : 'The pack could not be checked.';
  return {
    ok: false,
    signedBy: null,
    problems: [problem],
    notes: [],
    checked: { files: 0, records: 0, evidence: 0 },
  };
}

/** Reads and checks a pack folder; the EQA can read it whatever the check found. */
export async function openVisitPack(dir: string): Promise<OpenedPack> {
  const folder = path.resolve(dir);
  const data = await readPackData(folder);
  const check = await checkPackFolder(folder, null).catch(failedCheck);
  const manifest = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  const listed = new Set((parseManifest(manifest) ?? []).map((r) => r.file));
  const pem = await readFile(path.join(folder, 'centre.pem')).catch(() => null);
  let centreCertificate: X509Certificate | null = null;
  try {
    centreCertificate = pem ? new X509Certificate(pem) : null;
  } catch {
    centreCertificate = null;
  }
  return { dir: folder, source: folder, extraction: null, data, check, listed, centreCertificate };
}

/**
 * Unpacks a pack's .zip into this computer's cache (`cacheDir`) and opens what it holds as a
 * folder pack is opened; the zip itself is only read.
 */
export async function openVisitPackZip(zipFile: string, cacheDir: string): Promise<OpenedPack> {
  const source = path.resolve(zipFile);
  const { dir, extraction } = await extractPackZip(source, cacheDir);
  try {
    return { ...(await openVisitPack(dir)), source, extraction };
  } catch (error) {
    await removeExtraction(extraction);
    throw error;
  }
}

/** A file of the pack the manifest lists, confined to the pack's folder. */
export async function packFilePath(pack: OpenedPack, relative: string): Promise<string> {
  if (!pack.listed.has(relative)) {
    throw new UserError('not-found', `${relative} is not one of the pack’s files.`);
  }
  return resolveInside(pack.dir, relative);
}
