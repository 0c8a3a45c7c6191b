import { X509Certificate } from 'node:crypto';
import type { Tlv } from './der';
import { DerError, child, children, content, oid, readTlv, whole } from './der';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** One signer's part of a CMS SignedData, with the exact bytes needed to check it. */
export interface ParsedCms {
  digestAlgorithm: string;
  signatureAlgorithmOid: string;
  /** The signed attributes re-tagged as a SET, which is what the signer actually signed. */
  signedAttributes: Buffer | null;
  messageDigest: Buffer | null;
  signingTimeAttribute: Date | null;
  hasSigningCertificateV2: boolean;
  signature: Buffer;
  signer: X509Certificate | null;
  certificates: X509Certificate[];
}

function serialHex(bytes: Buffer): string {
  return bytes.toString('hex').toUpperCase().replace(/^0+/, '');
}

function utcTime(text: string): Date | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])),
  );
}

/** Reads a detached CMS SignedData (the /Contents of a PDF signature); throws DerError if damaged. */
export function parseCms(der: Uint8Array): ParsedCms {
  const root = readTlv(der, 0);
  const [typeTlv, wrapped] = children(der, root);
  if (!typeTlv || oid(der, typeTlv) !== SIGNED_DATA || !wrapped) {
    throw new DerError('not a CMS SignedData');
  }
  const signedData = child(children(der, wrapped), 0, 'SignedData');
  const parts = children(der, signedData);
  const certificates = parts
    .filter((p) => p.tag === 0xa0)
    .flatMap((set) => children(der, set))
    .map((cert) => new X509Certificate(whole(der, cert)));
  const signerInfos = child(parts, parts.length - 1, 'signer infos');
  const signerInfo = child(children(der, signerInfos), 0, 'signer info');
  const fields = children(der, signerInfo);

  const sid = child(fields, 1, 'signer identifier');
  let signer: X509Certificate | null = null;
  if (sid.tag === 0x30) {
    const serial = serialHex(content(der, child(children(der, sid), 1, 'serial number')));
    signer =
      certificates.find((c) => serialHex(Buffer.from(c.serialNumber, 'hex')) === serial) ?? null;
  }
  const digestAlgorithmOid = oid(
    der,
    child(children(der, child(fields, 2, 'digest algorithm')), 0, 'OID'),
  );
  let index = 3;
  let attrs: Tlv | null = null;
  if (fields[index]?.tag === 0xa0) {
    attrs = fields[index]!;
    index += 1;
  }
  const signatureAlgorithm = child(fields, index, 'signature algorithm');
  const signature = content(der, child(fields, index + 1, 'signature'));

  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  let hasSigningCertificateV2 = false;
  let signedAttributes: Buffer | null = null;
  if (attrs) {
    signedAttributes = whole(der, attrs);
    signedAttributes[0] = 0x31; // [0] IMPLICIT in the message; SET OF when signed (RFC 5652, 5.4)
    for (const attribute of children(der, attrs)) {
      const [typeOid, values] = children(der, attribute);
      if (!typeOid || !values) continue;
      const type = oid(der, typeOid);
      const value = children(der, values)[0];
      if (type === MESSAGE_DIGEST && value) messageDigest = content(der, value);
      if (type === SIGNING_TIME && value)
        signingTime = utcTime(content(der, value).toString('latin1'));
      if (type === SIGNING_CERTIFICATE_V2) hasSigningCertificateV2 = true;
    }
  }
  return {
    digestAlgorithm: DIGESTS[digestAlgorithmOid] ?? digestAlgorithmOid,
    signatureAlgorithmOid: oid(der, child(children(der, signatureAlgorithm), 0, 'OID')),
    signedAttributes,
    messageDigest,
    signingTimeAttribute: signingTime,
    hasSigningCertificateV2,
    signature,
    signer: signer ?? certificates[0] ?? null,
    certificates,
  };
}

/** The length of the DER element at the start of `bytes`, so the zero padding after it can go. */
export function derLength(bytes: Uint8Array): number {
  return readTlv(bytes, 0).end;
}
