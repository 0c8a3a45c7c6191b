import { createHash } from 'node:crypto';
import JSZip from 'jszip';

/**
 * A Word file cannot carry its own SHA-256, but its footer can carry the SHA-256 of its body
 * (word/document.xml, a separate part from the footers). The portfolio keeps the hash of the
 * whole file as issued; the footer's body hash lets anyone tell, from the file alone, whether
 * the wording of the record was edited after it was issued.
 */
export const BODY_HASH_PLACEHOLDER = 'BODY-SHA256-'.padEnd(64, '0');
const BODY_PART = 'word/document.xml';
const FOOTER_PART = /^word\/footer\d*\.xml$/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes the body's SHA-256 into the footers in place of the placeholder. */
export async function sealBodyHash(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const body = await zip.file(BODY_PART)?.async('uint8array');
  if (!body) throw new Error('The Word file has no body part.');
  const hash = sha256(body);
  for (const name of Object.keys(zip.files).filter((n) => FOOTER_PART.test(n))) {
    const xml = await zip.file(name)?.async('string');
    if (xml?.includes(BODY_HASH_PLACEHOLDER))
      zip.file(name, xml.replaceAll(BODY_HASH_PLACEHOLDER, hash));
  }
  return new Uint8Array(
    await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: undefined }),
  );
}

export interface BodyHashCheck {
  /** The hash the footer prints, or null when it prints none. */
  printed: string | null;
  actual: string | null;
  /** The record id the footer prints. */
  recordId: string | null;
}

/** Reads the footer's body hash and record id, and hashes the body as it is now. */
export async function readBodyHash(docx: Uint8Array): Promise<BodyHashCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(docx);
  } catch {
    return { printed: null, actual: null, recordId: null };
  }
  const body = await zip.file(BODY_PART)?.async('uint8array');
  let printed: string | null = null;
  let recordId: string | null = null;
  for (const name of Object.keys(zip.files).filter((n) => FOOTER_PART.test(n))) {
    const text = (await zip.file(name)?.async('string'))?.replace(/<[^>]+>/g, '') ?? '';
    printed ??= /Body SHA-256:\s*([0-9a-f]{64})/.exec(text)?.[1] ?? null;
    recordId ??= /Record ID:\s*(\S+?)(?=Body SHA-256|\s|$)/.exec(text)?.[1] ?? null;
  }
  return { printed, actual: body ? sha256(body) : null, recordId };
}
