import { expect, test } from './support/fixtures';
import { shell } from './support/shell-page';

test.describe('when the last workspace has gone (a USB stick not plugged in)', () => {
  test.use({ workspaceOption: '/media/usb-stick/Northgate centre' });

  test('shows a full-screen error with a retry, then opens the demo centre on request', async ({
    page,
    app,
  }) => {
    await page.goto(app.host.url);
    const alert = page.getByRole('main');
    await expect(
      alert.getByRole('heading', { name: 'The workspace could not be opened' }),
    ).toBeVisible();
    await expect(alert).toContainText(
      'The folder /media/usb-stick/Northgate centre could not be found.',
    );
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(
      alert.getByRole('heading', { name: 'The workspace could not be opened' }),
    ).toBeVisible();

    await alert.getByRole('button', { name: 'Open another workspace' }).click();
    await page.getByRole('button', { name: 'Open the demo centre' }).click();
    await expect(shell(page).workspaceName).toHaveText('Northgate Skills Centre (demo)');
  });
});
