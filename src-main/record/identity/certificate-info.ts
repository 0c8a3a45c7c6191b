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

/** By short name, name or OID: forge does not name every attribute (title, 2.5.4.12, among them). */
function attribute(
  name: forge.pki.Certificate['subject'],
  key: string,
  oid: string,
): string | null {
  const field = name.attributes.find(
    (a) => a.shortName === key || a.name === key || a.type === oid,
  );
  return field ? text(field) : null;
}

function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes
    .map((a) => `${a.shortName ?? a.name ?? (a.type === '2.5.4.12' ? 'title' : a.type)}=${text(a)}`)
    .join(', ');
}

export function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function fingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

export function describeCertificate(cert: forge.pki.Certificate): CertificateInfo {
  return {
    commonName: attribute(cert.subject, 'CN', '2.5.4.3') ?? distinguishedName(cert.subject),
    organisation: attribute(cert.subject, 'O', '2.5.4.10'),
    role: attribute(cert.subject, 'title', '2.5.4.12') ?? attribute(cert.subject, 'OU', '2.5.4.11'),
    issuer: distinguishedName(cert.issuer),
    selfSigned: distinguishedName(cert.issuer) === distinguishedName(cert.subject),
    serialNumber: cert.serialNumber,
    fingerprintSha256: fingerprint(certificateDer(cert)),
    validFrom: cert.validity.notBefore.toISOString(),
    validTo: cert.validity.notAfter.toISOString(),
  };
}
