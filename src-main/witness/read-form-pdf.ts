import { PDFCheckBox, PDFDocument, PDFTextField } from 'pdf-lib';
import { UserError } from '../kernel/user-error';
import { FORM_ID_FIELD, FORM_KEYWORD } from '../shared/form-marks';

export interface ReturnedForm {
  formId: string;
  learnerId: string;
  /** Every text field's value, by field name (blank fields as ''). */
  text: Record<string, string>;
  /** Every check box, by field name. */
  ticked: Record<string, boolean>;
}

function idsFromKeywords(
  keywords: string | undefined,
): { formId: string; learnerId: string } | null {
  if (!keywords?.includes(FORM_KEYWORD)) return null;
  const form = /form:([\w-]+)/.exec(keywords)?.[1];
  const learner = /learner:([\w-]+)/.exec(keywords)?.[1];
  return form && learner ? { formId: form, learnerId: learner } : null;
}

/**
 * Reads a returned fillable form: which form and learner it was made for (the hidden field,
 * or the document's keywords if a reader dropped the field), and what the witness filled in.
 */
export async function readReturnedForm(bytes: Uint8Array): Promise<ReturnedForm> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new UserError(
      'invalid-input',
      'That file could not be read as a PDF. If the witness returned a scan or a photo, attach it and type the fields in instead.',
    );
  }
  const text: Record<string, string> = {};
  const ticked: Record<string, boolean> = {};
  for (const field of pdf.getForm().getFields()) {
    const name = field.getName();
    if (field instanceof PDFTextField) text[name] = (field.getText() ?? '').trim();
    else if (field instanceof PDFCheckBox) ticked[name] = field.isChecked();
  }
  const hidden = /^([\w-]+)\|([\w-]+)$/.exec(text[FORM_ID_FIELD] ?? '');
  const answerable = Object.keys(text).filter((name) => name !== FORM_ID_FIELD).length;
  if (answerable + Object.keys(ticked).length === 0 && pdf.getKeywords()?.includes(FORM_KEYWORD)) {
    // A flattened copy: the witness's answers are printed on the page but no longer in fields.
    throw new UserError(
      'invalid-input',
      'This witness form has no fields left to read: the program that saved it flattened them into the page, so nothing was imported. Ask the witness for the copy saved from their PDF reader, or attach this file and type in what it says (Type in a returned form).',
    );
  }
  const ids = hidden
    ? { formId: hidden[1]!, learnerId: hidden[2]! }
    : idsFromKeywords(pdf.getKeywords());
  if (!ids) {
    throw new UserError(
      'invalid-input',
      'This PDF is not a witness testimony form made by the workbench, so its fields cannot be read. If it is a scan or another form, attach it and type the fields in.',
    );
  }
  delete text[FORM_ID_FIELD];
  return { ...ids, text, ticked };
}
