import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '../identity/signing-identity';
import { findSignatures } from '../verify/find-signatures';
import { IdentitySigner } from './identity-signer';
import type { SignOptions } from './sign-options';
import { SealError } from './sign-options';
import { addSignatureField } from './signature-field';

/**
 * Seals an unsigned record with a PAdES (ETSI.CAdES.detached) signature over the whole file:
 * pdf-lib adds the signature field and rewrites the file, which is only safe while nothing is
 * signed yet (later signatures go through `countersignPdf`, which appends instead); @signpdf
 * then fills in the byte range and our CAdES signature.
 */
export async function signPdf(
  pdf: Uint8Array,
  identity: SigningIdentity,
  options: SignOptions,
): Promise<Uint8Array> {
  if (findSignatures(pdf).length > 0) {
    throw new SealError(
      'This record is already signed. Add a countersignature instead, so the first signature stays valid.',
    );
  }
  return signDocument(await PDFDocument.load(pdf, { updateMetadata: false }), identity, options);
}

/**
 * Seals a document that has never been signed, such as a record just laid out and not yet
 * saved, which then needs saving only once.
 */
export async function signDocument(
  doc: PDFDocument,
  identity: SigningIdentity,
  options: SignOptions,
): Promise<Uint8Array> {
  addSignatureField(doc, { ...options, name: options.name ?? identity.info.commonName });
  // Without object streams the file keeps a classic cross-reference table, which the
  // countersignature's incremental update extends.
  const prepared = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new IdentitySigner(identity));
  return new Uint8Array(signed);
}
