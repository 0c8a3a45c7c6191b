import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  type Table,
  type TableRow,
} from 'docx';
import { answerRow, answerTable, body, heading, table } from '../record/docx/docx-blocks';
import type { FormModel } from './form-model';
import { formMetadata, formParts, type FormPart } from './form-sections';
import type { TemplateField } from './template-schema';
import { criterionLabel } from '../kernel/criterion-key';
import { FORM_KEYWORD } from '../shared/form-marks';

const ACCENT = '1F4073';

function fieldRow(f: TemplateField, values: Record<string, string>): TableRow {
  if (f.kind === 'checkbox')
    return answerRow(`☐  ${f.label}`, 'Write “yes” or tick the box.', '', 400);
  if (f.kind === 'signature')
    return answerRow(f.label, 'Sign by hand or insert a drawn signature.', '', 1100);
  const height = f.kind === 'multiline' ? (f.id === 'description' ? 3600 : 1100) : 420;
  return answerRow(f.label, f.help, values[f.id] ?? '', height);
}

/** One part of the form as Word blocks: a heading, any words under it, then its table. */
function partBlocks(part: FormPart): (Paragraph | Table)[] {
  if (part.kind === 'facts') {
    const columns = [
      { label: 'Field', width: 1 },
      { label: 'Value', width: 2.4 },
    ];
    return [heading(part.title), table(columns, part.rows, false, [0])];
  }
  if (part.kind === 'criteria') {
    const rows = part.criteria.map((c) =>
      answerRow(
        `☐  ${criterionLabel(c.criterionRef, c.partRef)}`,
        c.text,
        'How the work showed this:',
        900,
      ),
    );
    return [heading(part.title), body(part.intro), answerTable(rows)];
  }
  return [
    heading(part.title),
    ...(part.intro ? [body(part.intro)] : []),
    answerTable(part.fields.map((f) => fieldRow(f, part.values))),
  ];
}

/** The centre's logo on the right, its name, the form's title and introduction. */
function headerBlocks(model: FormModel): (Paragraph | Table)[] {
  const t = model.template;
  const logo = t.logo
    ? [
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
      ]
    : [];
  return [
    ...logo,
    new Paragraph({
      children: [new TextRun({ text: model.centreName, bold: true, color: ACCENT })],
    }),
    new Paragraph({
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: t.title, bold: true, size: 34, color: ACCENT })],
    }),
    ...(t.introduction ? [body(t.introduction)] : []),
  ];
}

/** The same form as a Word document to type into, for witnesses who prefer it to a PDF. */
export async function renderFormDocx(model: FormModel): Promise<Uint8Array> {
  const children = [...headerBlocks(model), ...formParts(model).flatMap(partBlocks)];
  const meta = formMetadata(model);
  const document = new Document({
    creator: 'Assessor & Verifier Workbench',
    title: meta.title,
    description: meta.subject,
    keywords: `${FORM_KEYWORD} form:${model.formId} learner:${model.learner.id}`,
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
                    text: meta.footer,
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
