import type { Page } from '@playwright/test';

/** The learner's Witness testimony tab. */
export function witnessPage(page: Page) {
  return {
    section: page.getByTestId('witness-testimony'),
    makeForm: page.getByTestId('make-witness-form'),
    awaitingRows: page.getByTestId('form-awaiting-row'),
    pdfInput: page.getByTestId('witness-pdf-input'),
    typedFileInput: page.getByTestId('typed-form-file-input'),
    testimonies: page.getByTestId('testimony-card'),
  };
}
