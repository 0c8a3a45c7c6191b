/**
 * Where each revision of the file ends: just after each `%%EOF` marker and its line ending.
 * A signature that covers the whole of a revision ends at one of these.
 */
export function revisionEnds(pdf: Uint8Array): number[] {
  const text = Buffer.from(pdf).toString('latin1');
  const ends: number[] = [];
  for (const m of text.matchAll(/%%EOF(\r\n|\r|\n)?/g)) {
    ends.push(m.index + 5);
    if (m[1]) ends.push(m.index + 5 + m[1].length);
  }
  return ends;
}
