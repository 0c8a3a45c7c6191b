import type { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../identity/certificate-info';

export type CertificateSummary = CertificateInfo;

/** "CN=Ann\nO=Centre" → its fields; Node's X509Certificate reads any key type, forge only RSA. */
function fields(dn: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of dn.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !map.has(line.slice(0, at))) map.set(line.slice(0, at), line.slice(at + 1));
  }
  return map;
}

export function summariseCertificate(cert: X509Certificate): CertificateSummary {
  const subject = fields(cert.subject);
  return {
    commonName: subject.get('CN') ?? cert.subject.replace(/\n/g, ', '),
    organisation: subject.get('O') ?? null,
    role: subject.get('title') ?? subject.get('OU') ?? null,
    issuer: cert.issuer.replace(/\n/g, ', '),
    selfSigned: cert.issuer === cert.subject,
    serialNumber: cert.serialNumber.toLowerCase(),
    fingerprintSha256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
}
