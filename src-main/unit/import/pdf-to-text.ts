/**
 * Text out of a text-based PDF, laid out as it looks on the page: items on the same baseline form
 * a line, and each item is placed at the character column matching its x position, so the columns
 * of a table come out separated by runs of spaces, as the importer expects of text copied from a
 * PDF. Pages are separated by a blank line so a running header or footer is not joined onto a
 * criterion.
 */

export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

export function layoutPage(items: PositionedText[]): string[] {
  const visible = items.filter((i) => i.str.trim());
  if (!visible.length) return [];
  const charWidths = visible
    .filter((i) => i.str.length > 1 && i.width > 0)
    .map((i) => i.width / i.str.length)
    .sort((a, b) => a - b);
  const charWidth = charWidths[Math.floor(charWidths.length / 2)] ?? 5;
  const minX = Math.min(...visible.map((i) => i.x));

  // Baselines within a third of a line height are the same line (sub- and superscripts drift).
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  for (const item of sorted) {
    const current = lines[lines.length - 1];
    const tolerance = Math.max(2, (item.height || 10) / 3);
    if (current?.[0] && Math.abs(current[0].y - item.y) <= tolerance) current.push(item);
    else lines.push([item]);
  }

  return lines.map((line) => {
    let text = '';
    let lastEnd = -Infinity;
    for (const item of line.sort((a, b) => a.x - b.x)) {
      const column = Math.round((item.x - minX) / charWidth);
      const gap = item.x - lastEnd;
      if (column > text.length + 1 && gap > charWidth * 1.5) {
        text = text.padEnd(column, ' ');
        if (!text.endsWith('  ')) text += '  ';
      } else if (
        text &&
        gap > charWidth * 0.2 &&
        !text.endsWith(' ') &&
        !item.str.startsWith(' ')
      ) {
        text += ' ';
      }
      text += item.str;
      lastEnd = item.x + item.width;
    }
    return text.replace(/\s+$/, '');
  });
}

export async function pdfToText(data: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item: unknown) =>
        isTextItem(item)
          ? [
              {
                str: item.str,
                x: item.transform[4] ?? 0,
                y: item.transform[5] ?? 0,
                width: item.width,
                height: item.height,
              },
            ]
          : [],
      );
      pages.push(layoutPage(items).join('\n'));
    }
    return pages.join('\n\n');
  } finally {
    await document.destroy();
  }
}
