import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { RecordDocument } from '../../../src-main/record';
import {
  buildDiscussionRecord,
  buildEvidenceIndex,
  buildObservationRecord,
  buildProgressRecord,
  buildUnitRecord,
  renderRecordPdf,
} from '../../../src-main/record';
import { useTempDirs } from '../../support/temp-dir';
import {
  discussionInput,
  evidenceIndexInput,
  observationInput,
  progressInput,
  unicodeNames,
  unitRecordInput,
} from '../../support/record/record-inputs';
import { recordFonts } from '../../support/record/record-files';
import { runTool } from '../../support/record/system-tools';

const kinds: [string, () => RecordDocument, string[]][] = [
  [
    'unit assessment record',
    () => buildUnitRecord(unitRecordInput(25)),
    Object.values(unicodeNames),
  ],
  [
    'observation record',
    () => buildObservationRecord(observationInput()),
    [unicodeNames.learner, unicodeNames.assessor],
  ],
  [
    'professional discussion record',
    () => buildDiscussionRecord(discussionInput()),
    [unicodeNames.learner, unicodeNames.assessor],
  ],
  [
    'learner progress summary',
    () => buildProgressRecord(progressInput()),
    [unicodeNames.learner, unicodeNames.assessor],
  ],
  [
    'evidence index',
    () => buildEvidenceIndex(evidenceIndexInput()),
    [unicodeNames.learner, unicodeNames.assessor],
  ],
];

describe('record PDFs', () => {
  const tempDir = useTempDirs();

  it.each(kinds)(
    'a %s passes qpdf, renders every page and prints every name',
    async (_, build, names) => {
      const dir = await tempDir();
      const file = path.join(dir, 'record.pdf');
      const doc = build();
      await writeFile(file, await renderRecordPdf(doc, await recordFonts()));

      const check = await runTool('qpdf', ['--check', file]);
      expect(check.stdout + check.stderr).toContain('No syntax or stream encoding errors');
      expect(check.code).toBe(0);

      const pageCount = (await PDFDocument.load(await readFile(file))).getPageCount();
      const rendered = await runTool('pdftoppm', [
        '-png',
        '-r',
        '40',
        file,
        path.join(dir, 'page'),
      ]);
      expect(rendered.code).toBe(0);
      expect((await readdir(dir)).filter((f) => f.endsWith('.png'))).toHaveLength(pageCount);

      const text = (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
      for (const name of names) expect(text).toContain(name);
      expect(text).toContain(doc.header.centreName);
      expect(text).toContain(`Page 1 of ${pageCount}`);
      expect(text).toContain(`Record ID: ${doc.recordId}`);
      for (const entry of doc.evidenceManifest) expect(text).toContain(entry.sha256);
    },
  );

  it('embeds subsets of DejaVu Sans and no standard (WinAnsi) fonts', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'record.pdf');
    await writeFile(
      file,
      await renderRecordPdf(buildUnitRecord(unitRecordInput()), await recordFonts()),
    );
    const fonts = (await runTool('pdffonts', [file])).stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBe(2);
    for (const line of fonts) {
      expect(line).toMatch(/^AVW(REG|BLD)\+DejaVuSans/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes/);
    }
  });

  it('names each font once per page and compresses every page with FlateDecode', async () => {
    const bytes = await renderRecordPdf(buildUnitRecord(unitRecordInput(25)), await recordFonts());
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    for (const page of pdf.getPages()) {
      const resources = page.node.Resources();
      const fonts = resources?.lookup(PDFName.of('Font'), PDFDict);
      // The page's text uses the two fonts, each under one resource name.
      expect(fonts?.keys().length).toBe(2);
      const contents = page.node.Contents();
      const stream = contents instanceof PDFArray ? contents.lookup(0) : contents;
      if (!(stream instanceof PDFRawStream)) throw new Error('no content stream');
      expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
      const operators = inflateSync(stream.getContents()).toString('latin1');
      expect(operators).toMatch(
        /BT\n\/DejaVuSans\S* [\d.]+ Tf\n[\d. ]+ rg\n[\d. ]+ Td\n<[0-9A-F]+> Tj\nET/,
      );
    }
  });

  it('prints every criterion row on a page break with the column headings repeated', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'record.pdf');
    await writeFile(
      file,
      await renderRecordPdf(buildUnitRecord(unitRecordInput(25)), await recordFonts()),
    );
    const pages = (await runTool('pdftotext', ['-layout', file, '-'])).stdout.split('\f');
    const withRows = pages.filter((p) => /\b\d\.\d\b.*Met/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows)
      expect(page).toMatch(/Ref\s+Assessment criterion\s+Evidence\s+Method\s+Date\s+Decision/);
  });

  it('sets the title, author, subject and creator, and gives the same bytes for the same record', async () => {
    const doc = buildUnitRecord(unitRecordInput());
    const fonts = await recordFonts();
    const bytes = await renderRecordPdf(doc, fonts);
    expect(Buffer.from(await renderRecordPdf(doc, fonts)).equals(Buffer.from(bytes))).toBe(true);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Unit assessment record: Zoë O’Brien, J/508/4003');
    expect(pdf.getAuthor()).toBe(unicodeNames.assessor);
    expect(pdf.getSubject()).toMatch(/J\/508\/4003/);
    expect(pdf.getCreator()).toBe('Assessor & Verifier Workbench');
  });

  it('splits a row taller than a page across pages without losing a word', async () => {
    const doc = buildDiscussionRecord(discussionInput());
    const words = Array.from({ length: 1200 }, (_, i) => `word${i}`);
    const account = doc.sections.find(
      (s) => s.type === 'table' && s.heading === 'Account of the discussion',
    );
    if (account?.type !== 'table') throw new Error('no account table');
    account.rows.push(['00:30', '1.1', words.join(' ')]);
    const dir = await tempDir();
    const file = path.join(dir, 'record.pdf');
    await writeFile(file, await renderRecordPdf(doc, await recordFonts()));
    expect((await runTool('qpdf', ['--check', file])).code).toBe(0);
    const text = (await runTool('pdftotext', [file, '-'])).stdout;
    const found = new Set(text.match(/word\d+/g));
    expect(words.filter((w) => !found.has(w))).toEqual([]);
  });
});
