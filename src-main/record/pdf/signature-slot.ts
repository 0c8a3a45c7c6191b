import type { PDFDocument, PDFPage } from 'pdf-lib';
import { PDFArray, PDFName, PDFNumber } from 'pdf-lib';

/**
 * Where on the page the IQA's countersignature goes: the empty signature box of the record's IQA
 * section. The renderer notes it on the page (a private key, ignored by readers), inside the
 * signed bytes, so the countersignature added later lands in the box the record printed for it.
 */
const SLOT_KEY = PDFName.of('AVW_IqaSignatureSlot');

export interface SlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function markIqaSlot(page: PDFPage, rect: SlotRect): void {
  page.node.set(
    SLOT_KEY,
    page.doc.context.obj([rect.x, rect.y, rect.x + rect.width, rect.y + rect.height]),
  );
}

/** The IQA's signature box, if the record printed one (records made before it did had none). */
export function findIqaSlot(doc: PDFDocument): { page: PDFPage; rect: SlotRect } | null {
  for (const page of doc.getPages()) {
    const entry = page.node.lookupMaybe(SLOT_KEY, PDFArray);
    if (!entry || entry.size() !== 4) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map(
      (i) => entry.lookupMaybe(i, PDFNumber)?.asNumber() ?? Number.NaN,
    ) as [number, number, number, number];
    if (![x1, y1, x2, y2].every(Number.isFinite) || x2 <= x1 || y2 <= y1) continue;
    return { page, rect: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } };
  }
  return null;
}
