import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { SlotRect } from '../pdf/signature-slot';
import type { SignOptions } from './sign-options';
import { SIGNATURE_BYTES } from './sign-options';

/** What @signpdf looks for and fills in: `/ByteRange [0 /********** /********** /**********]`. */
const BYTE_RANGE_PLACEHOLDER = '**********';
const PRINT_FLAG = 4;
const SIGNATURES_EXIST = 1;
const APPEND_ONLY = 2;

export interface FieldChanges {
  /** Objects made for the new field: the signature dictionary, the widget, its appearance. */
  created: PDFRef[];
  /** Existing objects the new field had to touch: the page's annotations, the form's fields. */
  modified: PDFRef[];
}

function signatureFieldCount(doc: PDFDocument): number {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  return form?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.size() ?? 0;
}

/** Where a visible signature sits and how it looks there. */
export interface Placement {
  page: PDFPage;
  rect: SlotRect;
  appearance: PDFRef;
}

/** The signature dictionary, with placeholders for @signpdf to fill in. */
function signatureDictionary(doc: PDFDocument, options: SignOptions & { name: string }): PDFRef {
  const { context } = doc;
  const byteRange = context.obj([
    0,
    PDFName.of(BYTE_RANGE_PLACEHOLDER),
    PDFName.of(BYTE_RANGE_PLACEHOLDER),
    PDFName.of(BYTE_RANGE_PLACEHOLDER),
  ]);
  return context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: byteRange,
      Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
      Reason: PDFHexString.fromText(options.reason),
      M: PDFString.fromDate(options.signingTime ?? new Date()),
      Name: PDFHexString.fromText(options.name),
      Location: PDFHexString.fromText(options.location),
      ContactInfo: PDFHexString.fromText(options.contactInfo ?? ''),
      Prop_Build: { App: { Name: 'Assessor_and_Verifier_Workbench' } },
    }),
  );
}

/** Puts the widget on the page's annotations; returns the object that changed. */
function annotate(doc: PDFDocument, page: PDFPage, widgetRef: PDFRef): PDFRef {
  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFArray) {
    annots.push(widgetRef);
    return page.ref;
  }
  if (annots) {
    page.node.lookup(PDFName.of('Annots'), PDFArray).push(widgetRef);
    return annots as PDFRef;
  }
  page.node.set(PDFName.of('Annots'), doc.context.obj([widgetRef]));
  return page.ref;
}

/** Lists the field in the document's form (made if there is none), flagged as signed. */
function addToForm(doc: PDFDocument, widgetRef: PDFRef, created: PDFRef[], modified: PDFRef[]) {
  const { context } = doc;
  const catalogRef = context.trailerInfo.Root as PDFRef;
  const formEntry = doc.catalog.get(PDFName.of('AcroForm'));
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [] });
    const formRef = context.register(form);
    doc.catalog.set(PDFName.of('AcroForm'), formRef);
    created.push(formRef);
    modified.push(catalogRef);
  } else {
    modified.push(formEntry instanceof PDFDict ? catalogRef : (formEntry as PDFRef));
  }
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIGNATURES_EXIST | APPEND_ONLY));
  const fieldsEntry = form.get(PDFName.of('Fields'));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) {
    fields.push(widgetRef);
    if (!(fieldsEntry instanceof PDFArray)) modified.push(fieldsEntry as PDFRef);
  } else {
    form.set(PDFName.of('Fields'), context.obj([widgetRef]));
  }
}

/**
 * Adds a signature field (invisible, or shown in `placement`'s box) whose value is a signature dictionary with empty /ByteRange
 * and /Contents, ready for @signpdf to fill in. Text goes in as UTF-16 hex strings, so a name
 * such as Nguyễn Thị Hoa survives. Says which objects it created and changed, so an incremental
 * update can write exactly those.
 */
export function addSignatureField(
  doc: PDFDocument,
  options: SignOptions & { name: string },
  placement?: Placement,
): FieldChanges {
  const { context } = doc;
  const page = placement?.page ?? doc.getPage(0);
  const signatureRef = signatureDictionary(doc, options);
  // An invisible field still gets an (empty) appearance: PDF/A and some readers want one.
  const appearanceRef =
    placement?.appearance ??
    context.register(context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const rect = placement
    ? [
        placement.rect.x,
        placement.rect.y,
        placement.rect.x + placement.rect.width,
        placement.rect.y + placement.rect.height,
      ]
    : [0, 0, 0, 0];
  const widgetRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: rect,
      V: signatureRef,
      T: PDFHexString.fromText(`Signature${signatureFieldCount(doc) + 1}`),
      F: PRINT_FLAG,
      P: page.ref,
      AP: { N: appearanceRef },
    }),
  );
  const created: PDFRef[] = [signatureRef, widgetRef];
  if (!placement) created.push(appearanceRef);
  const modified: PDFRef[] = [annotate(doc, page, widgetRef)];
  addToForm(doc, widgetRef, created, modified);
  return { created, modified: [...new Set(modified)] };
}
