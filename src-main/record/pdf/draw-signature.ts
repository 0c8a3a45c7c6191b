import type { PDFImage } from 'pdf-lib';
import { formatDate } from '../build/record-common';
import type { SignatureBlock } from '../model/record-document';
import { inkBox, inkImage } from './ink';
import type { PageFlow } from './page-flow';
import type { SlotRect } from './signature-slot';
import { INK, MUTED, RULE } from './page-flow';

export const SIGNATURE_BLOCK_HEIGHT = 62;
const SHARES = [0.4, 0.25, 0.2, 0.15];

export type EmbedPng = (bytes: Uint8Array) => Promise<PDFImage>;

/**
 * One signature: the drawn strokes (or a typed name, or a blank line for a wet signature) beside
 * the signer's name, role and date, boxed so a photocopy still shows which is which. Says where
 * the signature box itself is.
 */
export async function drawSignatureBlock(
  flow: PageFlow,
  block: SignatureBlock,
  embedPng: EmbedPng,
): Promise<SlotRect> {
  flow.ensure(SIGNATURE_BLOCK_HEIGHT);
  const top = flow.y;
  const bottom = top - SIGNATURE_BLOCK_HEIGHT;
  const label = { font: flow.fonts.regular, size: 7, color: MUTED };
  const value = { font: flow.fonts.bold, size: 9, color: INK };
  const values = ['', block.name, block.role, block.date ? formatDate(block.date) : ''];
  const labels = ['Signature', 'Name', 'Role', 'Date'];
  let x = flow.left;
  for (let i = 0; i < SHARES.length; i += 1) {
    const width = (SHARES[i] ?? 0) * flow.width;
    inkBox(flow.page, {
      x,
      y: bottom,
      width,
      height: SIGNATURE_BLOCK_HEIGHT,
      border: { color: RULE, width: 0.5 },
    });
    flow.text(labels[i] ?? '', x + 4, top - 10, label);
    const lines = flow.wrap(values[i] ?? '', width - 8, value).slice(0, 3);
    lines.forEach((line, n) => flow.text(line, x + 4, top - 26 - n * 11, value));
    x += width;
  }

  const box = { x: flow.left + 4, y: bottom + 5, width: SHARES[0]! * flow.width - 8, height: 42 };
  if (block.drawnPng) {
    const image = await embedPng(block.drawnPng);
    const scale = Math.min(box.width / image.width, box.height / image.height);
    inkImage(flow.page, image, {
      x: box.x,
      y: box.y + (box.height - image.height * scale) / 2,
      width: image.width * scale,
      height: image.height * scale,
    });
  } else if (block.typedName) {
    flow.text(block.typedName, box.x, box.y + 18, { font: flow.fonts.bold, size: 11 });
    flow.text('Typed signature', box.x, box.y + 4, label);
  } else if (!block.date) {
    flow.text('Not yet signed', box.x, box.y + 4, label);
  }
  flow.y = bottom;
  return {
    x: flow.left,
    y: bottom,
    width: SHARES[0]! * flow.width,
    height: SIGNATURE_BLOCK_HEIGHT,
  };
}
