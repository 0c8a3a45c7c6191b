import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { CertificateInfo } from './certificate-info';
import { describeCertificate } from './certificate-info';

export interface IdentityRequest {
  /** The person's name as it should appear on every signature, e.g. "Łukasz Wójcik". */
  name: string;
  /** Their role at the centre: "Assessor", "Internal quality assurer". */
  role: string;
  /** The centre's name. */
  organisation: string;
  email?: string;
  passphrase: string;
  now?: Date;
  validYears?: number;
  /**
   * The centre certificate and key that issue this identity. Without one the certificate is
   * self-signed: only tests and the centre certificate itself are made that way.
   */
  issuer?: { certificate: forge.pki.Certificate; privateKey: forge.pki.rsa.PrivateKey };
  /** Makes a centre certificate (a CA that can issue people's identities) instead. */
  authority?: boolean;
  /** Certify this existing key (an identity made elsewhere that the centre vouches for). */
  existingKey?: forge.pki.rsa.PrivateKey;
  /** Keep this validity period rather than starting one now. */
  validity?: { notBefore: Date; notAfter: Date };
}

export interface GeneratedIdentity {
  /** The PKCS#12 file: certificate and private key, the key encrypted with the passphrase. */
  p12: Uint8Array;
  certificatePem: string;
  info: CertificateInfo;
}

/** PBKDF2 rounds for the key's encryption: slow enough to hinder guessing, quick enough to sign. */
const KEY_ITERATIONS = 50_000;

/**
 * Names such as Łukasz or Nguyễn need UTF8String; forge defaults to PrintableString (ASCII).
 * forge takes a universal tag number here, though its type definitions declare a tag class.
 */
const UTF8_TAG = forge.asn1.Type.UTF8 as number as forge.asn1.Class;

function utf8(
  field: { shortName: string } | { name: string },
  value: string,
): forge.pki.CertificateField {
  return { ...field, value, valueTagClass: UTF8_TAG };
}

function newRsaKey(): forge.pki.rsa.PrivateKey {
  const { privateKey: pem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
}

/**
 * Makes a self-signed RSA 2048 signing certificate naming the person and their role, valid for
 * three years by default, and returns it with its key sealed in a passphrase-protected .p12.
 */
export function generateIdentity(request: IdentityRequest): GeneratedIdentity {
  if (request.passphrase.length < 8) {
    throw new Error(
      'Choose a passphrase of at least 8 characters to protect the signing identity.',
    );
  }
  const privateKey = request.existingKey ?? newRsaKey();
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);

  const now = request.now ?? new Date();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: clear the top bit so DER does not read it as negative.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = request.validity?.notBefore ?? new Date(now.getTime() - 60_000);
  cert.validity.notAfter = request.validity?.notAfter ?? new Date(now);
  if (!request.validity) {
    cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (request.validYears ?? 3));
  }
  const subject = [
    utf8({ shortName: 'CN' }, request.name),
    utf8({ shortName: 'O' }, request.organisation),
    utf8({ shortName: 'OU' }, request.role),
    utf8({ name: 'title' }, request.role),
    ...(request.email ? [{ name: 'emailAddress', value: request.email }] : []),
  ];
  cert.setSubject(subject);
  cert.setIssuer(request.issuer ? request.issuer.certificate.subject.attributes : subject);
  cert.setExtensions(
    request.authority
      ? [
          { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false, critical: true },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          // Signing documents: what PDF readers and NSS look for in a signer's certificate.
          { name: 'extKeyUsage', emailProtection: true },
          { name: 'subjectKeyIdentifier' },
          ...(request.issuer
            ? [
                {
                  name: 'authorityKeyIdentifier',
                  keyIdentifier: request.issuer.certificate
                    .generateSubjectKeyIdentifier()
                    .getBytes(),
                },
              ]
            : []),
        ],
  );
  cert.sign(request.issuer?.privateKey ?? privateKey, forge.md.sha256.create());

  const chain = request.issuer ? [cert, request.issuer.certificate] : [cert];
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, chain, request.passphrase, {
    algorithm: 'aes256',
    count: KEY_ITERATIONS,
    friendlyName: request.name,
    generateLocalKeyId: true,
    prfAlgorithm: 'sha256',
  } as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]);
  const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
  return {
    p12,
    certificatePem: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'),
    info: describeCertificate(cert),
  };
}
