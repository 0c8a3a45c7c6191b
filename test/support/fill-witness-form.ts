import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { loadRecordFonts } from '../../src-main/record/pdf/fonts';
import { useNativeFlate } from '../../src-main/record/pdf/native-flate';

/**
 * Fills a form the way a witness's PDF reader does: sets field values, redraws them with a
 * Unicode font, and saves the whole file again.
 */
export async function fillForm(
  bytes: Uint8Array,
  text: Record<string, string>,
  ticks: string[],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  pdf.registerFontkit(fontkit);
  useNativeFlate(pdf);
  const form = pdf.getForm();
  for (const [name, value] of Object.entries(text)) form.getTextField(name).setText(value);
  for (const name of ticks) form.getCheckBox(name).check();
  const font = await pdf.embedFont((await loadRecordFonts()).regular, { subset: true });
  form.updateFieldAppearances(font);
  return pdf.save({ updateFieldAppearances: false });
}
