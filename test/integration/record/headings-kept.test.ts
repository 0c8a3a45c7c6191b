import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import {
  buildObservationRecord,
  buildSamplingReport,
  buildUnitRecord,
  renderRecordPdf,
} from '../../../src-main/record';
import { samplingReportInput } from '../../../src-main/sampling/sampling-report-data';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import type { RecordDocument } from '../../../src-main/record';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { recordFonts } from '../../support/record/record-files';
import { observationInput, unitRecordInput } from '../../support/record/record-inputs';
import { runTool } from '../../support/record/system-tools';

/** Each page's lines of text, blank lines left out, as pdftotext lays them out. */
async function pages(file: string): Promise<string[][]> {
  const text = (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
  return text
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

/**
 * The headings printed as the last thing on a page above its footer (`footerLines` long): a
 * heading left alone at the foot of a page, away from what it heads.
 */
async function strandedHeadings(
  file: string,
  headings: string[],
  footerLines: number,
): Promise<string[]> {
  const all = await pages(file);
  return all
    .slice(0, -1)
    .map((lines) => lines.at(-1 - footerLines) ?? '')
    .filter((line) => headings.includes(line));
}

const headingsOf = (doc: RecordDocument) => [
  ...doc.sections.flatMap((s) => (s.heading ? [s.heading] : [])),
  'Evidence relied on',
];

describe('no heading is left alone at the foot of a page', () => {
  let root: string;
  let workspace: Workspace;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-headings-'));
    ({ workspace } = await demoWorkspace(root));
  });
  afterAll(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  it('keeps each heading of a record with its first lines, wherever the page breaks', async () => {
    const fonts = await recordFonts();
    // One more line of narrative each time, so every heading meets the foot of page 1 in turn.
    for (let extra = 0; extra < 36; extra += 1) {
      const input = observationInput();
      const narrative = [
        ...input.narrative,
        ...Array.from({ length: extra }, (_, i) => `Further note ${i + 1}.`),
      ];
      const doc = buildObservationRecord({ ...input, narrative });
      const file = path.join(root, `observation-${extra}.pdf`);
      await writeFile(file, await renderRecordPdf(doc, fonts));
      expect(await strandedHeadings(file, headingsOf(doc), 2), `with ${extra} lines more`).toEqual(
        [],
      );
    }
    const unit = buildUnitRecord(unitRecordInput(12));
    const file = path.join(root, 'unit.pdf');
    await writeFile(file, await renderRecordPdf(unit, fonts));
    expect(await strandedHeadings(file, headingsOf(unit), 2)).toEqual([]);
  });

  it('keeps headings with what follows on the demo observation record, sampling report and witness form', async () => {
    const quiet = { out: () => undefined, err: () => undefined };
    const nguyen = workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
    const observation = path.join(root, 'demo-observation.pdf');
    const args = ['--learner', nguyen.id, '--unit', 'J/508/4003'];
    expect(
      await main(
        ['record', workspace.dir, ...args, '--kind', 'observation', '--out', observation],
        quiet,
      ),
    ).toBe(0);
    const recordHeadings = [
      'Units and criteria targeted',
      'What was observed',
      'Questions asked and answers given',
      'Products cross-referenced',
      'Assessor feedback',
      "Assessor's notes",
      'Learner comments',
      'Decision',
      'Signatures',
      'Evidence relied on',
    ];
    expect(await strandedHeadings(observation, recordHeadings, 2)).toEqual([]);

    const report = path.join(root, 'sampling-report.pdf');
    expect(
      await main(['sample', 'report', workspace.dir, '--format', 'pdf', '--out', report], quiet),
    ).toBe(0);
    const { plans } = await samplingStore(workspace).listPlans();
    const reportDoc = buildSamplingReport(
      await samplingReportInput(workspace, plans[0]!.id, new Date()),
    );
    const reportHeadings = headingsOf(reportDoc);
    expect(await strandedHeadings(report, reportHeadings, 2)).toEqual([]);

    const form = path.join(root, 'form.pdf');
    expect(
      await main(
        ['witness', 'form', workspace.dir, ...args, '--format', 'pdf', '--out', form],
        quiet,
      ),
    ).toBe(0);
    const formHeadings = [
      'Learner and unit',
      'The activity you saw',
      'Criteria your account covers',
      'About you',
      'Declaration',
      'For the assessor: authenticity check',
    ];
    expect(await strandedHeadings(form, formHeadings, 1)).toEqual([]);
  });
});
