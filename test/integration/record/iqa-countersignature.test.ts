import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { findIqaSlot } from '../../../src-main/record/pdf/signature-slot';
import { isCompleteReview, reviewDecisionLabels } from '../../../src-main/sampling/review-schema';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';

const VALID = 'Signature is Valid.';
const RESOLUTION = 72;

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}

/** Signs a unit record as its assessor, countersigns it as the IQA; both files' paths. */
async function signAndCountersign(
  workspace: Workspace,
  dir: string,
  learner: string,
  unit: string,
) {
  const first = path.join(dir, 'record.pdf');
  const made = await cli([
    'record',
    workspace.dir,
    '--learner',
    learner,
    '--unit',
    unit,
    '--format',
    'pdf',
    '--out',
    first,
    '--sign',
  ]);
  expect(made.err).toBe('');
  const recordId = /Record (R-\d{8}-[A-Z0-9]{6})/.exec(made.out)?.[1] ?? '';
  const second = path.join(dir, 'countersigned.pdf');
  const signed = await cli([
    'countersign',
    workspace.dir,
    '--record',
    recordId,
    '--as',
    'Margaret Ellis',
    '--out',
    second,
  ]);
  expect(signed.err).toBe('');
  expect(signed.code).toBe(0);
  return { first, second };
}

/** The page the IQA's signature box is on (1-based) and the box in pixels at RESOLUTION. */
async function slotOf(file: string) {
  const doc = await PDFDocument.load(await readFile(file));
  const slot = findIqaSlot(doc);
  if (!slot) throw new Error(`${file} has no IQA signature box`);
  const pageNumber = doc.getPages().indexOf(slot.page) + 1;
  const scale = RESOLUTION / 72;
  const { height } = slot.page.getSize();
  return {
    pageNumber,
    box: {
      left: Math.ceil(slot.rect.x * scale) + 2,
      top: Math.ceil((height - slot.rect.y - slot.rect.height) * scale) + 2,
      right: Math.floor((slot.rect.x + slot.rect.width) * scale) - 2,
      bottom: Math.floor((height - slot.rect.y) * scale) - 2,
    },
  };
}

/** The grey levels pdftoppm paints inside the box, row by row: what a reader shows there. */
async function pixelsIn(
  file: string,
  page: number,
  box: Awaited<ReturnType<typeof slotOf>>['box'],
) {
  const prefix = `${file}-page`;
  const done = await runTool('pdftoppm', [
    '-gray',
    '-r',
    String(RESOLUTION),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  expect(done.code).toBe(0);
  const pgm = await readFile(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a greyscale PGM');
  const width = Number(header[1]);
  const offset = header[0].length;
  const pixels: number[] = [];
  for (let y = box.top; y < box.bottom; y += 1) {
    for (let x = box.left; x < box.right; x += 1) pixels.push(pgm[offset + y * width + x] ?? 255);
  }
  return pixels;
}

/** How many pixels of the box the countersignature changed, and how many it left dark. */
async function signatureInk(first: string, second: string) {
  const { pageNumber, box } = await slotOf(second);
  const before = await pixelsIn(first, pageNumber, box);
  const after = await pixelsIn(second, pageNumber, box);
  return {
    changed: after.filter((v, i) => Math.abs(v - (before[i] ?? 255)) > 64).length,
    dark: after.filter((v) => v < 128).length,
  };
}

const textOf = async (file: string, page?: number) =>
  (
    await runTool('pdftotext', [
      '-layout',
      ...(page ? ['-f', String(page), '-l', String(page)] : []),
      file,
      '-',
    ])
  ).stdout;

describe("the IQA's countersignature on a unit record", () => {
  const tempDir = useTempDirs();
  let workspace: Workspace;
  let root: string;

  beforeAll(async () => {
    root = await (
      await import('node:fs/promises')
    ).mkdtemp(path.join((await import('node:os')).tmpdir(), 'workbench-iqa-sign-'));
    ({ workspace } = await demoWorkspace(root));
    return () => import('node:fs/promises').then((fs) => fs.rm(root, { recursive: true }));
  });

  it('shows in the IQA section, filled from the review, and leaves both signatures valid', async () => {
    const reviews = (await samplingStore(workspace).allReviews())
      .flatMap((p) => p.reviews)
      .filter(isCompleteReview);
    const review = reviews.find((r) => r.type === 'summative' && r.decision === 'agree');
    if (!review) throw new Error('the demo has no agreed summative review');
    const learner = workspace.learner(review.learnerId);

    const { first, second } = await signAndCountersign(
      workspace,
      await tempDir(),
      learner.name,
      review.unitId,
    );
    expect(await pdfsigVerdicts(second)).toEqual([VALID, VALID]);
    const verified = await cli(['verify', second, '--workspace', workspace.dir]);
    expect(verified.code).toBe(0);

    const { pageNumber } = await slotOf(second);
    const before = await textOf(first, pageNumber);
    const after = await textOf(second, pageNumber);
    // The signed first revision already says what the review found; the countersignature
    // adds the IQA's signature in the box the record kept for it.
    expect(before).toMatch(/Sampled\s+Yes/);
    expect(before).toMatch(/IQA decision\s+Agree/);
    expect(before).not.toMatch(/Digitally signed/);
    expect(after).toMatch(/Margaret Ellis/);
    expect(after).toMatch(/Digitally signed \d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(after).toMatch(/Summative sample reviewed/);
    expect(after).toContain(`IQA decision: ${reviewDecisionLabels.agree}`);
    expect(after).not.toMatch(/Sampled\s+No/);

    // What a reader paints: the IQA's signature, in the box that was blank before.
    const ink = await signatureInk(first, second);
    expect(ink.changed).toBeGreaterThan(200);
    expect(ink.dark).toBeGreaterThan(200);
  });

  it('shows on a record made before the review, saying the IQA signed without one', async () => {
    const reviewed = new Set(
      (await samplingStore(workspace).allReviews())
        .flatMap((p) => p.reviews)
        .filter(isCompleteReview)
        .map((r) => `${r.learnerId} ${r.unitId}`),
    );
    // The demo signs the unit off for three learners and its plan reviews at most two of
    // them; which two depends on the learners' generated IDs, so look rather than name one.
    const signedOff = [];
    for (const l of workspace.centre.learners) {
      const { signOffs } = (await workspace.portfolio(l.id)).data;
      if (signOffs.some((s) => s.unitId === 'unit-j-508-4003' && !s.voidedAt)) signedOff.push(l);
    }
    expect(signedOff.length).toBeGreaterThan(2);
    const learner = signedOff.find((l) => !reviewed.has(`${l.id} unit-j-508-4003`));
    if (!learner) throw new Error('every signed-off demo learner has been reviewed');

    const { first, second } = await signAndCountersign(
      workspace,
      await tempDir(),
      learner.name,
      'J/508/4003',
    );
    expect(await pdfsigVerdicts(second)).toEqual([VALID, VALID]);
    const { pageNumber } = await slotOf(second);
    expect(await textOf(first, pageNumber)).toMatch(/Sampled\s+Not when this record was issued/);
    const after = await textOf(second, pageNumber);
    expect(after).toMatch(/Margaret Ellis/);
    expect(after).toMatch(/Internal quality assurer: no completed sample review of this unit/);
    const ink = await signatureInk(first, second);
    expect(ink.changed).toBeGreaterThan(200);
    expect(ink.dark).toBeGreaterThan(200);
  });
});
