import forge from 'node-forge';
import type { CertificateInfo } from './certificate-info';
import { describeCertificate } from './certificate-info';
import { IdentityError } from './identity-error';

/**
 * An identity opened for signing: the private key lives only in memory. On disk an identity is
 * always a passphrase-protected PKCS#12 file; a desktop host may keep the passphrase wrapped by
 * the operating system's keychain (Electron safeStorage) and hand it to `importP12` when needed.
 */
export interface SigningIdentity {
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
  /** Any issuing certificates the .p12 carried, sent with each signature so checkers can chain. */
  chain: forge.pki.Certificate[];
  info: CertificateInfo;
}

const WRONG_PASSPHRASE =
  'The passphrase does not open this signing identity. Check it and try again; passphrases are case-sensitive.';
const NOT_P12 =
  'This file is not a signing identity: expected a PKCS#12 file (.p12 or .pfx) as exported by ' +
  'the Workbench or by your centre.';

/** Opens a .p12/.pfx with its passphrase, or says in plain words why it cannot. */
export function importP12(p12: Uint8Array, passphrase: string): SigningIdentity {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  } catch {
    throw new IdentityError('not-p12', NOT_P12);
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // forge says "PKCS#12 MAC could not be verified. Invalid password?" when the MAC fails, and
    // fails to decrypt the key when a file has no MAC; both mean the passphrase is wrong.
    if (
      /password|MAC|decrypt|Invalid/i.test(message) &&
      !/too few bytes|Unknown|ASN\.1/i.test(message)
    ) {
      throw new IdentityError('wrong-passphrase', WRONG_PASSPHRASE);
    }
    if (/Unsupported|unknown OID/i.test(message)) {
      throw new IdentityError(
        'unsupported-key',
        'This signing identity uses encryption the Workbench cannot open. Ask for it to be ' +
          'exported again with AES-256 (or 3DES) and an RSA key.',
      );
    }
    throw new IdentityError('not-p12', NOT_P12);
  }

  const keyBags = [
    ...(store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(store.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certificates = (
    store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? []
  )
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) {
    // A shrouded key bag forge could not decrypt has no key: the passphrase opened the MAC but not
    // the key, or the key is of a kind forge cannot read (ECDSA).
    throw new IdentityError(
      keyBags.length > 0 ? 'unsupported-key' : 'no-key',
      keyBags.length > 0
        ? 'The private key in this file could not be opened: the Workbench signs with RSA keys only.'
        : 'This file holds certificates but no private key, so it cannot sign. Export it again with its private key.',
    );
  }
  const certificate = certificates.find((cert) => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) === true && pub.e?.equals(key.e) === true;
  });
  if (!certificate) {
    throw new IdentityError('no-key', 'This file has no certificate that matches its private key.');
  }
  return {
    certificate,
    privateKey: key,
    chain: certificates.filter((cert) => cert !== certificate),
    info: describeCertificate(certificate),
  };
}

/** The public certificate alone, as PEM, for an EQA or a centre to add to their trusted list. */
export function exportCertificatePem(identity: Pick<SigningIdentity, 'certificate'>): string {
  return forge.pki.certificateToPem(identity.certificate).replace(/\r\n/g, '\n');
}
