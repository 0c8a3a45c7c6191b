import type {
  DeclarationsSection,
  FieldsSection,
  IqaSection,
  ParagraphsSection,
  RecordSection,
  TableSection,
} from '../model/record-document';
import type { EmbedPng } from './draw-signature';
import { SIGNATURE_BLOCK_HEIGHT, drawSignatureBlock } from './draw-signature';
import { drawTable, tableLeadHeight } from './draw-table';
import { markIqaSlot } from './signature-slot';
import type { PageFlow } from './page-flow';
import { INK, MUTED } from './page-flow';

const BODY_SIZE = 9.5;

/** Label and value pairs, two pairs to a row, like the boxes at the top of a paper form. */
export function drawFields(
  flow: PageFlow,
  section: Pick<FieldsSection, 'heading' | 'fields'>,
): void {
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < section.fields.length; i += 2) {
    const [a, b] = [section.fields[i], section.fields[i + 1]];
    pairs.push([a?.label ?? '', a?.value ?? '', b?.label ?? '', b?.value ?? '']);
  }
  const label = { label: '', width: 17 };
  const value = { label: '', width: 33 };
  if (section.heading) {
    const only = section.fields[0];
    const lead = pairs.length
      ? tableLeadHeight(flow, {
          columns: [label, value, label, value],
          rows: pairs,
          header: false,
          size: 9,
          labelColumns: [0, 2],
        })
      : only
        ? tableLeadHeight(flow, {
            columns: [label, { label: '', width: 83 }],
            rows: [[only.label, only.value]],
            header: false,
            size: 9,
            labelColumns: [0],
          })
        : 0;
    flow.heading(section.heading, lead);
  }
  if (pairs.length > 0) {
    drawTable(flow, {
      columns: [label, value, label, value],
      rows: pairs,
      header: false,
      size: 9,
      labelColumns: [0, 2],
    });
  }
  // An odd field out spans the full width rather than leaving an empty pair of boxes.
  const last = section.fields.length % 2 === 1 ? section.fields.at(-1) : undefined;
  if (last) {
    drawTable(flow, {
      columns: [label, { label: '', width: 83 }],
      rows: [[last.label, last.value]],
      header: false,
      size: 9,
      labelColumns: [0],
    });
  }
}

export function drawTableSection(flow: PageFlow, section: TableSection): void {
  if (section.heading) {
    const lead =
      section.rows.length === 0
        ? BODY_SIZE * 1.4 * 2
        : tableLeadHeight(flow, { columns: section.columns, rows: section.rows, header: true });
    flow.heading(section.heading, lead);
  }
  if (section.rows.length === 0) {
    flow.paragraph(section.emptyText ?? 'None.', {
      font: flow.fonts.regular,
      size: BODY_SIZE,
      color: MUTED,
    });
    return;
  }
  drawTable(flow, { columns: section.columns, rows: section.rows, header: true });
}

export function drawParagraphs(flow: PageFlow, section: ParagraphsSection): void {
  // The heading keeps at least the first two lines of what it heads.
  flow.heading(section.heading, BODY_SIZE * 1.4 * 2);
  if (section.paragraphs.every((p) => p.trim() === '')) {
    flow.paragraph(section.emptyText ?? 'None.', {
      font: flow.fonts.regular,
      size: BODY_SIZE,
      color: MUTED,
    });
    return;
  }
  section.paragraphs.forEach((paragraph, i) => {
    if (i > 0) flow.gap(4);
    flow.paragraph(paragraph, { font: flow.fonts.regular, size: BODY_SIZE, color: INK });
  });
}

export async function drawDeclarations(
  flow: PageFlow,
  section: DeclarationsSection,
  embedPng: EmbedPng,
): Promise<void> {
  const style = { font: flow.fonts.regular, size: 9, color: INK };
  const first = section.declarations[0]!;
  // The heading stays with the first statement and its signature box, never alone.
  flow.heading(
    section.heading,
    flow.wrap(first.statement, flow.width, style).length * 12.6 + 4 + SIGNATURE_BLOCK_HEIGHT,
  );
  for (const [i, declaration] of section.declarations.entries()) {
    if (i > 0) flow.gap(10);
    const lines = flow.wrap(declaration.statement, flow.width, style);
    // A statement printed on one page and its signature on the next would not read as signed.
    flow.ensure(lines.length * 12.6 + 4 + SIGNATURE_BLOCK_HEIGHT);
    flow.paragraph(declaration.statement, style, 12.6);
    flow.gap(4);
    await drawSignatureBlock(flow, declaration.signature, embedPng);
  }
}

export async function drawIqa(
  flow: PageFlow,
  section: IqaSection,
  embedPng: EmbedPng,
): Promise<void> {
  flow.heading(section.heading, 60);
  drawFields(flow, { fields: section.fields });
  if (section.comments) {
    flow.gap(6);
    flow.paragraph(section.comments, { font: flow.fonts.regular, size: BODY_SIZE, color: INK });
  }
  // Always a signature box, blank until the IQA signs, so a countersignature added later has
  // its place on the page: the signature cell beside the IQA's name and date, or the whole
  // blank row when the record was made before the IQA had reviewed the unit.
  flow.gap(8);
  const box = await drawSignatureBlock(
    flow,
    section.signature ?? { name: '', role: 'Internal quality assurer', date: null },
    embedPng,
  );
  markIqaSlot(flow.page, section.signature ? box : { ...box, width: flow.width });
}

export async function drawSection(
  flow: PageFlow,
  section: RecordSection,
  embedPng: EmbedPng,
): Promise<void> {
  switch (section.type) {
    case 'fields':
      drawFields(flow, section);
      return;
    case 'table':
      drawTableSection(flow, section);
      return;
    case 'paragraphs':
      drawParagraphs(flow, section);
      return;
    case 'declarations':
      await drawDeclarations(flow, section, embedPng);
      return;
    case 'iqa':
      await drawIqa(flow, section, embedPng);
      return;
  }
}
