import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { RecordDocument } from '../../../src-main/record';
import {
  buildDiscussionRecord,
  buildEvidenceIndex,
  buildObservationRecord,
  buildProgressRecord,
  buildUnitRecord,
  issuedRecordEntry,
  renderRecordDocx,
  verifyIssuedDocx,
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
import { convertWithLibreOffice, runTool } from '../../support/record/system-tools';

describe('record DOCX files', () => {
  const tempDir = useTempDirs();

  it('opens in LibreOffice and reads back the learner, unit and every criterion ref', async () => {
    const dir = await tempDir();
    const input = unitRecordInput(12);
    const doc = buildUnitRecord(input);
    const file = path.join(dir, 'unit-record.docx');
    const bytes = await renderRecordDocx(doc);
    await writeFile(file, bytes);

    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain(unicodeNames.learner);
    expect(text).toContain('J/508/4003');
    expect(text).toContain(input.unit.title);
    const refs = input.criteria.flatMap((c) => [
      c.ref,
      ...(c.parts ?? []).map((p) => `${c.ref} ${p.ref}`),
    ]);
    expect(refs).toContain('2.1 b');
    const cells = text.split('\n').map((l) => l.trim());
    for (const ref of refs) expect(cells).toContain(ref);

    const pdf = await convertWithLibreOffice(file, dir);
    const printed = (await runTool('pdftotext', ['-layout', pdf, '-'])).stdout;
    for (const name of Object.values(unicodeNames)) expect(printed).toContain(name);
    expect(printed).toMatch(/Page 1 of \d/);
    expect(printed).toContain(`Record ID: ${doc.recordId}`);
    // Each SHA-256 stays whole on one line.
    expect(doc.evidenceManifest.length).toBeGreaterThan(0);
    for (const entry of doc.evidenceManifest) expect(printed).toContain(entry.sha256);
    // In the font the README names: DejaVu Sans, as the PDF records.
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="DejaVu Sans"');
    expect(styles).not.toContain('Arial');
    const fonts = (await runTool('pdffonts', [pdf])).stdout;
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toMatch(/Arial|Liberation/);

    const issued = issuedRecordEntry(await readFile(file), {
      recordId: doc.recordId,
      kind: 'unit-record',
      learnerId: 'ln-zoe',
      unitRef: doc.footer.unitRef,
      format: 'docx',
      issuedAt: '2025-03-14T12:00:00.000Z',
      issuedBy: 'as-lukasz',
    });
    expect(verifyIssuedDocx(await readFile(file), issued).ok).toBe(true);
  });

  it('renders every other kind to a DOCX that mammoth reads back', async () => {
    const docs: RecordDocument[] = [
      buildObservationRecord(observationInput()),
      buildDiscussionRecord(discussionInput()),
      buildProgressRecord(progressInput()),
      buildEvidenceIndex(evidenceIndexInput()),
    ];
    for (const doc of docs) {
      const { value } = await mammoth.extractRawText({
        buffer: Buffer.from(await renderRecordDocx(doc)),
      });
      expect(value).toContain(doc.title);
      expect(value).toContain(unicodeNames.learner);
    }
  });
});
