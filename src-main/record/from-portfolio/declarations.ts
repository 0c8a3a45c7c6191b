import type { Signature, SignaturePurpose } from '../../portfolio/decision-schema';
import type { Portfolio } from '../../portfolio/portfolio-schema';
import type { SignatureInput } from '../build/record-inputs';

/**
 * The one place where signatures given on screen become the signature lines of a record. Only
 * signatures that still stand count: an unlock voids them, and the record then leaves the line
 * blank to be signed again.
 */
export type DeclarationRole = 'learner' | 'assessor' | 'countersigner';

const purposeOf: Record<DeclarationRole, SignaturePurpose> = {
  learner: 'learner-declaration',
  assessor: 'assessor-declaration',
  countersigner: 'countersignature',
};

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

export function pngFromDataUrl(url: string | undefined): Uint8Array | undefined {
  const match = url ? PNG_DATA_URL.exec(url) : null;
  if (!match?.[1]) return undefined;
  const bytes = new Uint8Array(Buffer.from(match[1], 'base64'));
  return PNG_MAGIC.every((b, i) => bytes[i] === b) ? bytes : undefined;
}

export function signatureFromDeclaration(d: Signature): SignatureInput {
  const drawnPng = d.method === 'drawn' ? pngFromDataUrl(d.image) : undefined;
  return {
    date: d.signedAt.slice(0, 10),
    ...(drawnPng ? { drawnPng } : {}),
    ...(d.typedName ? { typedName: d.typedName } : {}),
    declarationVersion: d.declarationVersion,
  };
}

/** The standing signature of one role on a unit, by the person named when one is. */
export function signatureFor(
  portfolio: Portfolio,
  unitId: string,
  role: DeclarationRole,
  personId?: string,
): SignatureInput {
  const found = portfolio.signatures.findLast(
    (s) =>
      s.unitId === unitId &&
      s.purpose === purposeOf[role] &&
      !s.voidedAt &&
      (!personId || s.personId === personId),
  );
  return found ? signatureFromDeclaration(found) : { date: null };
}
