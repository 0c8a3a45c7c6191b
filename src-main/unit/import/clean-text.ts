const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  bull: '•',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    }
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined;
}

// Only things that look like real HTML tags: "a < b > c" in a criterion must survive.
const htmlTag = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/**
 * Text as the assessor should see it: markup left by copying out of web pages, Word or Markdown
 * removed, whitespace collapsed, wording untouched.
 */
export function cleanText(raw: string): string {
  return decodeEntities(raw.replace(htmlTag, ' '))
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins a wrapped line onto what came before, keeping a hyphen that ended the first line. */
export function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  return before.endsWith('-') && !before.endsWith(' -') ? before + after : `${before} ${after}`;
}

export function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text);
}

export function endsSentence(text: string): boolean {
  return /[.!?:;]["'’”)]*$/.test(text);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
