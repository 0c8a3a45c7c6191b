import { readFile, writeFile } from 'node:fs/promises';
import { PDFDocument, PDFName } from 'pdf-lib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

const quiet = { out: () => undefined, err: () => undefined };

/** XFDF, the form data format PDF form fillers exchange, in UTF-8. */
function xfdf(fields: Record<string, string>): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = Object.entries(fields).map(
    ([name, value]) => `<field name="${name}"><value>${escape(value)}</value></field>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>${rows.join('')}</fields></xfdf>\n`;
}

describe('a witness form filled in by another program', () => {
  const tempDir = useTempDirs();

  it('reads back a form pdftk filled in, accents and all, mapped to the ticked criteria', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const blank = path.join(root, 'form.pdf');
    const args = ['--unit', 'J/508/4003', '--criteria', '7.1,7.2', '--format', 'pdf'];
    expect(
      await main(
        ['witness', 'form', workspace.dir, '--learner', learner.id, ...args, '--out', blank],
        quiet,
      ),
    ).toBe(0);

    // The fields a reader sees: checkboxes say which value ticks them.
    const fields = (await runTool('pdftk', [blank, 'dump_data_fields_utf8'])).stdout;
    expect(fields).toContain('FieldName: criterion-2');
    expect(fields).toMatch(/FieldName: criterion-2\n[^-]*FieldStateOption: Yes/);

    const data = path.join(root, 'answers.xfdf');
    await writeFile(
      data,
      xfdf({
        activityDate: '03/03/2026',
        venue: 'Café counter, Leeds',
        description: 'Siobhán took a complaint about a late order & apologised.',
        'criterion-2': 'Yes',
        'criterion-2-how': 'She checked the customer’s order history first.',
        contact: 'r.hughes@example.org',
        signedOn: '04/03/2026',
        notRelated: 'Yes',
        ownAccount: 'Yes',
      }),
    );
    const filled = path.join(root, 'filled by pdftk.pdf');
    const fill = await runTool('pdftk', [blank, 'fill_form', data, 'output', filled]);
    expect(fill.code, fill.stderr).toBe(0);

    // The form asks readers to redraw filled fields, in a font every filler can draw ...
    const acroForm = (await PDFDocument.load(await readFile(blank))).getForm().acroForm.dict;
    expect(acroForm.get(PDFName.of('NeedAppearances'))?.toString()).toBe('true');
    expect(acroForm.get(PDFName.of('DA'))?.toString()).toContain('/Helv 10 Tf');
    // ... so what pdftk filled in prints as text, not as boxes.
    const read = await runTool('pdftotext', ['-layout', filled, '-']);
    expect(read.stderr).not.toMatch(/font/i);
    const printed = read.stdout;
    expect(printed).toContain('Café counter, Leeds');
    expect(printed).toContain('Siobhán took a complaint about a late order & apologised.');
    expect(printed).toContain('r.hughes@example.org');
    const page = path.join(root, 'filled-page');
    const rendered = await runTool('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      filled,
      page,
    ]);
    expect(rendered.code, rendered.stderr).toBe(0);

    const imported: string[] = [];
    const code = await main(['witness', 'import', workspace.dir, '--learner', learner.id, filled], {
      out: (s) => imported.push(s),
      err: (s) => imported.push(s),
    });
    expect(code, imported.join('\n')).toBe(0);

    const after = (await Workspace.open(workspace.dir).then((w) => w.portfolio(learner.id))).data;
    const testimony = after.testimonies.at(-1)!;
    expect(testimony).toMatchObject({
      source: 'fillable-pdf',
      description: 'Siobhán took a complaint about a late order & apologised.',
      declaredNotRelated: true,
      declaredOwnAccount: true,
      signedOn: '2026-03-04',
      witness: { contact: 'r.hughes@example.org' },
    });
    const evidence = after.evidence.find((e) => e.id === testimony.evidenceId)!;
    expect(evidence).toMatchObject({ producedOn: '2026-03-03', location: 'Café counter, Leeds' });
    const mapped = after.mappings
      .filter((m) => m.evidenceId === evidence.id && !m.removed)
      .map((m) => m.criterionRef);
    expect(mapped).toEqual(['7.2']);
  });
});
