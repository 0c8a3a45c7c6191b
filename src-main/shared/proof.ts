import { createSign, createVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * A person's signature, by their own signing key, over what they decided (a sign-off, an
 * unlock, a countersignature, an IQA review), kept with the record. Whoever holds the centre
 * certificate can check that the key holder made that decision and that it has not been changed
 * since: `workbench verify-portfolio` does. The signed bytes are the record's decision fields as
 * canonical JSON (`canonicalJson`), so they can be rebuilt from the record itself.
 */
export const proofSchema = z.object({
  personId: z.string().min(1),
  /** The SHA-256 fingerprint of the signer's certificate, as Node writes it (AB:CD:…). */
  certificateSha256: z.string().min(1),
  algorithm: z.literal('RSA-SHA256'),
  /** Base64. */
  signature: z.string().min(1),
});
export type Proof = z.infer<typeof proofSchema>;

/** Signs what a person decided, with the key they unlocked for this session. */
export type Prover = (personId: string, payload: unknown) => Proof;

/** JSON with object keys sorted at every level and undefined left out: the same bytes each time. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A prover for one unlocked person: it signs only as them, so a record made for anyone else
 * cannot carry their signature.
 */
export function proverFor(personId: string, key: KeyObject, certificateSha256: string): Prover {
  return (who, payload) => {
    if (who !== personId) {
      throw new Error('A decision can only be signed by the person who unlocked their key.');
    }
    const signer = createSign('sha256');
    signer.update(canonicalJson(payload), 'utf8');
    return {
      personId,
      certificateSha256,
      algorithm: 'RSA-SHA256',
      signature: signer.sign(key).toString('base64'),
    };
  };
}

export function proofHolds(proof: Proof, payload: unknown, publicKey: KeyObject): boolean {
  try {
    const verifier = createVerify('sha256');
    verifier.update(canonicalJson(payload), 'utf8');
    return verifier.verify(publicKey, Buffer.from(proof.signature, 'base64'));
  } catch {
    return false;
  }
}
