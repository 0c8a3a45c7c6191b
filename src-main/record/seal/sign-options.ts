/** What the signature dictionary says about a signing, shown by PDF readers beside it. */
export interface SignOptions {
  /** Why the person signs, e.g. "Assessor's decisions" or "IQA countersignature". */
  reason: string;
  /** Where they signed: usually the centre's name. */
  location: string;
  /** The signer's name; defaults to the certificate's common name. */
  name?: string;
  contactInfo?: string;
  /** The claimed signing time (/M); defaults to now. Fixed in tests for repeatable files. */
  signingTime?: Date;
}

/** Room for the CMS signature: a 2048-bit RSA signature and a chain of a few certificates. */
export const SIGNATURE_BYTES = 8192;

/** A problem sealing or countersigning a record, worded for the person signing it. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}
