import { z } from 'zod';
import type { UnitSignOff } from '../../decision/decision-schema';
import type { SignatureInput } from '../build/record-inputs';

/**
 * The one place where signatures stored in the portfolio become the signature lines of a record.
 * A declaration signature, as marking stores it with a unit sign-off, is
 * `{ personId, role, signedAt, method: 'drawn' | 'typed', image?, typedName?, hash }`. Portfolios
 * written before sign-offs carried declarations have none, and the record then prints the
 * sign-off date on the assessor's line and a blank line for anyone else to sign by hand.
 */
export const declarationSignatureSchema = z.object({
  personId: z.string().min(1),
  role: z.string().min(1),
  signedAt: z.iso.datetime({ offset: true }),
  method: z.enum(['drawn', 'typed']),
  /** A PNG data URL of the drawn signature. */
  image: z.string().optional(),
  typedName: z.string().optional(),
  hash: z.string().optional(),
});
export type DeclarationSignature = z.infer<typeof declarationSignatureSchema>;

/** A sign-off, with declarations once marking stores them there. */
export type SignOffWithDeclarations = UnitSignOff & { declarations?: unknown };

export type DeclarationRole = 'learner' | 'assessor' | 'countersigner' | 'iqa';

/** Declarations on a sign-off, whatever layout it was saved in; anything unreadable is left out. */
export function declarationsOf(signOff: SignOffWithDeclarations | null): DeclarationSignature[] {
  const raw = signOff?.declarations;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d) => {
    const parsed = declarationSignatureSchema.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

export function pngFromDataUrl(url: string | undefined): Uint8Array | undefined {
  const match = url ? PNG_DATA_URL.exec(url) : null;
  if (!match?.[1]) return undefined;
  const bytes = new Uint8Array(Buffer.from(match[1], 'base64'));
  return PNG_MAGIC.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

export function signatureFromDeclaration(d: DeclarationSignature): SignatureInput {
  const drawnPng = d.method === 'drawn' ? pngFromDataUrl(d.image) : undefined;
  return {
    date: d.signedAt.slice(0, 10),
    ...(drawnPng ? { drawnPng } : {}),
    ...(d.typedName ? { typedName: d.typedName } : {}),
  };
}

const roleWords: Record<DeclarationRole, RegExp> = {
  learner: /^(learner|candidate)$/i,
  assessor: /^assessor$/i,
  countersigner: /countersign/i,
  iqa: /^(iqa|internal)/i,
};

/**
 * The signature of one role on a unit sign-off. Without stored declarations the assessor's
 * line carries the sign-off date, since signing off is the assessor's declaration.
 */
export function signatureFor(
  signOff: SignOffWithDeclarations | null,
  role: DeclarationRole,
  personId?: string,
): SignatureInput {
  const found = declarationsOf(signOff).find(
    (d) => roleWords[role].test(d.role) && (!personId || d.personId === personId),
  );
  if (found) return signatureFromDeclaration(found);
  if (role === 'assessor' && signOff && !signOff.withdrawn) return { date: signOff.signedOn };
  return { date: null };
}
