import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { encodePng } from './png';

/** The standard PDF fonts cover Latin-1 only: "Łukasz Wójcik" is written "Lukasz Wojcik". */
function latin1(text: string): string {
  return text
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
}

/** A one-page PDF with a heading and wrapped paragraphs, made on the spot (no binary in the repo). */
export async function demoPdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(latin1(title));
  pdf.setCreator('Assessor & Verifier Workbench (demo data)');
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText(latin1(title), { x: 56, y: 770, size: 18, font: bold, color: rgb(0.1, 0.1, 0.3) });
  let y = 736;
  for (const paragraph of paragraphs) {
    const words = latin1(paragraph).split(' ');
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, 11) > 480) {
        page.drawText(line, { x: 56, y, size: 11, font });
        y -= 16;
        line = word;
      } else line = next;
    }
    if (line) page.drawText(line, { x: 56, y, size: 11, font });
    y -= 28;
  }
  return pdf.save();
}

/**
 * A small PNG drawn from a seed: coloured bands with a "photo" frame, enough to stand in for a
 * photograph of a display or a workplace in the demo.
 */
export function demoPng(seed: number, width = 320, height = 200): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const frame = x < 8 || y < 8 || x >= width - 8 || y >= height - 8;
      const band = Math.floor((x + y + seed * 37) / 40) % 4;
      const shade = [
        [70, 90, 170],
        [240, 180, 60],
        [90, 170, 120],
        [230, 230, 235],
      ][band]!;
      const [r, g, b] = frame ? [40, 40, 40] : shade;
      row.set([r!, g!, b!], 1 + x * 3);
    }
    rows.push(row);
  }
  return encodePng(width, height, 'rgb', rows);
}
