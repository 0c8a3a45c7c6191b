import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  body,
  CELL_BORDER,
  CELL_MARGINS,
  CELL_SHADING,
  heading,
  table,
  TEXT_WIDTH_TWIPS,
} from '../record/docx/docx-blocks';
import { prefilledValues, type FormModel } from './form-model';
import type { TemplateField } from './template-schema';
import { formatDate } from '../kernel/dates';
import { unitLabel } from '../kernel/unit-label';
import { criterionLabel } from '../kernel/criterion-key';

const BORDER = CELL_BORDER;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const SHADE = CELL_SHADING;
const MARGINS = CELL_MARGINS;
const LABEL_WIDTH = Math.round(TEXT_WIDTH_TWIPS * 0.34);

const sectionTitles: Record<TemplateField['section'], string> = {
  activity: 'The activity you saw',
  witness: 'About you',
  declaration: 'Declaration',
  assessor: 'For the assessor: authenticity check',
};

function textCell(
  lines: string[],
  width: number,
  options: { bold?: boolean; shaded?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    borders: BORDERS,
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

/** A label beside a space to type into; taller for the longer answers. */
function answerRow(label: string, help: string, value: string, height: number): TableRow {
  return new TableRow({
    cantSplit: true,
    height: { value: height, rule: HeightRule.ATLEAST },
    children: [
      textCell(help ? [label, help] : [label], LABEL_WIDTH, { bold: true, shaded: true }),
      textCell([value], TEXT_WIDTH_TWIPS - LABEL_WIDTH),
    ],
  });
}

function answers(rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH_TWIPS - LABEL_WIDTH],
    rows,
  });
}

function fieldRows(model: FormModel, fields: TemplateField[]): TableRow[] {
  const values = prefilledValues(model);
  return fields.map((f) => {
    if (f.kind === 'checkbox')
      return answerRow(`☐  ${f.label}`, 'Write “yes” or tick the box.', '', 400);
    if (f.kind === 'signature')
      return answerRow(f.label, 'Sign by hand or insert a drawn signature.', '', 1100);
    const height = f.kind === 'multiline' ? (f.id === 'description' ? 3600 : 1100) : 420;
    return answerRow(f.label, f.help, values[f.id] ?? '', height);
  });
}

/** The same form as a Word document to type into, for witnesses who prefer it to a PDF. */
export async function renderFormDocx(model: FormModel): Promise<Uint8Array> {
  const t = model.template;
  const children: (Paragraph | Table)[] = [];
  if (t.logo) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new ImageRun({
            type: t.logo.mediaType === 'image/png' ? 'png' : 'jpg',
            data: Buffer.from(t.logo.data, 'base64'),
            transformation: { width: 120, height: 50 },
          }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({
      children: [new TextRun({ text: model.centreName, bold: true, color: '1F4073' })],
    }),
    new Paragraph({
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: t.title, bold: true, size: 34, color: '1F4073' })],
    }),
  );
  if (t.introduction) children.push(body(t.introduction));
  children.push(
    heading('Learner and unit'),
    table(
      [
        { label: 'Field', width: 1 },
        { label: 'Value', width: 2.4 },
      ],
      [
        ['Learner', model.learner.name],
        ['ULN', model.learner.uln],
        ['Unit', unitLabel(model.unit.ref, model.unit.title)],
        ['Assessor', model.assessorName],
        ['Form made', formatDate(model.generatedAt)],
      ],
      false,
      [0],
    ),
  );
  const section = (name: TemplateField['section']) => {
    const fields = t.fields.filter((f) => f.section === name);
    if (!fields.length) return;
    children.push(heading(sectionTitles[name]));
    if (name === 'declaration' && t.declaration) children.push(body(t.declaration));
    children.push(answers(fieldRows(model, fields)));
  };
  section('activity');
  children.push(
    heading('Criteria your account covers'),
    body(
      'Tick each criterion you saw the learner meet, and say how the work you describe shows it.',
    ),
    answers(
      model.criteria.map((c) =>
        answerRow(
          `☐  ${criterionLabel(c.criterionRef, c.partRef)}`,
          c.text,
          'How the work showed this:',
          900,
        ),
      ),
    ),
  );
  section('witness');
  section('declaration');
  section('assessor');

  const document = new Document({
    creator: 'Assessor & Verifier Workbench',
    title: `${t.title}: ${model.learner.name}, ${model.unit.ref}`,
    description: `Witness testimony form ${model.formId} for learner ${model.learner.id}`,
    keywords: `witness-testimony-form form:${model.formId} learner:${model.learner.id}`,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 19 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: `${model.learner.name} · ${model.unit.ref} · form ${model.formId}`,
                    size: 15,
                    color: '5C6169',
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
