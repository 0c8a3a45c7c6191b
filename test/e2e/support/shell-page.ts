import type { Page } from '@playwright/test';

/** The app shell's landmarks, kept in one place so specs read as user steps. */
export function shell(page: Page) {
  return {
    workspaceName: page.getByTestId('workspace-name'),
    nav: (label: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }),
    heading: page.getByRole('heading', { level: 1 }),
    learnerTable: page.getByTestId('learner-table'),
    unitList: page.getByTestId('unit-list'),
    unitDetail: page.getByTestId('unit-detail'),
    userSelect: page.getByRole('combobox', { name: 'Current user and role' }),
  };
}
