import { Signer } from '@signpdf/utils';
import type { SigningIdentity } from '../identity/signing-identity';
import { cadesDetachedSignature } from './cades-signature';

/** Lets @signpdf place our CAdES signature, made with an identity already opened in memory. */
export class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetachedSignature(pdfBuffer, this.identity);
  }
}
