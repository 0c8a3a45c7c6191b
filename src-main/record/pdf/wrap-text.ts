/** Anything that can say how wide a run of text is: a pdf-lib font at one size, in tests a stub. */
export type MeasureText = (text: string) => number;

/** Tabs and stray control characters have no glyph; print them as the space they stand for. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\t\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

/**
 * Breaks text into lines no wider than `width`: at spaces where it can, inside a word only when
 * the word alone is too wide (a file name, a hash), and always at the text's own line breaks.
 */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut -= 1;
        // A file name breaks after a hyphen, dot, underscore or slash where one is on the line,
        // so its words stay whole; only a run with none (a hash) is cut where the line ends.
        const soft = lastSoftBreak(rest.slice(0, cut));
        if (soft > 0) cut = soft;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Where a long word may break, keeping at least half the line: just after its last hyphen,
 * underscore or slash, else just before its last dot ("reply" / ".pdf"); 0 when nowhere.
 */
function lastSoftBreak(text: string): number {
  const least = Math.ceil(text.length / 2);
  for (let i = text.length; i >= least; i -= 1) {
    if ('-_/\\'.includes(text[i - 1] ?? '')) return i;
  }
  for (let i = text.length - 1; i >= least; i -= 1) {
    if (text[i] === '.') return i;
  }
  return 0;
}
