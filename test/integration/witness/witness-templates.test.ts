import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import { demoPng } from '../../../src-main/demo/demo-files';
import { loadRecordFonts } from '../../../src-main/record/pdf/fonts';
import { defaultTemplate } from '../../../src-main/witness/default-template';
import { listTemplates, saveTemplate, templateFor } from '../../../src-main/witness/template-store';
import { importReturnedPdf } from '../../../src-main/witness/import-returned';
import { makeForm } from '../../../src-main/witness/testimony-service';
import { demoWorkspace, tester, when } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';
import { fillForm } from '../../support/fill-witness-form';

const run = promisify(execFile);

async function text(bytes: Uint8Array, dir: string): Promise<string> {
  const file = path.join(dir, `form-${Math.random().toString(36).slice(2)}.pdf`);
  await (await import('node:fs/promises')).writeFile(file, bytes);
  return (await run('pdftotext', [file, '-'])).stdout;
}

describe('witness testimony templates', () => {
  const tempDir = useTempDirs();

  it('shows edits in new forms, while earlier testimonies keep the version they were made from', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const fonts = await loadRecordFonts(defaultResourcesDir());
    const learner = workspace.centre.learners[0]!;
    const unitId = (await workspace.portfolio(learner.id)).data.registrations[0]!.unitId;
    const request = {
      learnerId: learner.id,
      unitId,
      criteria: ['7.1'],
      witnessId: null,
      format: 'pdf' as const,
    };

    // A testimony made from the built-in template.
    const first = await makeForm(workspace, request, fonts, tester, when);
    const filled = await fillForm(first.bytes, { description: 'Served a queue of customers.' }, [
      'criterion-1',
    ]);
    const file = path.join(root, 'first.pdf');
    await (await import('node:fs/promises')).writeFile(file, filled);
    const old = await importReturnedPdf(workspace, learner.id, file, 'first.pdf', tester, when);
    expect(old.testimony.template).toEqual({ id: 'default', version: 1 });

    // The centre makes its own template for this unit, then edits it.
    const {
      id: _id,
      version: _v,
      updatedAt: _u,
      updatedBy: _b,
      schemaVersion: _s,
      kind: _k,
      ...content
    } = defaultTemplate;
    const v1 = await saveTemplate(
      workspace.dir,
      null,
      { ...content, name: 'Customer service units', scope: { level: 'unit', unitId } },
      tester,
      when,
    );
    const edited = {
      ...content,
      name: 'Customer service units',
      scope: { level: 'unit' as const, unitId },
      title: 'Workplace witness statement',
      logo: { mediaType: 'image/png' as const, data: Buffer.from(demoPng(3)).toString('base64') },
      fields: [
        ...content.fields
          .filter((f) => f.id !== 'activityTime')
          .map((f) => (f.id === 'venue' ? { ...f, label: 'Store or branch' } : f))
          .reverse(),
        {
          id: 'shift',
          label: 'Which shift was it?',
          help: '',
          kind: 'text' as const,
          section: 'activity' as const,
        },
      ],
    };
    const v2 = await saveTemplate(workspace.dir, v1.id, edited, tester, when);
    expect(v2).toMatchObject({ id: v1.id, version: 2 });
    const files = await readdir(path.join(workspace.dir, 'templates', 'witness-testimony'));
    expect(files.filter((f) => !f.startsWith('.')).sort()).toEqual([
      `${v1.id}-v1.json`,
      `${v1.id}-v2.json`,
    ]);
    const onDisk = JSON.parse(
      await readFile(
        path.join(workspace.dir, 'templates', 'witness-testimony', `${v1.id}-v1.json`),
        'utf8',
      ),
    );
    expect(onDisk).toMatchObject({
      kind: 'witness-testimony-template',
      version: 1,
      title: 'Witness testimony',
    });

    const second = await makeForm(workspace, request, fonts, tester, when);
    expect(second.form.template).toEqual({ id: v1.id, version: 2 });
    const printed = await text(second.bytes, root);
    expect(printed).toContain('Workplace witness statement');
    expect(printed).toContain('Store or branch');
    expect(printed).toContain('Which shift was it?');
    const imageFile = path.join(root, 'with-logo.pdf');
    await (await import('node:fs/promises')).writeFile(imageFile, second.bytes);
    const images = (await run('pdfimages', ['-list', imageFile])).stdout;
    expect(images.split('\n').filter((l) => /^\s+1\s/.test(l))).toHaveLength(1);
    const names = (await PDFDocument.load(second.bytes))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toContain('shift');
    expect(names).not.toContain('activityTime');

    // A field the centre added comes back under its label.
    const back = await fillForm(
      second.bytes,
      { shift: 'Saturday early', description: 'Handled returns.' },
      ['criterion-1'],
    );
    await (await import('node:fs/promises')).writeFile(file, back);
    const fresh = await importReturnedPdf(workspace, learner.id, file, 'second.pdf', tester, when);
    expect(fresh.testimony.template).toEqual({ id: v1.id, version: 2 });
    expect(fresh.testimony.otherFields).toEqual({ 'Which shift was it?': 'Saturday early' });

    const portfolio = (await workspace.portfolio(learner.id)).data;
    expect(portfolio.testimonies.find((t) => t.id === old.testimony.id)!.template).toEqual({
      id: 'default',
      version: 1,
    });
  });

  it('picks the most specific template: unit, then qualification, then centre, then the built-in one', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const {
      id: _i,
      version: _v,
      updatedAt: _u,
      updatedBy: _b,
      schemaVersion: _s,
      kind: _k,
      ...content
    } = defaultTemplate;
    const where = { unitId: 'unit-a', qualificationIds: ['q-1'] };
    expect(templateFor(await listTemplates(workspace.dir), where).id).toBe('default');
    const centre = await saveTemplate(
      workspace.dir,
      null,
      { ...content, name: 'Centre' },
      tester,
      when,
    );
    expect(templateFor(await listTemplates(workspace.dir), where).id).toBe(centre.id);
    const qual = await saveTemplate(
      workspace.dir,
      null,
      {
        ...content,
        name: 'Qualification',
        scope: { level: 'qualification', qualificationId: 'q-1' },
      },
      tester,
      when,
    );
    expect(templateFor(await listTemplates(workspace.dir), where).id).toBe(qual.id);
    const unit = await saveTemplate(
      workspace.dir,
      null,
      { ...content, name: 'Unit', scope: { level: 'unit', unitId: 'unit-a' } },
      tester,
      when,
    );
    expect(templateFor(await listTemplates(workspace.dir), where).id).toBe(unit.id);
    expect(
      templateFor(await listTemplates(workspace.dir), { unitId: 'unit-b', qualificationIds: [] })
        .id,
    ).toBe(centre.id);
    await expect(
      saveTemplate(
        workspace.dir,
        null,
        { ...content, fields: [content.fields[0]!, content.fields[0]!] },
        tester,
        when,
      ),
    ).rejects.toThrow('Two fields have the same id.');
  });
});
