import {
  BorderStyle,
  HeadingLevel,
  HeightRule,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from '../build/record-common';
import type { RecordSection, SignatureBlock } from '../model/record-document';

/** A4 less 2 cm margins each side, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;

/** How every table cell in the workbench's Word documents is drawn: records and witness forms. */
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8C9199' };
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF1' };
const MARGINS = { top: 60, bottom: 60, left: 90, right: 90 };

const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** The label column of an answer table: a third of the page. */
const LABEL_WIDTH = Math.round(TEXT_WIDTH_TWIPS * 0.34);
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** A cell whose first line is the text and any further lines smaller and muted (help). */
function answerCell(
  lines: string[],
  width: number,
  options: { bold?: boolean; shaded?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    borders: CELL_BORDERS,
    ...(options.shaded ? { shading: SHADE } : {}),
    children: lines.map(
      (line, i) =>
        new Paragraph({
          children: [
            new TextRun({
              text: line,
              bold: (options.bold ?? false) && i === 0,
              size: i === 0 ? 18 : 15,
              color: i === 0 ? undefined : '5C6169',
            }),
          ],
        }),
    ),
  });
}

/** A label (with its help below) beside a space to type into, at least `height` tall. */
export function answerRow(label: string, help: string, value: string, height: number): TableRow {
  return new TableRow({
    cantSplit: true,
    height: { value: height, rule: HeightRule.ATLEAST },
    children: [
      answerCell(help ? [label, help] : [label], LABEL_WIDTH, { bold: true, shaded: true }),
      answerCell([value], TEXT_WIDTH_TWIPS - LABEL_WIDTH),
    ],
  });
}

/** A form's questions as a table: labels on the left, answers on the right. */
export function answerTable(rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH_TWIPS - LABEL_WIDTH],
    rows,
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    text,
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 80 },
    keepNext: true,
  });
}

export function body(
  text: string,
  options: { muted?: boolean; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    keepNext: options.keepNext ?? false,
    children: text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : 0,
          color: options.muted ? '5C6169' : undefined,
        }),
    ),
  });
}

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; shaded?: boolean; keepNext?: boolean; size?: number } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    ...(options.shaded ? { shading: SHADE } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          keepNext: options.keepNext ?? false,
          children: [
            new TextRun({ text: line, bold: options.bold ?? false, size: options.size ?? 17 }),
          ],
        }),
    ),
  });
}

function widthsOf(shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.round((s / total) * TEXT_WIDTH_TWIPS));
}

/** A real Word table whose heading row repeats at the top of each page it runs onto. */
export function table(
  columns: { label: string; width: number }[],
  rows: string[][],
  header = true,
  labelColumns: number[] = [],
  /** Columns whose text must stay on one line (a SHA-256): printed small enough to fit. */
  smallColumns: number[] = [],
): Table {
  const widths = widthsOf(columns.map((c) => c.width));
  const labels = new Set(labelColumns);
  const small = new Set(smallColumns);
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      ...(header
        ? [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              // The headings stay on the page of the first row.
              children: columns.map((c, i) =>
                cell(c.label, widths[i] ?? 0, { bold: true, shaded: true, keepNext: true }),
              ),
            }),
          ]
        : []),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: widths.map((w, i) =>
              cell(row[i] ?? '', w, {
                ...(labels.has(i) ? { bold: true, shaded: true } : {}),
                ...(small.has(i) ? { size: 14 } : {}),
              }),
            ),
          }),
      ),
    ],
  });
}

export function fieldsTable(fields: { label: string; value: string }[]): Table[] {
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    pairs.push([fields[i]!.label, fields[i]!.value, fields[i + 1]!.label, fields[i + 1]!.value]);
  }
  const out: Table[] = [];
  if (pairs.length > 0) {
    out.push(
      table(
        [
          { label: '', width: 17 },
          { label: '', width: 33 },
          { label: '', width: 17 },
          { label: '', width: 33 },
        ],
        pairs,
        false,
        [0, 2],
      ),
    );
  }
  const last = fields.length % 2 === 1 ? fields.at(-1) : undefined;
  if (last)
    out.push(
      table(
        [
          { label: '', width: 17 },
          { label: '', width: 83 },
        ],
        [[last.label, last.value]],
        false,
        [0],
      ),
    );
  return out;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function signatureTable(block: SignatureBlock): Table {
  const widths = widthsOf([40, 25, 20, 15]);
  const label = (text: string): Paragraph =>
    new Paragraph({ children: [new TextRun({ text, size: 14, color: '5C6169' })] });
  const value = (text: string): Paragraph =>
    new Paragraph({ children: [new TextRun({ text, bold: true, size: 18 })] });
  let signature: Paragraph;
  if (block.drawnPng) {
    const { width, height } = pngSize(block.drawnPng);
    const scale = Math.min(190 / width, 50 / height);
    signature = new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: block.drawnPng,
          transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        }),
      ],
    });
  } else if (block.typedName) {
    signature = new Paragraph({
      children: [
        new TextRun({ text: block.typedName, bold: true, size: 22 }),
        new TextRun({ text: '  (typed signature)', size: 14, color: '5C6169' }),
      ],
    });
  } else {
    signature = new Paragraph({
      children: [
        new TextRun({ text: block.date ? '' : 'Not yet signed', size: 14, color: '5C6169' }),
      ],
    });
  }
  const cells = [
    [label('Signature'), signature],
    [label('Name'), value(block.name)],
    [label('Role'), value(block.role)],
    [label('Date'), value(block.date ? formatDate(block.date) : '')],
  ];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: 1100, rule: 'atLeast' },
        children: cells.map(
          (children, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              margins: MARGINS,
              children,
            }),
        ),
      }),
    ],
  });
}

export function sectionBlocks(section: RecordSection): (Paragraph | Table)[] {
  switch (section.type) {
    case 'fields':
      return [
        ...(section.heading ? [heading(section.heading)] : []),
        ...fieldsTable(section.fields),
      ];
    case 'table':
      return [
        ...(section.heading ? [heading(section.heading)] : []),
        section.rows.length === 0
          ? body(section.emptyText ?? 'None.', { muted: true })
          : table(section.columns, section.rows),
      ];
    case 'paragraphs': {
      const paragraphs = section.paragraphs.filter((p) => p.trim() !== '');
      return [
        heading(section.heading),
        ...(paragraphs.length === 0
          ? [body(section.emptyText ?? 'None.', { muted: true })]
          : paragraphs.map((p) => body(p))),
      ];
    }
    case 'declarations':
      return [
        heading(section.heading),
        ...section.declarations.flatMap((d) => [
          body(d.statement, { keepNext: true }),
          signatureTable(d.signature),
          new Paragraph({ text: '' }),
        ]),
      ];
    case 'iqa':
      return [
        heading(section.heading),
        ...fieldsTable(section.fields),
        ...(section.comments ? [new Paragraph({ text: '' }), body(section.comments)] : []),
        ...(section.signature
          ? [new Paragraph({ text: '' }), signatureTable(section.signature)]
          : []),
      ];
  }
}
