import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { SigningIdentity } from '../identity/signing-identity';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
} as const;

const oid = (id: string): forge.asn1.Asn1 =>
  asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(U, T.SET, true, items);
const octets = (bytes: Uint8Array): forge.asn1.Asn1 =>
  asn1.create(U, T.OCTETSTRING, false, Buffer.from(bytes).toString('binary'));
const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const algorithm = (id: string): forge.asn1.Asn1 =>
  seq([oid(id), asn1.create(U, T.NULL, false, '')]);

/** The issuer and serial exactly as the certificate encodes them, not as forge would rewrite them. */
export function issuerAndSerial(cert: forge.pki.Certificate): forge.asn1.Asn1[] {
  const tbs = forge.pki.certificateToAsn1(cert).value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  // A v3 certificate starts with an explicit [0] version; v1 certificates leave it out.
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('The signing certificate could not be read.');
  return [issuer, serial];
}

function attribute(type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return seq([oid(type), set([value])]);
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate by
 * hash, which PAdES requires of an ETSI.CAdES.detached signature.
 */
function signingCertificateV2(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const certHash = createHash('sha256')
    .update(der(forge.pki.certificateToAsn1(cert)))
    .digest();
  const [issuer, serial] = issuerAndSerial(cert);
  const issuerSerial = seq([
    seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer!])]),
    serial!,
  ]);
  // The hash algorithm is left out: SHA-256 is the DEFAULT, and DER omits default values.
  return seq([seq([seq([octets(certHash), issuerSerial])])]);
}

const nodeKeys = new WeakMap<SigningIdentity, KeyObject>();

/** The identity's key as Node's crypto holds it (in memory only), made once per identity. */
function nodeKey(identity: SigningIdentity): KeyObject {
  let key = nodeKeys.get(identity);
  if (!key) {
    key = createPrivateKey(forge.pki.privateKeyToPem(identity.privateKey));
    nodeKeys.set(identity, key);
  }
  return key;
}

/**
 * A detached CMS SignedData over `content` in the CAdES-BES form PAdES asks for: SHA-256,
 * content-type, message-digest and signing-certificate-v2 signed attributes, and no signing-time
 * attribute (PAdES puts the claimed time in the signature dictionary's /M instead).
 */
export function cadesDetachedSignature(content: Uint8Array, identity: SigningIdentity): Buffer {
  const digest = createHash('sha256').update(content).digest();
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(identity.certificate)),
  ]
    // DER orders a SET OF by its members' encodings.
    .map((node) => ({ node, bytes: der(node) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map((a) => a.node);

  // RSASSA-PKCS1-v1_5 over SHA-256: the same bytes forge would make, by Node's native code.
  const signature = sign('sha256', der(set(attributes)), nodeKey(identity));

  const signerInfo = seq([
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    seq(issuerAndSerial(identity.certificate)),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const certificates = [identity.certificate, ...identity.chain].map((c) =>
    forge.pki.certificateToAsn1(c),
  );
  const signedData = seq([
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return der(
    seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]),
  );
}
