import type { Page } from '@playwright/test';

/** The Records page's controls, by the names people see. */
export function recordsPage(page: Page) {
  const make = page.getByRole('region', { name: 'Make a record' });
  return {
    make,
    learner: make.getByRole('combobox', { name: 'Learner' }),
    kind: make.getByRole('combobox', { name: 'Kind of record' }),
    unit: make.getByRole('combobox', { name: 'Unit' }),
    passphrase: make.getByLabel('Passphrase of your signing identity'),
    makeButton: page.getByTestId('record-make'),
    option: (name: string | RegExp) => page.getByRole('option', { name }),
    preview: page.getByRole('region', { name: /Print preview/ }),
    previewPages: page.getByTestId('record-pages').locator('img'),
    pageCount: page.getByTestId('preview-page-count'),
    issuedRows: page.getByTestId('issued-record'),
    verifyResult: page.getByTestId('verify-result'),
    verifySignatures: page.getByTestId('verify-signatures'),
    verifyEvidence: page.getByTestId('verify-evidence'),
    verifyFileInput: page
      .getByRole('region', { name: 'Verify a record file' })
      .locator('input[type=file]'),
    identities: page.getByTestId('identities'),
  };
}
