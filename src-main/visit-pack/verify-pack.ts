import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { checkRecordFile } from '../record/issue/check-record-file';
import { checkRevocationList } from '../record/identity-store/revocation-list';
import type { StoppedEntry } from '../record/issue/check-trust';
import {
  checkManifestSignature,
  filesUnder,
  MANIFEST_FILE,
  parseManifest,
  sha256File,
  SIGNATURE_FILE,
} from './pack-manifest';
import type { PackData } from './pack-model';
import { PACK_DATA_FILE } from './write-pack';
import { unpackInto } from './pack-unzip';

export interface PackCheck {
  ok: boolean;
  signedBy: string | null;
  /** Each failure, naming the file. */
  problems: string[];
  notes: string[];
  checked: { files: number; records: number; evidence: number };
}

const isRecord = (file: string) =>
  /\.pdf$/i.test(file) &&
  (/^learners\/[^/]+\/records\//.test(file) || file.startsWith('sampling/'));

/** The manifest's rows, refusing a folder without one or with a damaged one. */
async function readManifest(dir: string) {
  const bytes = await readFile(path.join(dir, MANIFEST_FILE)).catch(() => null);
  if (!bytes) {
    throw new UserError(
      'not-found',
      `${path.basename(dir)} has no ${MANIFEST_FILE}: it is not a visit pack, or it is incomplete.`,
    );
  }
  const rows = parseManifest(bytes.toString('utf8'));
  if (!rows)
    throw new UserError(
      'invalid-input',
      `${MANIFEST_FILE} is damaged: a line is not a SHA-256 and a file name.`,
    );
  return { bytes, rows };
}

/** Every file against the manifest: none added, none missing, none changed. Gives each hash. */
async function checkFiles(
  dir: string,
  rows: readonly { file: string; hash: string }[],
  problems: string[],
) {
  const listed = new Map(rows.map((r) => [r.file, r.hash]));
  const present = (await filesUnder(dir)).filter(
    (f) => f !== MANIFEST_FILE && f !== SIGNATURE_FILE,
  );
  for (const file of present)
    if (!listed.has(file))
      problems.push(`${file}: not in the manifest (added since the pack was made).`);
  const actual = new Map<string, string>();
  for (const { file, hash } of rows) {
    const found = await stat(path.join(dir, file)).catch(() => null);
    if (!found?.isFile()) {
      problems.push(`${file}: missing (the manifest lists it).`);
      continue;
    }
    const sha = await sha256File(path.join(dir, file));
    actual.set(file, sha);
    if (sha !== hash)
      problems.push(
        `${file}: changed since the pack was made (its SHA-256 is not the manifest's).`,
      );
  }
  return { present, actual };
}

/** The certificate to check against (the one given, else the pack's) and its revocation list. */
async function trustOf(
  dir: string,
  trustPem: Uint8Array | null,
  problems: string[],
  notes: string[],
) {
  const packPem = await readFile(path.join(dir, 'centre.pem')).catch(() => null);
  let trust: X509Certificate | null = null;
  try {
    trust = trustPem
      ? new X509Certificate(trustPem)
      : packPem
        ? new X509Certificate(packPem)
        : null;
  } catch {
    problems.push(`centre.pem: not a certificate.`);
  }
  if (!trustPem)
    notes.push(
      'Checked against centre.pem in the pack itself; give --trust with the copy of the centre certificate you hold to check who made it.',
    );
  if (trust && trustPem && packPem && !new X509Certificate(packPem).raw.equals(trust.raw)) {
    problems.push('centre.pem: not the centre certificate you trust.');
  }
  let stopped: StoppedEntry[] | null = null;
  const list = await readFile(path.join(dir, 'centre-revocations.json'), 'utf8').catch(() => null);
  if (list !== null && trust) {
    try {
      stopped = checkRevocationList(list, trust).stopped;
    } catch (error) {
      problems.push(`centre-revocations.json: ${(error as Error).message}`);
    }
  }
  return { trust, stopped };
}

/** Who signed the manifest, when the signature holds against the certificate trusted. */
async function manifestSigner(
  dir: string,
  manifest: Buffer,
  trust: X509Certificate | null,
  problems: string[],
): Promise<string | null> {
  const signature = await readFile(path.join(dir, SIGNATURE_FILE)).catch(() => null);
  if (!signature) {
    problems.push(
      `${MANIFEST_FILE}: not signed (no ${SIGNATURE_FILE}), so nothing shows who made the pack.`,
    );
    return null;
  }
  if (!trust) return null;
  const result = checkManifestSignature(manifest, signature, trust);
  if (result.ok) return result.signer;
  problems.push(`${SIGNATURE_FILE}: ${result.problem}`);
  return null;
}

/** Every record's signatures, as `workbench verify` checks them; unsigned ones are noted. */
async function checkRecords(
  dir: string,
  present: readonly string[],
  trust: { trust: X509Certificate | null; stopped: StoppedEntry[] | null },
  problems: string[],
  notes: string[],
): Promise<number> {
  let records = 0;
  for (const file of present.filter(isRecord)) {
    records += 1;
    const bytes = new Uint8Array(await readFile(path.join(dir, file)));
    const check = await checkRecordFile(bytes, path.basename(file), null, trust);
    if (check.signatures.length === 0 && !check.notARecord) {
      notes.push(`${file}: not signed (issued unsigned for the visit).`);
    } else if (!check.ok) {
      problems.push(`${file}: ${check.problems.join(' ') || 'its signatures do not hold.'}`);
    }
  }
  return records;
}

/** Every evidence file against the SHA-256 its portfolio noted when it was added. */
async function checkEvidence(
  dir: string,
  actual: ReadonlyMap<string, string>,
  problems: string[],
): Promise<number> {
  let evidence = 0;
  const dataBytes = await readFile(path.join(dir, PACK_DATA_FILE), 'utf8').catch(() => null);
  let data: PackData | null = null;
  try {
    data = dataBytes ? (JSON.parse(dataBytes) as PackData) : null;
  } catch {
    data = null;
  }
  if (!data || data.kind !== 'eqa-visit-pack')
    problems.push(`${PACK_DATA_FILE}: missing or not a visit pack's data.`);
  for (const learner of data?.learners ?? []) {
    for (const e of learner.evidence) {
      if (!e.file) continue;
      evidence += 1;
      const sha =
        actual.get(e.file.path) ??
        (await sha256File(path.join(dir, e.file.path)).catch(() => null));
      if (sha === null)
        problems.push(`${e.file.path}: missing (evidence ${e.ref} of ${learner.name}).`);
      else if (sha !== e.file.sha256)
        problems.push(
          `${e.file.path}: not the file the portfolio noted when it was added (evidence ${e.ref} of ${learner.name}).`,
        );
    }
  }
  return evidence;
}

/** Checks a pack folder: manifest, its signature, every record's signatures and every evidence hash. */
export async function checkPackFolder(
  dir: string,
  trustPem: Uint8Array | null,
): Promise<PackCheck> {
  const problems: string[] = [];
  const notes: string[] = [];
  const manifest = await readManifest(dir);
  const { present, actual } = await checkFiles(dir, manifest.rows, problems);
  const trust = await trustOf(dir, trustPem, problems, notes);
  const signedBy = await manifestSigner(dir, manifest.bytes, trust.trust, problems);
  const records = await checkRecords(dir, present, trust, problems, notes);
  const evidence = await checkEvidence(dir, actual, problems);
  const unique = [...new Set(problems)];
  return {
    ok: unique.length === 0,
    signedBy,
    problems: unique,
    notes,
    checked: { files: manifest.rows.length, records, evidence },
  };
}

/** A pack folder or its .zip (unpacked into a temporary folder, removed afterwards). */
export async function checkPack(target: string, trustPem: Uint8Array | null): Promise<PackCheck> {
  const found = await stat(target).catch(() => null);
  if (!found) throw new UserError('not-found', `${target} does not exist.`);
  if (found.isDirectory()) return checkPackFolder(target, trustPem);
  const temp = await mkdtemp(path.join(tmpdir(), 'visit-pack-'));
  try {
    return await checkPackFolder(await unpackInto(target, temp), trustPem);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
