/**
 * Just enough DER reading to check a CMS signature: each element's tag and exact bytes. Exact
 * bytes matter because a signature over signed attributes is checked against their encoding
 * as it was signed, which re-encoding from a parsed tree may not reproduce.
 */
export interface Tlv {
  tag: number;
  /** Where the element starts (its tag byte) and where its content starts and ends. */
  start: number;
  contentStart: number;
  end: number;
}

export class DerError extends Error {}

export function readTlv(buf: Uint8Array, offset: number): Tlv {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('truncated');
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in CMS');
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new DerError('indefinite or oversized length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (buf[offset + 2 + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > buf.length) throw new DerError('truncated');
  return { tag, start: offset, contentStart, end };
}

export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(buf, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function content(buf: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(buf.subarray(tlv.contentStart, tlv.end));
}

export function whole(buf: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(buf.subarray(tlv.start, tlv.end));
}

export function oid(buf: Uint8Array, tlv: Tlv): string {
  const bytes = content(buf, tlv);
  const parts: number[] = [];
  let value = 0;
  bytes.forEach((byte) => {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) return;
    // The first subidentifier packs the first two arcs: 40 * first + second.
    if (parts.length === 0) {
      const first = value < 80 ? Math.floor(value / 40) : 2;
      parts.push(first, value - first * 40);
    } else {
      parts.push(value);
    }
    value = 0;
  });
  return parts.join('.');
}

/** Child `index`, or a DerError naming what was expected, so a damaged signature reads clearly. */
export function child(list: Tlv[], index: number, what: string): Tlv {
  const found = list[index];
  if (!found) throw new DerError(`missing ${what}`);
  return found;
}
