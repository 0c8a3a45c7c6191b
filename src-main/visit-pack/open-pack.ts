import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { resolveInside } from '../storage/resolve-inside';
import { MANIFEST_FILE, parseManifest } from './pack-manifest';
import type { PackData } from './pack-model';
import { checkPackFolder, type PackCheck } from './verify-pack';
import { PACK_DATA_FILE } from './write-pack';

/**
 * A visit pack opened in the workbench for the EQA to read: its data, the files the manifest
 * lists, and what checking it found. Nothing here writes: the pack stays exactly as the centre
 * sent it, so its manifest still holds afterwards.
 */
export interface OpenedPack {
  dir: string;
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

/** A pack's .zip is refused in words that say what to do instead. */
export async function refuseZippedPack(target: string): Promise<void> {
  if (!/\.zip$/i.test(target) || !(await isFile(target))) return;
  throw new UserError(
    'unsupported',
    `${path.basename(target)} is a .zip. Unzip it first, then open the folder inside it: the workbench reads a visit pack in place, without changing it.`,
  );
}

async function readPackData(dir: string): Promise<PackData> {
  const text = await readFile(path.join(dir, PACK_DATA_FILE), 'utf8');
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
  return { dir: folder, data, check, listed, centreCertificate };
}

/** A file of the pack the manifest lists, confined to the pack's folder. */
export async function packFilePath(pack: OpenedPack, relative: string): Promise<string> {
  if (!pack.listed.has(relative)) {
    throw new UserError('not-found', `${relative} is not one of the pack’s files.`);
  }
  return resolveInside(pack.dir, relative);
}
