import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFName,
  PDFString,
  type PDFFont,
  type PDFForm,
  type PDFImage,
  type PDFTextField,
} from 'pdf-lib';
import { ACCENT, INK, MUTED, PAGE, PageFlow, RULE, type TextStyle } from '../record/pdf/page-flow';
import type { RecordFonts } from '../record/pdf/fonts';
import { printable } from '../record/pdf/wrap-text';
import {
  criterionLabel,
  FORM_ID_FIELD,
  FORM_KEYWORD,
  howField,
  type FormModel,
} from './form-model';
import { inkBox, inkImage, inkText } from '../record/pdf/ink';
import { useNativeFlate } from '../record/pdf/native-flate';
import type { TemplateField } from './template-schema';
import { formatDate } from '../shared/dates';
import { unitLabel } from '../unit/unit-label';

const FIELD_FONT_SIZE = 10;
const LINE = FIELD_FONT_SIZE * 1.5;

const sectionTitles: Record<TemplateField['section'], string> = {
  activity: 'The activity you saw',
  witness: 'About you',
  declaration: 'Declaration',
  assessor: 'For the assessor: authenticity check',
};

/** Values the form starts with: who the assessor asked, so the witness only corrects them. */
function prefill(model: FormModel): Record<string, string> {
  const w = model.witness;
  return w
    ? {
        witnessName: w.name,
        jobTitle: w.jobTitle,
        relationship: w.relationship,
        contact: w.contact,
        competence: w.competence,
      }
    : {};
}

class FormWriter {
  readonly flow: PageFlow;

  constructor(
    readonly pdf: PDFDocument,
    readonly form: PDFForm,
    readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.flow = new PageFlow(pdf, fonts);
  }

  private style(size: number, bold = false, color = INK): TextStyle {
    return { font: bold ? this.fonts.bold : this.fonts.regular, size, color };
  }

  label(text: string, help: string): void {
    this.flow.paragraph(text, this.style(9, true), 12);
    if (help) this.flow.paragraph(help, this.style(8, false, MUTED), 10.5);
    this.flow.y -= 2;
  }

  textField(name: string, height: number, value = '', multiline = false): PDFTextField {
    this.flow.ensure(height + 4);
    const field = this.form.createTextField(name);
    if (multiline) field.enableMultiline();
    if (value) field.setText(printable(value));
    field.addToPage(this.flow.page, {
      x: this.flow.left,
      y: this.flow.y - height,
      width: this.flow.width,
      height,
      font: this.fonts.regular,
      borderColor: RULE,
      borderWidth: 0.8,
    });
    field.setFontSize(FIELD_FONT_SIZE);
    this.flow.y -= height + 8;
    return field;
  }

  checkBox(name: string, label: string, x = this.flow.left): void {
    const lines = this.flow.wrap(
      label,
      this.flow.width - (x - this.flow.left) - 22,
      this.style(10),
    );
    this.flow.ensure(lines.length * 13 + 6);
    const box = this.form.createCheckBox(name);
    box.addToPage(this.flow.page, {
      x,
      y: this.flow.y - 13,
      width: 12,
      height: 12,
      borderColor: INK,
      borderWidth: 0.8,
    });
    lines.forEach((line, i) => {
      this.flow.text(line, x + 20, this.flow.y - 10.5 - i * 13, this.style(10));
    });
    this.flow.y -= lines.length * 13 + 6;
  }

  signatureArea(label: string): void {
    const height = 56;
    this.flow.ensure(height + 24);
    this.label(
      label,
      'Sign inside the box: draw or sign in your PDF reader, or sign the printed page.',
    );
    inkBox(this.flow.page, {
      x: this.flow.left,
      y: this.flow.y - height,
      width: this.flow.width * 0.6,
      height,
      border: { color: INK, width: 1 },
    });
    this.flow.y -= height + 10;
  }
}

function drawLogo(writer: FormWriter, logo: PDFImage | null): void {
  if (!logo) return;
  const scale = Math.min(110 / logo.width, 46 / logo.height);
  inkImage(writer.flow.pages[0]!, logo, {
    x: PAGE.width - PAGE.marginRight - logo.width * scale,
    y: PAGE.height - 40 - logo.height * scale,
    width: logo.width * scale,
    height: logo.height * scale,
  });
}

function drawFurniture(writer: FormWriter, model: FormModel): void {
  const { pages } = writer.flow;
  const regular = writer.fonts.regular;
  const bold = writer.fonts.bold;
  pages.forEach((page, i) => {
    inkText(page, printable(model.centreName), PAGE.marginLeft, PAGE.height - 40, {
      font: bold,
      size: 10.5,
      color: ACCENT,
    });
    const footer = printable(`${model.learner.name} · ${model.unit.ref} · form ${model.formId}`);
    inkText(page, footer, PAGE.marginLeft, 34, { font: regular, size: 7.5, color: MUTED });
    const number = `Page ${i + 1} of ${pages.length}`;
    const x = PAGE.width - PAGE.marginRight - regular.widthOfTextAtSize(number, 8);
    inkText(page, number, x, 34, { font: regular, size: 8, color: MUTED });
  });
}

/**
 * A witness testimony form any PDF reader can fill and save: text fields, a check box per
 * criterion, a signature area. The fields print with the embedded DejaVu Sans (not subset, so
 * whatever the witness types has a glyph) and the form names it as its default font, so
 * readers that redraw fields use it too. A hidden field carries the form and learner ids.
 */
export async function renderFormPdf(model: FormModel, fonts: RecordFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  useNativeFlate(pdf);
  const embedded = {
    regular: await pdf.embedFont(fonts.regular, { subset: false, customName: 'DejaVuSans' }),
    bold: await pdf.embedFont(fonts.bold, { subset: true, customName: 'AVWBLD+DejaVuSans-Bold' }),
  };
  const form = pdf.getForm();
  const writer = new FormWriter(pdf, form, embedded);
  const { flow } = writer;
  const t = model.template;
  const logo = t.logo
    ? await (t.logo.mediaType === 'image/png'
        ? pdf.embedPng(t.logo.data)
        : pdf.embedJpg(t.logo.data))
    : null;

  flow.y = PAGE.height - 100;
  flow.paragraph(t.title, { font: embedded.bold, size: 17, color: ACCENT }, 22);
  flow.gap(4);
  if (t.introduction) flow.paragraph(t.introduction, { font: embedded.regular, size: 9.5 }, 13);

  flow.heading('Learner and unit', 60);
  const facts: [string, string][] = [
    ['Learner', model.learner.name],
    ['ULN', model.learner.uln],
    ['Unit', unitLabel(model.unit.ref, model.unit.title)],
    ['Assessor', model.assessorName],
    ['Form made', formatDate(model.generatedAt)],
  ];
  for (const [name, value] of facts) {
    const lines = flow.wrap(value, flow.width - 90, { font: embedded.regular, size: 10 });
    flow.ensure(lines.length * 14);
    flow.text(name, flow.left, flow.y - 11, { font: embedded.bold, size: 10 });
    lines.forEach((line, i) =>
      flow.text(line, flow.left + 90, flow.y - 11 - i * 14, { font: embedded.regular, size: 10 }),
    );
    flow.y -= lines.length * 14 + 2;
  }

  const values = prefill(model);
  const drawFields = (section: TemplateField['section']) => {
    const fields = t.fields.filter((f) => f.section === section);
    if (!fields.length) return;
    flow.heading(sectionTitles[section], 50);
    if (section === 'declaration' && t.declaration) {
      flow.paragraph(t.declaration, { font: embedded.regular, size: 9.5 }, 13);
      flow.gap(6);
    }
    for (const f of fields) {
      if (f.kind === 'checkbox') writer.checkBox(f.id, f.label);
      else if (f.kind === 'signature') writer.signatureArea(f.label);
      else {
        writer.label(f.label, f.help);
        const height = f.kind === 'multiline' ? (f.id === 'description' ? 160 : 54) : LINE + 6;
        writer.textField(f.id, height, values[f.id] ?? '', f.kind === 'multiline');
      }
    }
  };

  drawFields('activity');
  flow.heading('Criteria your account covers', 60);
  flow.paragraph(
    'Tick each criterion you saw the learner meet, and say how the work you describe shows it.',
    { font: embedded.regular, size: 9.5 },
    13,
  );
  flow.gap(6);
  for (const c of model.criteria) {
    // A criterion and the space to say how it was shown stay on one page.
    flow.ensure(90);
    writer.checkBox(c.field, `${criterionLabel(c)}  ${c.text}`);
    flow.y += 2;
    writer.textField(howField(c.field), 34, '', true);
  }
  drawFields('witness');
  drawFields('declaration');
  drawFields('assessor');

  const id = form.createTextField(FORM_ID_FIELD);
  id.setText(`${model.formId}|${model.learner.id}`);
  id.addToPage(flow.pages[0]!, {
    x: 0,
    y: 0,
    width: 1,
    height: 1,
    hidden: true,
    font: embedded.regular,
  });
  id.enableReadOnly();

  drawLogo(writer, logo);
  drawFurniture(writer, model);
  form.updateFieldAppearances(embedded.regular);
  form.acroForm.dict.set(
    PDFName.of('DR'),
    pdf.context.obj({ Font: { [embedded.regular.name]: embedded.regular.ref } }),
  );
  form.acroForm.dict.set(
    PDFName.of('DA'),
    PDFString.of(`/${embedded.regular.name} ${FIELD_FONT_SIZE} Tf 0 g`),
  );

  const when = new Date(model.generatedAt);
  pdf.setTitle(`${t.title}: ${model.learner.name}, ${model.unit.ref}`, {
    showInWindowTitleBar: true,
  });
  pdf.setSubject(`Witness testimony form ${model.formId} for learner ${model.learner.id}`);
  pdf.setKeywords([FORM_KEYWORD, `form:${model.formId}`, `learner:${model.learner.id}`]);
  pdf.setCreator('Assessor & Verifier Workbench');
  pdf.setProducer('Assessor & Verifier Workbench (pdf-lib)');
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  return pdf.save({ updateFieldAppearances: false, useObjectStreams: false });
}
