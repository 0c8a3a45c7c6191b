import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  IdentityError,
  exportCertificatePem,
  generateIdentity,
  importP12,
} from '../../../src-main/record';

const fixture = path.resolve(__dirname, '../../fixtures/record/centre-identity.p12');

describe('signing identities', () => {
  const generated = generateIdentity({
    name: 'Nguyễn Thị Hoa',
    role: 'Internal quality assurer',
    organisation: 'Northgate Skills Centre',
    passphrase: 'correct horse battery',
    now: new Date('2025-01-06T09:00:00Z'),
  });

  it('generates a self-signed RSA 2048 certificate naming the person, role and centre for three years', () => {
    const cert = new X509Certificate(generated.certificatePem);
    expect(generated.info).toMatchObject({
      commonName: 'Nguyễn Thị Hoa',
      role: 'Internal quality assurer',
      organisation: 'Northgate Skills Centre',
      selfSigned: true,
    });
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(2028);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(
      forge.pki.certificateFromPem(generated.certificatePem).getExtension('keyUsage'),
    ).toMatchObject({
      digitalSignature: true,
      nonRepudiation: true,
      keyCertSign: false,
    });
  });

  it('keeps the private key encrypted in the .p12 and opens it again with the passphrase', () => {
    expect(Buffer.from(generated.p12).includes('PRIVATE KEY')).toBe(false);
    const identity = importP12(generated.p12, 'correct horse battery');
    expect(identity.info.fingerprintSha256).toBe(generated.info.fingerprintSha256);
    expect(exportCertificatePem(identity)).toBe(generated.certificatePem);
  });

  it('says plainly when the passphrase is wrong', () => {
    expect(() => importP12(generated.p12, 'Correct horse battery')).toThrow(
      new IdentityError(
        'wrong-passphrase',
        'The passphrase does not open this signing identity. Check it and try again; passphrases are case-sensitive.',
      ),
    );
  });

  it('says plainly when the file is not a .p12 at all', () => {
    for (const bytes of [
      new TextEncoder().encode(generated.certificatePem),
      new Uint8Array([0x30, 0x03, 1, 2]),
    ]) {
      expect(() => importP12(bytes, 'anything')).toThrow(/not a signing identity/);
    }
  });

  it('refuses a passphrase too short to protect the key', () => {
    expect(() =>
      generateIdentity({ name: 'A', role: 'Assessor', organisation: 'C', passphrase: 'short' }),
    ).toThrow(/at least 8 characters/);
  });

  it('imports a centre’s .p12 made by OpenSSL 3 (AES-256, SHA-256 MAC)', async () => {
    const identity = importP12(await readFile(fixture), 'centre-passphrase');
    expect(identity.info).toMatchObject({
      commonName: 'Siobhán Ní Bhriain',
      role: 'Lead assessor',
    });
    expect(() => importP12(new Uint8Array(0), 'x')).toThrow(IdentityError);
  });
});
