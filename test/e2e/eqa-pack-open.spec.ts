import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { demoEqa } from '../../src-main/demo/demo-people';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { checkPackFolder } from '../../src-main/visit-pack/verify-pack';
import { pdfsigVerdicts, runTool } from '../support/record/system-tools';
import { expect, test } from './support/fixtures';
import { signedPackOfPlan } from './support/eqa-visit-pack';
import { seriousViolations } from './support/sampling-page';

/** Every file of a folder with its SHA-256: what opening the pack must leave as it was. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    out[file] = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(file))
          .digest('hex')
      : 'folder';
  }
  return out;
}

test('the EQA opens a visit pack by its path, reads a learner’s work and signs their report from it', async ({
  page,
  app,
}) => {
  // The demo centre's IQA makes a signed pack of the plan's samples.
  const { pack, data } = await signedPackOfPlan(app, false);
  const learner = data.learners.find((l) => l.evidence.some((e) => e.file))!;
  const evidence = learner.evidence.find((e) => e.file)!;
  const before = await filesOf(pack);

  // Opened by typing its path, as any workspace is.
  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Change workspace' }).click();
  const chooser = page.getByRole('dialog');
  await chooser.getByRole('textbox', { name: 'Workspace folder' }).fill(pack);
  await chooser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `EQA visit pack of ${data.centre.name}`,
  );
  await expect(page.getByTestId('pack-check')).toContainText('The pack checks out');
  await expect(page.getByTestId('pack-check')).toContainText('signed by Margaret Ellis');
  expect(await seriousViolations(page)).toEqual([]);

  // A learner's unit: its criteria with decisions, and an evidence file opened in place.
  const unit = learner.units[0]!;
  await page
    .getByRole('navigation', { name: 'Learners and units sampled' })
    .getByRole('button', { name: new RegExp(`^${learner.name}`) })
    .first()
    .click();
  const shown = page.getByTestId('pack-unit');
  await expect(shown.getByRole('heading', { level: 2 })).toContainText(learner.name);
  const target = unit.outcomes[0]!.targets[0]!;
  await expect(shown.getByTestId('pack-criteria')).toContainText(target.text);
  await shown
    .getByTestId('pack-evidence')
    .getByRole('button', { name: `Open evidence ${evidence.ref}, ${evidence.title}` })
    .click();
  const preview = page.getByTestId('pack-file-preview');
  await expect(preview).toContainText(evidence.file!.path);
  await expect(preview.getByRole('link', { name: 'Open the file itself' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The report, with the pack's sample and nothing answered, signed as the demo EQA.
  await page.getByRole('tab', { name: 'Your report' }).click();
  const form = page.getByTestId('eqa-report-form');
  await expect(form.getByTestId('eqa-report-samples')).toContainText(learner.name);
  await expect(form.getByRole('radio', { checked: true })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('combobox', { name: 'Your awarding body' }).fill('OCN London');
  await form.getByRole('textbox', { name: 'Date of the visit' }).fill('20/11/2026');
  for (const agree of await form.getByRole('radio', { name: /^Agree with / }).all()) {
    await agree.check();
  }
  await form.getByRole('textbox', { name: 'Finding 1' }).fill('Decisions in the pack are sound.');
  await form.getByRole('radio', { name: 'Low risk' }).check();
  await form.getByRole('radio', { name: 'Direct claims status maintained' }).check();
  await form
    .locator('input[type=file]')
    .setInputFiles(
      path.join(defaultResourcesDir(), 'demo-identities', 'eqa', 'dr-helen-carter.p12'),
    );
  await form.getByLabel('Its passphrase').fill(DEMO_PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Sign and save the report' }).click();
  const download = await downloading;
  const report = path.join(app.scratchDir, download.suggestedFilename());
  await download.saveAs(report);
  const signed = page.getByTestId('eqa-report-signed');
  await expect(signed).toContainText(`Signed by ${demoEqa.name}`);
  await expect(signed).toContainText('Nothing was written into the pack');

  expect(await pdfsigVerdicts(report)).toEqual(['Signature is Valid.']);
  const text = (await runTool('pdftotext', ['-layout', report, '-'])).stdout;
  expect(text).toContain('Decisions in the pack are sound.');
  expect(text).toContain(learner.name);

  // The pack is as the centre sent it: the same files, and its manifest and signature hold.
  expect(await filesOf(pack)).toEqual(before);
  const check = await checkPackFolder(pack, null);
  expect(check.problems).toEqual([]);
  expect(check.ok).toBe(true);
});

test('the EQA opens a visit pack’s .zip by its path and reads a criterion’s evidence from it', async ({
  page,
  app,
}) => {
  const written = await signedPackOfPlan(app, true);
  const zipFile = written.zip!;
  const zipBytes = await readFile(zipFile);
  const { data } = written;
  const learner = data.learners.find((l) => l.evidence.some((e) => e.file))!;
  const evidence = learner.evidence.find((e) => e.file)!;

  await page.goto(app.host.url);
  await page.getByRole('button', { name: 'Change workspace' }).click();
  const chooser = page.getByRole('dialog');
  await chooser.getByRole('textbox', { name: 'Workspace folder' }).fill(zipFile);
  await chooser.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `EQA visit pack of ${data.centre.name}`,
  );
  await expect(page.getByText(`in ${zipFile}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('pack-check')).toContainText('The pack checks out');
  await expect(page.getByTestId('pack-check')).toContainText('signed by Margaret Ellis');
  expect(await seriousViolations(page)).toEqual([]);

  await page
    .getByRole('navigation', { name: 'Learners and units sampled' })
    .getByRole('button', { name: new RegExp(`^${learner.name}`) })
    .first()
    .click();
  const shown = page.getByTestId('pack-unit');
  await expect(shown.getByRole('heading', { level: 2 })).toContainText(learner.name);
  await shown
    .getByTestId('pack-evidence')
    .getByRole('button', { name: `Open evidence ${evidence.ref}, ${evidence.title}` })
    .click();
  const preview = page.getByTestId('pack-file-preview');
  await expect(preview).toContainText(evidence.file!.path);
  const link = preview.getByRole('link', { name: 'Open the file itself' });
  await expect(link).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The file served is the evidence the pack holds, read from the unpacked copy.
  const served = await page.request.get(
    new URL((await link.getAttribute('href'))!, page.url()).href,
  );
  expect(served.ok()).toBe(true);
  expect(
    createHash('sha256')
      .update(await served.body())
      .digest('hex'),
  ).toBe(evidence.file!.sha256);
  await page.keyboard.press('Escape');

  // The zip is as the centre sent it, and its unpacked copy lives in the workbench's own data.
  expect(await readFile(zipFile)).toEqual(zipBytes);
  expect(app.workbench.openedPack?.dir.startsWith(app.workbench.packCacheDir + path.sep)).toBe(
    true,
  );
});
