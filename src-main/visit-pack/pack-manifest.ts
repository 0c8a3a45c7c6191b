import { createHash, verify, type X509Certificate } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { cadesDetachedSignature } from '../record/seal/cades-signature';
import { CmsError, parseCms } from '../record/verify/parse-cms';

export const MANIFEST_FILE = 'MANIFEST.sha256';
export const SIGNATURE_FILE = 'MANIFEST.sha256.p7s';

/** Every file under `dir`, relative with forward slashes, in a fixed order. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * `MANIFEST.sha256` in the form `sha256sum -c` reads: one line per file, its hash, two spaces
 * and its path. Hashes already taken while copying are reused rather than read again.
 */
export async function makeManifest(
  dir: string,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<string> {
  const files = (await filesUnder(dir)).filter((f) => f !== MANIFEST_FILE && f !== SIGNATURE_FILE);
  const lines: string[] = [];
  for (const file of files) {
    const hash = known.get(file) ?? (await sha256File(path.join(dir, file)));
    lines.push(`${hash}  ${file}`);
  }
  return `${lines.join('\n')}\n`;
}

export function parseManifest(text: string): { hash: string; file: string }[] | null {
  const rows: { hash: string; file: string }[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) return null;
    rows.push({ hash: match[1]!, file: match[2]! });
  }
  return rows;
}

/** A detached CMS signature of the manifest, which `openssl cms -verify -binary` checks. */
export function signManifest(manifest: string, identity: SigningIdentity): Buffer {
  return cadesDetachedSignature(Buffer.from(manifest, 'utf8'), identity);
}

/**
 * Checks the detached signature over the manifest and that the centre certificate issued the
 * signer's. Returns who signed it, or the reason it does not hold in plain words.
 */
export function checkManifestSignature(
  manifest: Uint8Array,
  signature: Uint8Array,
  trust: X509Certificate,
): { ok: true; signer: string } | { ok: false; problem: string } {
  let cms;
  try {
    cms = parseCms(signature);
  } catch (error) {
    const why = error instanceof CmsError ? error.message : 'unreadable';
    return { ok: false, problem: `${SIGNATURE_FILE} is not a signature (${why}).` };
  }
  const signer = cms.signer;
  if (!signer || !cms.signedAttributes || !cms.messageDigest) {
    return { ok: false, problem: `${SIGNATURE_FILE} does not say who signed it or what.` };
  }
  const digest = createHash(cms.digestAlgorithm).update(manifest).digest();
  if (!digest.equals(cms.messageDigest)) {
    return { ok: false, problem: `${MANIFEST_FILE} has changed since it was signed.` };
  }
  if (!verify(cms.digestAlgorithm, cms.signedAttributes, signer.publicKey, cms.signature)) {
    return { ok: false, problem: `${SIGNATURE_FILE} does not match its signer's certificate.` };
  }
  const name = /CN=([^\n]+)/.exec(signer.subject)?.[1] ?? 'someone';
  // Every byte of the signature file must mean something: a certificate carried beside the
  // signer's is the centre's own, unchanged, or the file has been tampered with.
  const stray = cms.certificates.filter(
    (c) => !c.raw.equals(signer.raw) && !c.raw.equals(trust.raw),
  );
  if (stray.length) {
    return {
      ok: false,
      problem: `${SIGNATURE_FILE} carries a certificate that is neither its signer's nor the centre's: it has been changed.`,
    };
  }
  if (!signer.checkIssued(trust) || !signer.verify(trust.publicKey)) {
    return {
      ok: false,
      problem: `${MANIFEST_FILE} was signed by ${name}, whose certificate the centre certificate did not issue.`,
    };
  }
  return { ok: true, signer: name };
}
