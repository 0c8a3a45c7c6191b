import { createHash, verify } from 'node:crypto';
import type { ParsedCms } from './parse-cms';
import { CmsError, derLength, parseCms } from './parse-cms';

/** A signature as it sits in the file: its byte range and the CMS bytes in its /Contents. */
export interface FoundSignature {
  byteRange: [number, number, number, number];
  cms: Buffer | null;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/**
 * Every filled-in signature in the file, oldest first, read straight from the bytes rather than
 * through a PDF parser, so that even a damaged file shows what was signed. The /Contents is by
 * definition the gap in the byte range; placeholders not yet signed have no numbers and are skipped.
 */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = latin1(pdf);
  const found: FoundSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = [m[1], m[2], m[3], m[4]].map(Number) as FoundSignature['byteRange'];
    const [, length, gapEnd] = byteRange;
    let cms: Buffer | null = null;
    const gap = text.slice(length, gapEnd);
    if (/^<[0-9a-fA-F\s]*>$/.test(gap)) {
      const raw = Buffer.from(gap.slice(1, -1).replace(/\s/g, ''), 'hex');
      try {
        cms = raw.subarray(0, derLength(raw));
      } catch {
        cms = null;
      }
    }
    found.push({ byteRange, cms });
  }
  return found.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

export interface SignatureIntegrity {
  /** The bytes in the range hash to the digest the signer signed, and the signature checks out. */
  intact: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  cms: ParsedCms | null;
  problem: string | null;
}

function signedBytes(pdf: Uint8Array, [a, b, c, d]: FoundSignature['byteRange']): Buffer | null {
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return null;
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

function verifySignatureValue(cms: ParsedCms, data: Buffer): boolean {
  if (!cms.signer) return false;
  const ecdsa = cms.signatureAlgorithmOid.startsWith('1.2.840.10045');
  try {
    return verify(
      cms.digestAlgorithm,
      data,
      ecdsa ? { key: cms.signer.publicKey, dsaEncoding: 'der' } : cms.signer.publicKey,
      cms.signature,
    );
  } catch {
    return false;
  }
}

/** Recomputes the digest of the signed bytes and checks the CMS signature over it. */
export function checkSignatureIntegrity(
  pdf: Uint8Array,
  found: FoundSignature,
): SignatureIntegrity {
  const fail = (problem: string, cms: ParsedCms | null = null): SignatureIntegrity => ({
    intact: false,
    digestMatches: false,
    signatureValid: false,
    cms,
    problem,
  });
  const data = signedBytes(pdf, found.byteRange);
  if (!data) return fail('Its byte range does not fit the file: the file has been cut or altered.');
  if (!found.cms) return fail('Its signature value is missing or damaged.');
  let cms: ParsedCms;
  try {
    cms = parseCms(found.cms);
  } catch (error) {
    return fail(
      `Its signature could not be read (${error instanceof CmsError ? error.message : 'damaged'}).`,
    );
  }
  if (!/^sha(1|256|384|512)$/.test(cms.digestAlgorithm)) {
    return fail(`It uses a digest the Workbench cannot check (${cms.digestAlgorithm}).`, cms);
  }
  const digest = createHash(cms.digestAlgorithm).update(data).digest();
  const digestMatches = cms.messageDigest ? digest.equals(cms.messageDigest) : true;
  const signatureValid = cms.signedAttributes
    ? verifySignatureValue(cms, cms.signedAttributes)
    : verifySignatureValue(cms, data);
  const intact = digestMatches && signatureValid;
  return {
    intact,
    digestMatches,
    signatureValid,
    cms,
    problem: intact
      ? null
      : digestMatches
        ? 'Its signature does not match the signer’s certificate.'
        : 'The signed part of the file has changed since it was signed.',
  };
}
