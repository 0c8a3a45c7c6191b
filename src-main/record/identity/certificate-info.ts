import { createHash } from 'node:crypto';
import forge from 'node-forge';

/** What a person checking a signature needs to know about the certificate behind it. */
export interface CertificateInfo {
  commonName: string;
  organisation: string | null;
  role: string | null;
  issuer: string;
  selfSigned: boolean;
  serialNumber: string;
  /** SHA-256 of the DER certificate, colon-separated upper-case hex, as certificate viewers show it. */
  fingerprintSha256: string;
  validFrom: string;
  validTo: string;
}

/**
 * forge hands back UTF8String values as their raw bytes when it reads a certificate, but as the
 * original text for one it has just made; decode the first and leave the second alone.
 */
function text(field: { value?: unknown; valueTagClass?: unknown }): string {
  const value = typeof field.value === 'string' ? field.value : String(field.value);
  if (field.valueTagClass !== forge.asn1.Type.UTF8) return value;
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
}

function attribute(name: forge.pki.Certificate['subject'], key: string): string | null {
  const field = name.getField(key) as { value?: unknown; valueTagClass?: unknown } | null;
  return field ? text(field) : null;
}

function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${text(a)}`).join(', ');
}

export function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function fingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

export function describeCertificate(cert: forge.pki.Certificate): CertificateInfo {
  return {
    commonName: attribute(cert.subject, 'CN') ?? distinguishedName(cert.subject),
    organisation: attribute(cert.subject, 'O'),
    role: attribute(cert.subject, 'title') ?? attribute(cert.subject, 'OU'),
    issuer: distinguishedName(cert.issuer),
    selfSigned: distinguishedName(cert.issuer) === distinguishedName(cert.subject),
    serialNumber: cert.serialNumber,
    fingerprintSha256: fingerprint(certificateDer(cert)),
    validFrom: cert.validity.notBefore.toISOString(),
    validTo: cert.validity.notAfter.toISOString(),
  };
}
