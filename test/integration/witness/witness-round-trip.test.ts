import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';
import { fillForm } from '../../support/fill-witness-form';

const run = promisify(execFile);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('witness testimony: form out, filled form back in', () => {
  const tempDir = useTempDirs();

  it('generates a fillable PDF, reads the filled one back into evidence mapped to the ticked criteria', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const witness = workspace.centre.witnesses.find((w) => w.relationship === 'Line manager')!;
    const blank = path.join(root, 'form.pdf');
    const made = capture();
    const code = await main(
      [
        'witness',
        'form',
        workspace.dir,
        '--learner',
        learner.uln,
        '--unit',
        'J/508/4003',
        '--criteria',
        '7.1,7.2,9.1',
        '--witness',
        witness.name,
        '--format',
        'pdf',
        '--out',
        blank,
      ],
      made.io,
    );
    expect(made.err).toEqual([]);
    expect(code).toBe(0);
    expect(made.out[0]).toContain('awaiting return');

    // The printed text carries the learner, the unit and every chosen criterion in full.
    const { stdout: printed } = await run('pdftotext', ['-layout', blank, '-']);
    expect(printed).toContain('Siobhán Ní Bhriain');
    expect(printed).toContain('7.1 Identify external customers.');
    expect(printed).toContain('9.1 b Follow procedures');

    const sent = (await Workspace.open(workspace.dir).then((w) => w.portfolio(learner.id))).data;
    const form = sent.witnessForms.at(-1)!;
    expect(form).toMatchObject({
      status: 'awaiting-return',
      format: 'pdf',
      template: { id: 'default', version: 1 },
    });
    expect(form.criteria.map((c) => `${c.criterionRef}${c.partRef ?? ''}`)).toEqual([
      '7.1',
      '7.2',
      '9.1a',
      '9.1b',
      '9.1c',
    ]);

    const filled = await fillForm(
      await readFile(blank),
      {
        activityDate: '14/02/2026',
        activityTime: '10:30',
        venue: 'Front desk, Leeds',
        description:
          'Siobhán greeted each customer, asked what they needed and by when, and explained a delay.',
        'criterion-1-how': 'She asked each customer who they were and what they came for.',
        'criterion-4-how': 'She followed the complaints procedure within the hour.',
        contact: '0113 496 0000',
        signedOn: '15/02/2026',
      },
      ['criterion-1', 'criterion-4', 'notRelated', 'ownAccount'],
    );
    const returned = path.join(root, 'returned form.pdf');
    await writeFile(returned, filled);

    const imported = capture();
    expect(
      await main(
        ['witness', 'import', workspace.dir, '--learner', learner.name, returned],
        imported.io,
      ),
    ).toBe(0);
    const printedItem = JSON.parse(imported.out.join('\n'));
    expect(printedItem.criteria.sort()).toEqual(['7.1', '9.1 b']);

    const after = (await Workspace.open(workspace.dir).then((w) => w.portfolio(learner.id))).data;
    const evidence = after.evidence.find((e) => e.id === printedItem.evidence.id)!;
    expect(evidence).toMatchObject({
      method: 'witness testimony',
      producedOn: '2026-02-14',
      location: 'Front desk, Leeds',
      producedBy: witness.name,
      witnessId: witness.id,
      file: {
        originalName: 'returned form.pdf',
        sha256: createHash('sha256').update(filled).digest('hex'),
      },
    });
    const folder = await workspace.portfolioFolder(learner.id);
    expect(await readFile(path.join(folder, evidence.file!.path))).toEqual(Buffer.from(filled));
    const mapped = after.mappings
      .filter((m) => m.evidenceId === evidence.id && !m.removed)
      .map((m) => `${m.criterionRef}${m.partRef ?? ''}`)
      .sort();
    expect(mapped).toEqual(['7.1', '9.1b']);
    const testimony = after.testimonies.find((t) => t.evidenceId === evidence.id)!;
    expect(testimony).toMatchObject({
      formId: form.id,
      source: 'fillable-pdf',
      template: { id: 'default', version: 1 },
      description: expect.stringContaining('Siobhán greeted'),
      declaredNotRelated: true,
      declaredOwnAccount: true,
      signedOn: '2026-02-15',
      witness: { name: witness.name, contact: '0113 496 0000', countsAsExpert: false },
    });
    expect(after.witnessForms.find((f) => f.id === form.id)).toMatchObject({
      status: 'returned',
      evidenceId: evidence.id,
    });

    // The same form cannot come back twice.
    const again = capture();
    expect(
      await main(['witness', 'import', workspace.dir, '--learner', learner.id, returned], again.io),
    ).toBe(2);
    expect(again.err[0]).toMatch(/already in the portfolio/);
  });

  it('refuses a form made for another learner, saying whose it is, and keeps nothing', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const [amara, lukasz] = workspace.centre.learners;
    const blank = path.join(root, 'form.pdf');
    expect(
      await main(
        [
          'witness',
          'form',
          workspace.dir,
          '--learner',
          amara!.id,
          '--unit',
          'J/508/4003',
          '--format',
          'pdf',
          '--out',
          blank,
        ],
        capture().io,
      ),
    ).toBe(0);
    const before = (await workspace.portfolio(lukasz!.id)).data.evidence.length;
    const { io, err } = capture();
    expect(
      await main(['witness', 'import', workspace.dir, '--learner', lukasz!.id, blank], io),
    ).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`This form was made for ${amara!.name}`);
    const reopened = await Workspace.open(workspace.dir);
    expect((await reopened.portfolio(lukasz!.id)).data.evidence).toHaveLength(before);
  });

  it('refuses a PDF that is not a workbench form, and bad command lines, in one line', async () => {
    const root = await tempDir();
    const { workspace } = await demoWorkspace(root);
    const other = path.join(root, 'other.pdf');
    const { PDFDocument } = await import('pdf-lib');
    const plain = await PDFDocument.create();
    plain.addPage();
    await writeFile(other, await plain.save());
    const a = capture();
    expect(
      await main(['witness', 'import', workspace.dir, '--learner', 'Amara Okafor', other], a.io),
    ).toBe(2);
    expect(a.err[0]).toContain('not a witness testimony form made by the workbench');
    const b = capture();
    expect(
      await main(
        [
          'witness',
          'form',
          workspace.dir,
          '--learner',
          'Nobody',
          '--unit',
          'x',
          '--format',
          'pdf',
          '--out',
          other,
        ],
        b.io,
      ),
    ).toBe(2);
    expect(b.err[0]).toContain('No learner in this centre');
    const c = capture();
    expect(
      await main(
        [
          'witness',
          'form',
          workspace.dir,
          '--learner',
          'Amara Okafor',
          '--unit',
          'J/508/4003',
          '--criteria',
          '99.9',
          '--format',
          'pdf',
          '--out',
          other,
        ],
        c.io,
      ),
    ).toBe(2);
    expect(c.err[0]).toContain('has no criterion 99.9');
    const d = capture();
    expect(
      await main(
        [
          'witness',
          'form',
          workspace.dir,
          '--learner',
          'Amara Okafor',
          '--unit',
          'J/508/4003',
          '--out',
          other,
        ],
        d.io,
      ),
    ).toBe(2);
    expect(d.err[0]).toContain('--format pdf');
  });
});
