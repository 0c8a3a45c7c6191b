import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { addEvidence, type EvidenceDetails } from '../../../src-main/evidence/evidence-records';
import { addEvidenceFile } from '../../../src-main/evidence/evidence-store';
import { setTargetsForEvidence } from '../../../src-main/mapping/mapping';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace, tester, when } from '../../support/demo-workspace';
import { runTool } from '../../support/record/system-tools';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The record's text as pdftotext reads it, with runs of spaces made one. */
async function pdfText(file: string): Promise<string> {
  return (await runTool('pdftotext', ['-layout', file, '-'])).stdout;
}

describe('observation and discussion records say only what is so', () => {
  let root: string;
  let workspace: Workspace;
  let unitId: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-sessions-'));
    ({ workspace } = await demoWorkspace(root));
    const { units } = await workspace.listUnits();
    unitId = units.find((u) => u.codes.ofqual === 'J/508/4003')!.id;
  });
  afterAll(() => rm(root, { recursive: true, force: true, maxRetries: 10 }));

  const learner = (name: string) => workspace.centre.learners.find((l) => l.name === name)!;

  /** Adds an item written in the app (or with a file) and maps it to the unit's 5.3. */
  async function addSession(
    learnerId: string,
    details: EvidenceDetails & { record?: string },
    file?: { name: string; bytes: Buffer },
  ): Promise<string> {
    const { units } = await workspace.listUnits();
    const doc = await workspace.portfolio(learnerId);
    let id: string;
    if (file) {
      id = (
        await addEvidenceFile(
          workspace,
          learnerId,
          details,
          { originalName: file.name, source: Readable.from([file.bytes]) },
          tester,
          () => when,
        )
      ).id;
    } else {
      await doc.update((p) => {
        const added = addEvidence(p, { record: '', ...details }, null, tester, when);
        id = added.evidence.id;
        return added.portfolio;
      });
    }
    await doc.update((p) =>
      setTargetsForEvidence(
        p,
        units,
        id,
        [{ unitId, criterionRef: '5.3', partRef: null }],
        tester,
        when,
      ),
    );
    return id!;
  }

  const record = (learnerId: string, out: string, ...more: string[]) =>
    cli([
      'record',
      workspace.dir,
      '--learner',
      learnerId,
      '--unit',
      'J/508/4003',
      '--out',
      out,
      ...more,
    ]);

  it('takes the direct observation, not the practical demonstration, and leaves the signatures undated', async () => {
    const nguyen = learner('Nguyễn Thị Hoa');
    const out = path.join(root, 'observation.pdf');
    const made = await record(nguyen.id, out, '--kind', 'observation');
    expect(made.code, made.err).toBe(0);
    const text = await pdfText(out);
    expect(text).toContain('greeted a customer, asked open questions');
    expect(text).not.toContain('ran the customer desk for a full shift');
    expect(text).toContain('What would you do if the customer was');
    // Nobody has signed: both boxes say so, and neither carries a date.
    expect(text.match(/Not yet signed/g)).toHaveLength(2);
    const assessorLine = text.split('\n').find((l) => /Priya Sharma\s+Assessor/.test(l))!;
    expect(assessorLine.trim()).toMatch(/Assessor$/);
  });

  it('makes the practical demonstration’s record when asked for it, pointing to the questions in its account', async () => {
    const nguyen = learner('Nguyễn Thị Hoa');
    const doc = await workspace.portfolio(nguyen.id);
    const demo = doc.data.evidence.find((e) => e.method === 'practical demonstration')!;
    const out = path.join(root, 'demonstration.pdf');
    const made = await record(nguyen.id, out, '--kind', 'observation', '--evidence', demo.id);
    expect(made.code, made.err).toBe(0);
    const text = await pdfText(out);
    expect(text).toContain('Questions afterwards covered the legislation');
    expect(text).not.toContain('No questions were asked.');
    expect(text).toContain('The questions asked are described in the account of what was');
  });

  it('asks which observation when there are two, and says when there is none', async () => {
    const lukasz = learner('Łukasz Wójcik');
    const second = await addSession(lukasz.id, {
      title: 'Observation: closing a complaint',
      producedOn: '2026-11-20',
      method: 'direct observation',
      producedBy: 'Priya Sharma',
      record: 'Łukasz closed a complaint by the procedure.',
    });
    const out = path.join(root, 'which.pdf');
    const ambiguous = await record(lukasz.id, out, '--kind', 'observation');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err.split('\n')).toHaveLength(1);
    expect(ambiguous.err).toContain('has 2 observations for that unit');
    expect(ambiguous.err).toContain(second);
    expect(ambiguous.err).toContain('--evidence ID');

    const chosen = await record(
      lukasz.id,
      out,
      '--kind',
      'observation',
      '--evidence',
      'Observation: closing a complaint',
    );
    expect(chosen.code, chosen.err).toBe(0);
    expect(await pdfText(out)).toContain('closed a complaint by the procedure');

    const none = await record(lukasz.id, out, '--kind', 'discussion');
    expect(none.code).toBe(2);
    expect(none.err).toContain('has no professional discussion recorded for that unit');
  });

  it('says truthfully what was recorded of a discussion, and prints notes as notes', async () => {
    const lukasz = learner('Łukasz Wójcik');
    const noted = await addSession(lukasz.id, {
      title: 'Professional discussion: complaints',
      producedOn: '2026-11-21',
      method: 'professional discussion',
      producedBy: 'Priya Sharma',
      notes: 'Audio recorded with consent and kept on the centre drive; 40 minutes.',
      record: 'We discussed the complaints procedure.',
    });
    const out = path.join(root, 'discussion.pdf');
    const made = await record(lukasz.id, out, '--kind', 'discussion', '--evidence', noted);
    expect(made.code, made.err).toBe(0);
    const text = (await pdfText(out)).replace(/[ ]+/g, ' ');
    expect(text).not.toContain('No: not recorded');
    expect(text).toMatch(/Recording No recording is attached to this\s+evidence/);
    expect(text).toMatch(
      /Assessor's notes\nAudio recorded with consent and kept on the centre drive/,
    );
    expect(text).toMatch(/Assessor feedback\nNo feedback recorded\./);
    expect(text).toContain('40 minutes');

    const withFile = await addSession(
      lukasz.id,
      {
        title: 'Professional discussion: feedback',
        producedOn: '2026-11-22',
        method: 'professional discussion',
        producedBy: 'Priya Sharma',
      },
      { name: 'discussion.mp3', bytes: Buffer.from('ID3 not really audio') },
    );
    const second = await record(lukasz.id, out, '--kind', 'discussion', '--evidence', withFile);
    expect(second.code, second.err).toBe(0);
    expect((await pdfText(out)).replace(/[ ]+/g, ' ')).toMatch(
      /Recording Audio recording kept as evidence:\s+discussion\.mp3/,
    );
  });
});
