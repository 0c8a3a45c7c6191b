import { rgb, type PDFPage } from 'pdf-lib';
import type { RecordDocument } from '../model/record-document';
import type { PdfFonts, TextStyle } from './page-flow';
import { ACCENT, INK, MUTED, PAGE, RULE } from './page-flow';
import { inkLine, inkText } from './ink';
import { printable } from './wrap-text';

/** A record of work not signed off says so at the top of every page. */
const DRAFT = rgb(0.7, 0.15, 0.12);

/** Shortens text to one line of `width`, ending in an ellipsis when it had to cut. */
function fit(text: string, width: number, style: TextStyle): string {
  const clean = printable(text).replace(/\n/g, ' ');
  if (style.font.widthOfTextAtSize(clean, style.size) <= width) return clean;
  let cut = clean.length;
  while (cut > 0 && style.font.widthOfTextAtSize(`${clean.slice(0, cut)}…`, style.size) > width) {
    cut -= 1;
  }
  return `${clean.slice(0, cut)}…`;
}

function draw(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  align = 'left',
): void {
  const width = style.font.widthOfTextAtSize(text, style.size);
  const left = align === 'right' ? x - width : align === 'centre' ? x - width / 2 : x;
  inkText(page, text, left, y, { font: style.font, size: style.size, color: style.color ?? INK });
}

/** The centre, awarding body and qualification, so a page that comes loose still says whose it is. */
export function drawHeader(page: PDFPage, doc: RecordDocument, fonts: PdfFonts): void {
  const left = PAGE.marginLeft;
  const right = PAGE.width - PAGE.marginRight;
  const width = right - left;
  const top = PAGE.height - 36;
  const centre: TextStyle = { font: fonts.bold, size: 10.5, color: ACCENT };
  const body: TextStyle = { font: fonts.regular, size: 8.5, color: MUTED };
  draw(page, fit(doc.header.centreName, width * 0.55, centre), left, top, centre);
  if (doc.header.awardingBody) {
    const text = fit(`Awarding body: ${doc.header.awardingBody}`, width * 0.42, body);
    draw(page, text, right, top, body, 'right');
  }
  const qualification = [doc.header.qualificationTitle, doc.header.qualificationNumber]
    .filter((s) => s.trim() !== '')
    .join(' · ');
  if (qualification) {
    draw(page, fit(`Qualification: ${qualification}`, width, body), left, top - 14, body);
  }
  inkLine(page, { x: left, y: top - 22 }, { x: right, y: top - 22 }, { color: ACCENT, width: 0.8 });
  if (doc.draft) {
    const mark: TextStyle = { font: fonts.bold, size: 9, color: DRAFT };
    draw(page, fit(`DRAFT: ${doc.draft}`, width, mark), left, top + 16, mark);
  }
}

/** Learner, unit, "Page X of Y" and the record id: what a reader needs to put pages back in order. */
export function drawFooter(
  page: PDFPage,
  doc: RecordDocument,
  fonts: PdfFonts,
  pageNumber: number,
  pageCount: number,
): void {
  const left = PAGE.marginLeft;
  const right = PAGE.width - PAGE.marginRight;
  const width = right - left;
  const strong: TextStyle = { font: fonts.bold, size: 8, color: INK };
  const quiet: TextStyle = { font: fonts.regular, size: 7.5, color: MUTED };
  inkLine(page, { x: left, y: 50 }, { x: right, y: 50 }, { color: RULE, width: 0.5 });
  draw(
    page,
    fit(`${doc.footer.label ?? 'Learner'}: ${doc.footer.learnerName}`, width * 0.45, strong),
    left,
    38,
    strong,
  );
  if (doc.footer.unitRef) {
    draw(
      page,
      fit(`Unit: ${doc.footer.unitRef}`, width * 0.3, strong),
      left + width * 0.62,
      38,
      strong,
      'centre',
    );
  }
  draw(page, `Page ${pageNumber} of ${pageCount}`, right, 38, strong, 'right');
  draw(page, fit(`Record ID: ${doc.recordId}`, width * 0.6, quiet), left, 26, quiet);
  draw(page, doc.title, right, 26, quiet, 'right');
}
