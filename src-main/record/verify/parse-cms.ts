import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';

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

/** A CMS structure that could not be read: damaged, or not a SignedData. */
export class CmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CmsError';
  }
}

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

type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;

/**
 * forge 1.x takes options here (its type definitions still say `strict?: boolean`): read one
 * element and leave any padding after it, and keep BIT STRINGs as they are so that re-encoding
 * gives back exactly the bytes that were signed.
 */
const fromDer = asn1.fromDer as unknown as (
  bytes: forge.util.ByteStringBuffer,
  options: { parseAllBytes: boolean; decodeBitStrings: boolean },
) => Asn1;
const READ = { parseAllBytes: false, decodeBitStrings: false };

const binary = (bytes: Uint8Array) =>
  forge.util.createBuffer(Buffer.from(bytes).toString('binary'));
const bytesOf = (text: string) => Buffer.from(text, 'binary');
const der = (node: Asn1) => bytesOf(asn1.toDer(node).getBytes());

function parts(node: Asn1 | undefined, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new CmsError(`damaged ${what}`);
  return node.value;
}

function primitive(node: Asn1 | undefined, what: string): string {
  if (!node || typeof node.value !== 'string') throw new CmsError(`damaged ${what}`);
  return node.value;
}

const oidOf = (node: Asn1 | undefined, what: string) => asn1.derToOid(primitive(node, what));

const serialHex = (bytes: Buffer) => bytes.toString('hex').toUpperCase().replace(/^0+/, '');

/**
 * Reads a detached CMS SignedData (the /Contents of a PDF signature) with node-forge's ASN.1
 * reader; throws CmsError if it is damaged. Checking the signature stays with node:crypto.
 */
export function parseCms(bytes: Uint8Array): ParsedCms {
  let root: Asn1;
  try {
    root = fromDer(binary(bytes), READ);
  } catch (error) {
    throw new CmsError(error instanceof Error ? error.message : 'unreadable');
  }
  const [typeNode, wrapped] = parts(root, 'ContentInfo');
  if (oidOf(typeNode, 'content type') !== SIGNED_DATA || !wrapped) {
    throw new CmsError('not a CMS SignedData');
  }
  const signedData = parts(parts(wrapped, 'content')[0], 'SignedData');
  const certificates = signedData
    .filter((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0)
    .flatMap((set) => parts(set, 'certificates'))
    .map((cert) => new X509Certificate(der(cert)));
  const signerInfo = parts(signedData.at(-1), 'signer infos')[0];
  const fields = parts(signerInfo, 'signer info');

  const sid = fields[1];
  let signer: X509Certificate | null = null;
  if (sid && sid.tagClass === asn1.Class.UNIVERSAL && sid.type === asn1.Type.SEQUENCE) {
    const serial = serialHex(bytesOf(primitive(parts(sid, 'signer identifier')[1], 'serial')));
    signer =
      certificates.find((c) => serialHex(Buffer.from(c.serialNumber, 'hex')) === serial) ?? null;
  }
  const digestAlgorithmOid = oidOf(parts(fields[2], 'digest algorithm')[0], 'digest algorithm');
  let index = 3;
  let attrs: Asn1 | null = null;
  const maybe = fields[index];
  if (maybe?.tagClass === asn1.Class.CONTEXT_SPECIFIC && maybe.type === 0) {
    attrs = maybe;
    index += 1;
  }
  const signatureAlgorithm = oidOf(
    parts(fields[index], 'signature algorithm')[0],
    'signature algorithm',
  );
  const signature = bytesOf(primitive(fields[index + 1], 'signature'));

  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  let hasSigningCertificateV2 = false;
  let signedAttributes: Buffer | null = null;
  if (attrs) {
    const values = parts(attrs, 'signed attributes');
    // [0] IMPLICIT in the message; a SET OF when signed (RFC 5652, 5.4).
    signedAttributes = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, values));
    for (const attribute of values) {
      const [typeNode, set] = parts(attribute, 'attribute');
      const type = oidOf(typeNode, 'attribute type');
      const value = set ? parts(set, 'attribute values')[0] : undefined;
      if (type === MESSAGE_DIGEST && value) messageDigest = bytesOf(primitive(value, 'digest'));
      if (type === SIGNING_TIME && value) {
        signingTime =
          value.type === asn1.Type.UTCTIME
            ? asn1.utcTimeToDate(primitive(value, 'time'))
            : asn1.generalizedTimeToDate(primitive(value, 'time'));
      }
      if (type === SIGNING_CERTIFICATE_V2) hasSigningCertificateV2 = true;
    }
  }
  return {
    digestAlgorithm: DIGESTS[digestAlgorithmOid] ?? digestAlgorithmOid,
    signatureAlgorithmOid: signatureAlgorithm,
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
  const buffer = binary(bytes);
  const before = buffer.length();
  try {
    fromDer(buffer, READ);
  } catch (error) {
    throw new CmsError(error instanceof Error ? error.message : 'unreadable');
  }
  return before - buffer.length();
}
