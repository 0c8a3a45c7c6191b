import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '../identity/signing-identity';
import { checkSignatureIntegrity, findSignatures } from '../verify/find-signatures';
import { IdentitySigner } from './identity-signer';
import { appendIncrementalUpdate } from './incremental-update';
import type { SignOptions } from './sign-options';
import { SealError } from './sign-options';
import { addSignatureField } from './signature-field';

/**
 * Adds a further signature (an IQA's, or a qualified assessor's countersignature) in an
 * incremental update, so every earlier signature still covers exactly the bytes it signed.
 * Refuses a record whose existing signatures no longer hold: countersigning a changed record
 * would vouch for changes nobody signed.
 */
export async function countersignPdf(
  pdf: Uint8Array,
  identity: SigningIdentity,
  options: SignOptions,
): Promise<Uint8Array> {
  const existing = findSignatures(pdf);
  if (existing.length === 0) {
    throw new SealError(
      'This record has not been signed yet, so there is nothing to countersign. Sign it first.',
    );
  }
  if (!existing.every((s) => checkSignatureIntegrity(pdf, s).intact)) {
    throw new SealError(
      'This record has changed since it was signed, so it cannot be countersigned. Generate and sign it again.',
    );
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const changes = addSignatureField(doc, {
    ...options,
    name: options.name ?? identity.info.commonName,
  });
  const prepared = appendIncrementalUpdate(pdf, doc, [...changes.created, ...changes.modified]);
  const signed = await new SignPdf().sign(Buffer.from(prepared), new IdentitySigner(identity));
  return new Uint8Array(signed);
}
