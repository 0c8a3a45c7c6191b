import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '../identity/signing-identity';
import { checkSignatureIntegrity, findSignatures } from '../verify/find-signatures';
import { IdentitySigner } from './identity-signer';
import { appendIncrementalUpdate } from './incremental-update';
import { findIqaSlot } from '../pdf/signature-slot';
import type { SignOptions } from './sign-options';
import { signatureAppearance, type VisibleSignature } from './signature-appearance';
import { SealError } from './sign-options';
import { addSignatureField } from './signature-field';

/**
 * Adds a further signature (an IQA's, or a qualified assessor's countersignature) in an
 * incremental update, so every earlier signature still covers exactly the bytes it signed.
 * With `visible`, and where the record printed an IQA signature box, the signature shows there.
 * Refuses a record whose existing signatures no longer hold: countersigning a changed record
 * would vouch for changes nobody signed.
 */
export async function countersignPdf(
  pdf: Uint8Array,
  identity: SigningIdentity,
  options: SignOptions & { visible?: VisibleSignature },
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
  const before = doc.context.largestObjectNumber;
  const slot = options.visible ? findIqaSlot(doc) : null;
  const placement =
    slot && options.visible
      ? { ...slot, appearance: await signatureAppearance(doc, slot.rect, options.visible) }
      : undefined;
  const { visible: _visible, ...signOptions } = options;
  const changes = addSignatureField(
    doc,
    { ...signOptions, name: options.name ?? identity.info.commonName },
    placement,
  );
  // Writes the appearance's font subsets; every object numbered past the original's is new.
  await doc.flush();
  const created = doc.context
    .enumerateIndirectObjects()
    .map(([ref]) => ref)
    .filter((ref) => ref.objectNumber > before);
  const prepared = appendIncrementalUpdate(pdf, doc, [
    ...new Set([...created, ...changes.created, ...changes.modified]),
  ]);
  const signed = await new SignPdf().sign(Buffer.from(prepared), new IdentitySigner(identity));
  return new Uint8Array(signed);
}
