import type { Page } from '@playwright/test';

/** The learner screens' landmarks, so specs read as user steps. */
export function learnerPage(page: Page) {
  return {
    open: (name: string) =>
      page.getByTestId('learner-table').getByRole('button', { name, exact: true }).click(),
    fileInput: page.getByTestId('evidence-file-input'),
    evidenceRow: (title: string) => page.getByTestId('evidence-row').filter({ hasText: title }),
    preview: page.getByTestId('evidence-preview'),
    pdf: page.getByTestId('preview-pdf'),
    criteriaPicker: page.getByTestId('criteria-picker'),
    auditTrail: page.getByTestId('audit-trail'),
    tab: (name: string) => page.getByRole('tab', { name }),
  };
}
