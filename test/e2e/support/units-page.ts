import type { Page } from '@playwright/test';

/** The Units screen: library, importer and qualifications. */
export function unitsPage(page: Page) {
  return {
    tab: (name: 'Library' | 'Import a specification' | 'Qualifications') =>
      page.getByRole('tab', { name }),
    specText: page.getByRole('textbox', { name: 'Specification text' }),
    diagnostics: page.getByTestId('diagnostics'),
    notices: page.getByTestId('import-notices'),
    preview: page.getByTestId('import-preview'),
    save: page.getByRole('button', { name: 'Save to the library' }),
    unitList: page.getByTestId('unit-list'),
    unitDetail: page.getByTestId('unit-detail'),
  };
}
