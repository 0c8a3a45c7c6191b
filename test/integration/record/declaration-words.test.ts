import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { Workbench } from '../../../src-main/app/workbench';
import { declarationWords } from '../../../src-main/decision/declaration-text';
import { signedText } from '../../../src-main/decision/declarations';
import { ruleDecisions, standingSignature } from '../../../src-main/decision/marking-context';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';
import { ok } from '../../support/dispatch';

const UNIT = 'unit-j-508-4003';
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

function person(workbench: Workbench, name: string) {
  const found =
    workbench.workspace.centre.learners.find((l) => l.name === name) ??
    workbench.workspace.centre.staff.find((s) => s.name === name);
  if (!found) throw new Error(`no ${name} in the demo`);
  return found;
}

async function recordText(workbench: Workbench, learnerId: string, file: string) {
  const at = path.join(await workbench.workspace.portfolioFolder(learnerId), file);
  if (file.endsWith('.docx')) {
    return (await mammoth.extractRawText({ buffer: await readFile(at) })).value;
  }
  return (await runTool('pdftotext', [at, '-'])).stdout;
}

describe('what was signed is what is printed', () => {
  const tempDir = useTempDirs();

  it('uses the same declaration words on screen, in the signature hash, in the PDF and in the Word record', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    const learner = person(workbench, 'Nguyễn Thị Hoa');
    const assessor = workbench.workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
    await ok(dispatch, 'session:set-user', {
      personId: assessor.id,
      role: 'assessor',
      passphrase: DEMO_PASSPHRASE,
    });

    const screen = await ok<{ declarations: Record<string, string> }>(
      dispatch,
      'decision:workspace',
      { learnerId: learner.id, unitId: UNIT },
    );
    const doc = await workbench.workspace.portfolio(learner.id);
    const { units } = await workbench.workspace.listUnits();
    const unit = units.find((u) => u.id === UNIT)!;
    const pdf = await ok<{ file: string }>(dispatch, 'record:generate', {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'pdf',
    });
    const docx = await ok<{ file: string }>(dispatch, 'record:generate', {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'docx',
    });
    const pdfText = oneLine(await recordText(workbench, learner.id, pdf.file));
    const docxText = oneLine(await recordText(workbench, learner.id, docx.file));

    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      const words = declarationWords(purpose);
      expect(screen.declarations[purpose]).toBe(words);
      // The standing signature's hash is over exactly these words and the unit's decisions.
      const signature = standingSignature(doc.data, unit, purpose);
      expect(signature).not.toBeNull();
      const hashed = JSON.parse(
        signedText({
          purpose,
          learnerId: learner.id,
          unit,
          decisions: ruleDecisions(doc.data, unit.id),
          declarationVersion: signature!.declarationVersion,
        }),
      ) as { declaration: string };
      expect(hashed.declaration).toBe(words);
      expect(pdfText).toContain(words);
      expect(docxText).toContain(words);
    }
    expect(pdfText).not.toContain('DRAFT');
  });

  it('marks a record of a unit not signed off as a draft on every page, and will not seal it', async () => {
    const workbench = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(workbench);
    const learner = person(workbench, 'Łukasz Wójcik');
    const registration = (await workbench.workspace.portfolio(learner.id)).data.registrations.find(
      (r) => r.unitId === UNIT,
    )!;
    await ok(dispatch, 'session:set-user', {
      personId: registration.assessorId,
      role: 'assessor',
      passphrase: DEMO_PASSPHRASE,
    });

    const sealed = await dispatch('record:generate', {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'pdf',
      sign: true,
      passphrase: DEMO_PASSPHRASE,
    });
    expect(sealed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!sealed.ok) expect(sealed.error.message).toContain('is a draft');

    const pdf = await ok<{ file: string }>(dispatch, 'record:generate', {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'pdf',
    });
    const pages = (await recordText(workbench, learner.id, pdf.file))
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('DRAFT: The unit is not signed off');

    const docx = await ok<{ file: string }>(dispatch, 'record:generate', {
      learnerId: learner.id,
      kind: 'unit-record',
      unitId: UNIT,
      format: 'docx',
    });
    const zip = await readFile(
      path.join(await workbench.workspace.portfolioFolder(learner.id), docx.file),
    );
    const { default: JSZip } = await import('jszip');
    const header = await (await JSZip.loadAsync(zip)).file('word/header1.xml')?.async('string');
    expect(header).toContain('DRAFT: The unit is not signed off');
  });
});
