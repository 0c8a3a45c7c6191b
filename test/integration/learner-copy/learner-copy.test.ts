import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { updateEvidence } from '../../../src-main/evidence/evidence-records';
import { safeName } from '../../../src-main/storage/safe-name';
import { filesUnder } from '../../../src-main/visit-pack/pack-manifest';
import { Workspace } from '../../../src-main/workspace/workspace';
import { portfolioOnDisk } from '../../support/portfolio-on-disk';
import { runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { capture, demoVisit } from '../../support/visit-pack';

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io.io);
  return { code, text: [...io.out, ...io.err].join('\n') };
}

/** Every way a name can be written into a copy: as written, and as a file or folder name. */
function spellings(person: { name: string; uln: string }): string[] {
  return [person.name, person.name.normalize('NFD'), safeName(person.name), person.uln].filter(
    (s) => s.length > 0,
  );
}

async function portfolioOf(dir: string, learnerId: string) {
  const folder = await (await Workspace.open(dir)).portfolioFolder(learnerId);
  return portfolioOnDisk(folder, learnerId);
}

/** Marks the learner's first evidence item with a file as holding other people's data. */
async function markFirstFile(dir: string, learnerId: string) {
  const workspace = await Workspace.open(dir);
  const doc = await workspace.portfolio(learnerId);
  const item = doc.data.evidence.find((e) => e.file && !e.archived)!;
  await doc.update(
    (p) =>
      updateEvidence(
        p,
        item.id,
        { thirdPartyData: true },
        { id: 'st-test', role: 'assessor' },
        new Date('2026-11-30T10:00:00Z'),
      ).portfolio,
  );
  await Workspace.flushAll();
  return item;
}

describe('workbench export-learner', () => {
  const tempDir = useTempDirs();

  it("holds the learner's units, evidence, records and trail, and no other learner's name or ULN", async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const [me] = visit.chosen;
    const out = path.join(root, 'copy');
    const result = await run('export-learner', visit.dir, '--learner', me!.learnerId, '--out', out);
    expect(result.code, result.text).toBe(0);
    const zipped = await run(
      'export-learner',
      visit.dir,
      '--learner',
      me!.uln,
      '--out',
      path.join(root, 'copy.zip'),
    );
    expect(zipped.code, zipped.text).toBe(0);

    const files = await filesUnder(out);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'copy.json', 'MANIFEST.sha256']));
    expect(files.some((f) => f.startsWith('portfolio/evidence/'))).toBe(true);
    // The record signed by the assessor, exactly as issued, and the IQA's record of the sample.
    expect(files.some((f) => /^portfolio\/records\/.+\.pdf$/.test(f))).toBe(true);
    expect(files.some((f) => /^sampling\/sampling-record-.+\.pdf$/.test(f))).toBe(true);
    const sums = await runTool('sh', ['-c', `cd "${out}" && sha256sum -c MANIFEST.sha256`]);
    expect(sums.code, sums.stdout + sums.stderr).toBe(0);

    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain(me!.name);
    expect(html).toContain(me!.uln);
    expect(html).toContain('IQA reviews of your work');
    // The trail reads in words: named people and actions, not ids.
    expect(html).toMatch(/added evidence/);
    expect(html).not.toMatch(/\bst-[a-z0-9]{6,}\b/);

    const texts: { where: string; text: string }[] = [];
    for (const file of files) {
      const full = path.join(out, file);
      texts.push({ where: `${file} (name)`, text: file });
      texts.push({ where: file, text: (await readFile(full)).toString('latin1') });
      texts.push({ where: file, text: await readFile(full, 'utf8') });
      if (file.endsWith('.pdf')) {
        const pdf = await runTool('pdftotext', [full, '-']);
        expect(pdf.code).toBe(0);
        texts.push({ where: `${file} (text)`, text: pdf.stdout });
      }
    }
    const zip = await JSZip.loadAsync(await readFile(path.join(root, 'copy.zip')));
    for (const entry of Object.values(zip.files)) {
      texts.push({ where: `zip entry ${entry.name}`, text: entry.name });
      if (!entry.dir) texts.push({ where: `zip ${entry.name}`, text: await entry.async('string') });
    }
    expect(zip.file(/index\.html$/)).toHaveLength(1);
    const others = [...visit.others, visit.chosen[1]!];
    for (const person of others) {
      for (const spelling of spellings(person)) {
        const found = texts.filter((t) => t.text.includes(spelling)).map((t) => t.where);
        expect(found, `${spelling} appears in the copy`).toEqual([]);
      }
    }

    // The copy is on the learner's own audit trail.
    const portfolio = await portfolioOf(visit.dir, me!.learnerId);
    expect(portfolio.audit.some((a) => a.action === "made the learner's copy of their data")).toBe(
      true,
    );
  });

  it('asks what to do with evidence holding other people’s data, and leaves it out when told', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const [me] = visit.chosen;
    const marked = await markFirstFile(visit.dir, me!.learnerId);
    const portfolio = await portfolioOf(visit.dir, me!.learnerId);
    const entry = portfolio.audit.find(
      (a) => a.subject?.evidenceId === marked.id && /other people's personal data/.test(a.action),
    );
    expect(entry).toMatchObject({ by: 'st-test', at: '2026-11-30T10:00:00.000Z' });

    const refused = await run(
      'export-learner',
      visit.dir,
      '--learner',
      me!.learnerId,
      '--out',
      path.join(root, 'refused'),
    );
    expect(refused.code).toBe(2);
    expect(refused.text).toContain(marked.title);
    expect(refused.text).toContain('--third-party leave-out');
    expect(await readdir(root)).not.toContain('refused');

    const bad = await run(
      'export-learner',
      visit.dir,
      '--learner',
      me!.learnerId,
      '--out',
      path.join(root, 'bad'),
      '--third-party',
      'maybe',
    );
    expect(bad.code).toBe(2);

    const left = path.join(root, 'left-out');
    const leaving = await run(
      'export-learner',
      visit.dir,
      '--learner',
      me!.learnerId,
      '--out',
      left,
      '--third-party',
      'leave-out',
    );
    expect(leaving.code, leaving.text).toBe(0);
    expect(await filesUnder(left)).not.toContain(`portfolio/${marked.file!.path}`);
    const html = await readFile(path.join(left, 'index.html'), 'utf8');
    expect(html).toContain(`${marked.title}: left out: contains other people's personal data`);

    const kept = path.join(root, 'included');
    const including = await run(
      'export-learner',
      visit.dir,
      '--learner',
      me!.learnerId,
      '--out',
      kept,
      '--third-party',
      'include',
    );
    expect(including.code, including.text).toBe(0);
    expect(await filesUnder(kept)).toContain(`portfolio/${marked.file!.path}`);
  });

  it('the EQA pack asks the same, and lists a left-out item as left out', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const [me] = visit.chosen;
    const workspace = await Workspace.open(visit.dir);
    const doc = await workspace.portfolio(me!.learnerId);
    const mapped = new Set(
      doc.data.mappings
        .filter((m) => !m.removed && m.unitId === me!.unitId)
        .map((m) => m.evidenceId),
    );
    const item = doc.data.evidence.find((e) => e.file && !e.archived && mapped.has(e.id))!;
    await doc.update(
      (p) =>
        updateEvidence(
          p,
          item.id,
          { thirdPartyData: true },
          { id: 'st-test', role: 'assessor' },
          new Date(),
        ).portfolio,
    );
    await Workspace.flushAll();
    const pack = (out: string, ...more: string[]) =>
      run(
        'eqa-pack',
        visit.dir,
        '--out',
        path.join(root, out),
        '--sample',
        `${me!.learnerId}:${me!.unitId}`,
        '--no-zip',
        ...more,
      );
    const refused = await pack('refused');
    expect(refused.code).toBe(2);
    expect(refused.text).toContain('--third-party');
    const made = await pack('visit', '--third-party', 'leave-out');
    expect(made.code, made.text).toBe(0);
    const files = await filesUnder(path.join(root, 'visit'));
    expect(files.some((f) => f.endsWith(item.file!.path.slice('evidence/'.length)))).toBe(false);
    const data = JSON.parse(await readFile(path.join(root, 'visit', 'pack.json'), 'utf8')) as {
      learners: { evidence: { id: string; leftOut: string | null; file: unknown }[] }[];
    };
    const listed = data.learners[0]!.evidence.find((e) => e.id === item.id);
    expect(listed).toMatchObject({
      leftOut: "left out: contains other people's personal data",
      file: null,
    });
  });
});
