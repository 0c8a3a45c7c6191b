import fontkit from '@pdf-lib/fontkit';
import {
  PDFBool,
  PDFDocument,
  PDFName,
  PDFTextField,
  StandardFonts,
  PDFString,
  type PDFFont,
  type PDFForm,
  type PDFImage,
} from 'pdf-lib';
import { ACCENT, INK, MUTED, PAGE, PageFlow, RULE, type TextStyle } from '../record/pdf/page-flow';
import type { RecordFonts } from '../record/pdf/fonts';
import { printable } from '../record/pdf/wrap-text';
import { howField, type FormModel } from './form-model';
import { formMetadata, formParts, type FormPart } from './form-sections';
import { inkBox, inkImage, inkText } from '../record/pdf/ink';
import { useNativeFlate } from '../record/pdf/native-flate';
import type { TemplateField } from './template-schema';
import { criterionLabel } from '../kernel/criterion-key';
import { FORM_ID_FIELD, FORM_KEYWORD } from '../shared/form-marks';

const FIELD_FONT_SIZE = 10;
/** The name the form's resources give standard Helvetica, as Acrobat names it. */
const HELVETICA = 'Helv';
const LINE = FIELD_FONT_SIZE * 1.5;
const SIGN_HELP = 'Sign inside the box: draw or sign in your PDF reader, or sign the printed page.';

const boxHeight = (f: TemplateField): number =>
  f.kind === 'multiline' ? (f.id === 'description' ? 160 : 54) : LINE + 6;

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

  /** The height of a field's label and help text, as `label` prints them. */
  labelHeight(text: string, help: string): number {
    const lines = this.flow.wrap(text, this.flow.width, this.style(9, true)).length * 12;
    const helpLines = help ? this.flow.wrap(help, this.flow.width, this.style(8)).length * 10.5 : 0;
    return lines + helpLines + 2;
  }

  /** The height a template field takes: its label with its box, kept on one page together. */
  fieldHeight(f: TemplateField): number {
    if (f.kind === 'checkbox')
      return this.flow.wrap(f.label, this.flow.width - 22, this.style(10)).length * 13 + 6;
    if (f.kind === 'signature') return 56 + 24 + this.labelHeight(f.label, SIGN_HELP);
    return this.labelHeight(f.label, f.help) + boxHeight(f) + 8;
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
    this.flow.ensure(height + 24 + this.labelHeight(label, SIGN_HELP));
    this.label(label, SIGN_HELP);
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
    const footer = printable(formMetadata(model).footer);
    inkText(page, footer, PAGE.marginLeft, 34, { font: regular, size: 7.5, color: MUTED });
    const number = `Page ${i + 1} of ${pages.length}`;
    const x = PAGE.width - PAGE.marginRight - regular.widthOfTextAtSize(number, 8);
    inkText(page, number, x, 34, { font: regular, size: 8, color: MUTED });
  });
}

/**
 * What a reader needs to draw what a witness types. Our own appearances (the pre-filled values)
 * are drawn with the embedded DejaVu Sans, so every name prints as written. The default
 * appearance that other programs redraw filled fields with names standard Helvetica, which every
 * reader and filler (pdftk among them) can draw; DejaVu Sans stays in the resources for those
 * that use it. NeedAppearances asks a reader to redraw any field whose value changed.
 */
async function askReadersToRedraw(pdf: PDFDocument, form: PDFForm, unicode: PDFFont) {
  form.updateFieldAppearances(unicode);
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
  // The tick boxes name ZapfDingbats for their tick, as readers that redraw them expect.
  const dingbats = await pdf.embedFont(StandardFonts.ZapfDingbats);
  const da = `/${HELVETICA} ${FIELD_FONT_SIZE} Tf 0 g`;
  for (const field of form.getFields()) {
    if (!(field instanceof PDFTextField)) continue;
    field.acroField.setDefaultAppearance(da);
    for (const widget of field.acroField.getWidgets()) widget.setDefaultAppearance(da);
  }
  form.acroForm.dict.set(
    PDFName.of('DR'),
    pdf.context.obj({
      Font: { [HELVETICA]: helvetica.ref, ZaDb: dingbats.ref, [unicode.name]: unicode.ref },
    }),
  );
  form.acroForm.dict.set(PDFName.of('DA'), PDFString.of(da));
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
}

/** The title, the introduction and the learner's and unit's facts, at the top of page 1. */
function drawHeader(writer: FormWriter, model: FormModel): void {
  const { flow } = writer;
  const { regular, bold } = writer.fonts;
  const t = model.template;
  flow.y = PAGE.height - 100;
  flow.paragraph(t.title, { font: bold, size: 17, color: ACCENT }, 22);
  flow.gap(4);
  if (t.introduction) flow.paragraph(t.introduction, { font: regular, size: 9.5 }, 13);
}

function drawFacts(writer: FormWriter, part: Extract<FormPart, { kind: 'facts' }>): void {
  const { flow } = writer;
  const { regular, bold } = writer.fonts;
  flow.heading(part.title, 60);
  for (const [name, value] of part.rows) {
    const lines = flow.wrap(value, flow.width - 90, { font: regular, size: 10 });
    flow.ensure(lines.length * 14);
    flow.text(name, flow.left, flow.y - 11, { font: bold, size: 10 });
    lines.forEach((line, i) =>
      flow.text(line, flow.left + 90, flow.y - 11 - i * 14, { font: regular, size: 10 }),
    );
    flow.y -= lines.length * 14 + 2;
  }
}

function drawFields(writer: FormWriter, part: Extract<FormPart, { kind: 'fields' }>): void {
  const { flow } = writer;
  const introStyle = { font: writer.fonts.regular, size: 9.5 };
  const intro = part.intro ? flow.wrap(part.intro, flow.width, introStyle).length * 13 + 6 : 0;
  // A heading is never left at the foot of a page: it keeps its first field with it.
  flow.heading(part.title, intro + writer.fieldHeight(part.fields[0]!));
  if (part.intro) {
    flow.paragraph(part.intro, introStyle, 13);
    flow.gap(6);
  }
  for (const f of part.fields) {
    if (f.kind === 'checkbox') writer.checkBox(f.id, f.label);
    else if (f.kind === 'signature') writer.signatureArea(f.label);
    else {
      // The label and its box stay on one page.
      flow.ensure(writer.fieldHeight(f));
      writer.label(f.label, f.help);
      writer.textField(f.id, boxHeight(f), part.values[f.id] ?? '', f.kind === 'multiline');
    }
  }
}

function drawCriteria(writer: FormWriter, part: Extract<FormPart, { kind: 'criteria' }>): void {
  const { flow } = writer;
  const introStyle = { font: writer.fonts.regular, size: 9.5 };
  flow.heading(part.title, flow.wrap(part.intro, flow.width, introStyle).length * 13 + 6 + 90);
  flow.paragraph(part.intro, introStyle, 13);
  flow.gap(6);
  for (const c of part.criteria) {
    // A criterion and the space to say how it was shown stay on one page.
    flow.ensure(90);
    writer.checkBox(c.field, `${criterionLabel(c.criterionRef, c.partRef)}  ${c.text}`);
    flow.y += 2;
    writer.textField(howField(c.field), 34, '', true);
  }
}

/** The hidden field that carries the form's and the learner's ids, so a returned form is known. */
function addIdField(writer: FormWriter, model: FormModel): void {
  const id = writer.form.createTextField(FORM_ID_FIELD);
  id.setText(`${model.formId}|${model.learner.id}`);
  id.addToPage(writer.flow.pages[0]!, {
    x: 0,
    y: 0,
    width: 1,
    height: 1,
    hidden: true,
    font: writer.fonts.regular,
  });
  id.enableReadOnly();
}

function setMetadata(pdf: PDFDocument, model: FormModel): void {
  const when = new Date(model.generatedAt);
  const meta = formMetadata(model);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setKeywords([FORM_KEYWORD, `form:${model.formId}`, `learner:${model.learner.id}`]);
  pdf.setCreator('Assessor & Verifier Workbench');
  pdf.setProducer('Assessor & Verifier Workbench (pdf-lib)');
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
}

/**
 * A witness testimony form any PDF reader can fill and save: text fields, a check box per
 * criterion, a signature area. Our own field appearances print with the embedded DejaVu Sans
 * (not subset, so every name has a glyph); readers that redraw fields use standard Helvetica
 * (`askReadersToRedraw`). A hidden field carries the form and learner ids.
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
  const { logo: image } = model.template;
  const logo = image
    ? await (image.mediaType === 'image/png' ? pdf.embedPng(image.data) : pdf.embedJpg(image.data))
    : null;

  drawHeader(writer, model);
  for (const part of formParts(model)) {
    if (part.kind === 'facts') drawFacts(writer, part);
    else if (part.kind === 'fields') drawFields(writer, part);
    else drawCriteria(writer, part);
  }
  addIdField(writer, model);
  drawLogo(writer, logo);
  drawFurniture(writer, model);
  await askReadersToRedraw(pdf, form, embedded.regular);
  setMetadata(pdf, model);
  return pdf.save({ updateFieldAppearances: false, useObjectStreams: false });
}
