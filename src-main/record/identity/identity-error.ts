/** A problem with a signing identity, worded for the person who is trying to sign. */
export class IdentityError extends Error {
  constructor(
    readonly reason: 'wrong-passphrase' | 'not-p12' | 'no-key' | 'unsupported-key' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
