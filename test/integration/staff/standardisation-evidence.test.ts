import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { StandardisationView } from '../../../src-main/competence/standardisation-view';
import type { StaffRecordView } from '../../../src-main/competence/staff-record-view';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { FILE_ROUTE } from '../../../src-main/evidence/file-tickets';
import { staffSectionSource } from '../../../src-main/visit-pack/pack-staff-sections';
import type { Workbench } from '../../../src-main/app/workbench';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';
import { ok } from '../../support/dispatch';

/**
 * A demo learner with an evidence file, the unit they are registered on (whichever the demo
 * gave them), and another learner for the pack's sample.
 */
async function judgedPiece(wb: Workbench) {
  for (const learner of wb.workspace.centre.learners) {
    const portfolio = (await wb.workspace.portfolio(learner.id)).data;
    const registration = portfolio.registrations.find((r) => !r.withdrawn);
    const evidence = portfolio.evidence.find((e) => !e.archived && e.file);
    if (!registration || !evidence) continue;
    const { units } = await wb.workspace.listUnits();
    const unit = units.find((u) => u.id === registration.unitId)!;
    const notOnUnit = [];
    for (const other of wb.workspace.centre.learners) {
      const p = (await wb.workspace.portfolio(other.id)).data;
      if (!p.registrations.some((r) => r.unitId === unit.id && !r.withdrawn)) notOnUnit.push(other);
    }
    const other = wb.workspace.centre.learners.find((l) => l.id !== learner.id)!;
    return { learner, unit, evidence, other, notOnUnit };
  }
  throw new Error('The demo has no learner with an evidence file.');
}

async function setUp(root: string) {
  const wb = await bootWorkbench(root);
  const dispatch = createDispatcher(wb);
  const staff = wb.workspace.centre.staff;
  const iqa = staff.find((s) => s.roles.includes('iqa'))!;
  const priya = staff.find((s) => s.name === 'Priya Sharma')!;
  await ok(dispatch, 'session:set-user', {
    personId: iqa.id,
    role: 'iqa',
    passphrase: DEMO_PASSPHRASE,
  });
  const piece = await judgedPiece(wb);
  const meeting = (sample: { learnerId: string | null; evidenceId: string | null }) => ({
    date: '2026-11-20',
    attendees: [iqa.id, priya.id],
    unitId: piece.unit.id,
    criteria: [piece.unit.outcomes[0]!.criteria[0]!.ref],
    sample: { ...sample, description: 'The observation record of a complaint call' },
    judgements: [{ assessorId: priya.id, decision: 'met', reasoning: 'All parts seen.' }],
    agreed: { decision: 'met', rationale: 'Every part is evidenced.' },
    actions: [],
  });
  return { wb, dispatch, piece, meeting, priya };
}

describe('the work judged at standardisation', () => {
  const tempDir = useTempDirs();

  it('refers to a learner’s evidence item with its SHA-256, and refuses work the portfolio does not have', async () => {
    const { wb, dispatch, piece, meeting } = await setUp(await tempDir());
    const { learner, evidence, unit } = piece;
    const { id } = await ok<{ id: string }>(
      dispatch,
      'standardisation:save',
      meeting({ learnerId: learner.id, evidenceId: evidence.id }),
    );
    const onDisk = JSON.parse(
      await readFile(path.join(wb.workspace.dir, 'standardisation', `${id}.json`), 'utf8'),
    );
    expect(onDisk.sample).toEqual({
      learnerId: learner.id,
      unitId: unit.id,
      evidenceId: evidence.id,
      sha256: evidence.file!.sha256,
      description: 'The observation record of a complaint call',
    });
    const portfolioDir = await wb.workspace.portfolioFolder(learner.id);
    const bytes = await readFile(path.join(portfolioDir, evidence.file!.path));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(onDisk.sample.sha256);

    // The record shows the item as the portfolio has it, to open in place.
    const list = await ok<StandardisationView>(dispatch, 'standardisation:list', {});
    expect(list.judgedEvidence[id]).toMatchObject({
      id: evidence.id,
      title: evidence.title,
      file: { sha256: evidence.file!.sha256 },
      missing: false,
      changed: false,
    });
    expect(list.names[learner.id]).toBe(learner.name);

    // A learner's unit alone, without an item, is kept without a hash.
    const unitOnly = await ok<{ id: string }>(
      dispatch,
      'standardisation:save',
      meeting({ learnerId: learner.id, evidenceId: null }),
    );
    const kept = JSON.parse(
      await readFile(path.join(wb.workspace.dir, 'standardisation', `${unitOnly.id}.json`), 'utf8'),
    );
    expect(kept.sample).toMatchObject({
      learnerId: learner.id,
      unitId: unit.id,
      evidenceId: null,
      sha256: null,
    });

    const refused = async (sample: { learnerId: string | null; evidenceId: string | null }) => {
      const result = await dispatch('standardisation:save', meeting(sample));
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused({ learnerId: null, evidenceId: evidence.id })).toBe(
      'Choose the learner whose evidence was judged.',
    );
    expect(await refused({ learnerId: learner.id, evidenceId: 'ev-not-there' })).toBe(
      `That evidence item is not in ${learner.name}'s portfolio.`,
    );
    if (piece.notOnUnit[0]) {
      expect(await refused({ learnerId: piece.notOnUnit[0].id, evidenceId: null })).toContain(
        `is not registered on ${unit.title}`,
      );
    }
  });

  it('names the learner and the item in the visit pack only when the learner is in its sample', async () => {
    const { wb, dispatch, piece, meeting } = await setUp(await tempDir());
    const { learner, evidence, other } = piece;
    await ok(
      dispatch,
      'standardisation:save',
      meeting({ learnerId: learner.id, evidenceId: evidence.id }),
    );
    const workJudged = async (learnerIds: string[]) => {
      const sections = await staffSectionSource(wb.workspace, {
        learnerIds,
        period: null,
        today: '2026-11-24',
      });
      const standardisation = sections.find((s) => s.section.id === 'standardisation')!;
      const row = standardisation.section.rows.find((r) =>
        r.cells.some((c) => c.value.includes('Every part is evidenced.')),
      )!;
      return {
        cell: row.cells.find((c) => c.label === 'Work judged')!.value,
        everything: JSON.stringify(sections.map((s) => s.section)),
      };
    };

    const outside = await workJudged([other.id]);
    expect(outside.cell).toBe('A learner’s work (not in this pack)');
    for (const leak of [learner.name, learner.id, evidence.title, evidence.file!.sha256]) {
      expect(outside.everything).not.toContain(leak);
    }
    // Not even the description, which could name them.
    expect(outside.everything).not.toContain('The observation record of a complaint call');

    const inside = await workJudged([learner.id, other.id]);
    expect(inside.cell).toContain(learner.name);
    expect(inside.cell).toContain(`“${evidence.title}”`);
    expect(inside.cell).toContain(`SHA-256 ${evidence.file!.sha256}`);
    expect(inside.cell).toContain('The observation record of a complaint call');
  });

  it('shows a CPD certificate in place through the ticketed file route, and nothing it does not keep', async () => {
    const { wb, dispatch, priya } = await setUp(await tempDir());
    const record = await ok<StaffRecordView>(dispatch, 'staff:record', { personId: priya.id });
    const entry = record.record.cpd.find((c) => c.evidence.length > 0)!;
    const file = entry.evidence[0]!;
    const preview = await ok<{ kind: string; url: string; mediaType: string }>(
      dispatch,
      'staff:preview-cpd-file',
      { personId: priya.id, cpdId: entry.id, sha256: file.sha256 },
    );
    expect(preview.url.startsWith(FILE_ROUTE)).toBe(true);
    expect(preview.mediaType).toBe(file.mediaType);
    const ticket = wb.tickets.redeem(preview.url.slice(FILE_ROUTE.length))!;
    expect(ticket.file).toBe(path.join(wb.workspace.dir, 'staff', priya.id, file.path));

    const missing = await dispatch('staff:preview-cpd-file', {
      personId: priya.id,
      cpdId: entry.id,
      sha256: '0'.repeat(64),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The web host opens nothing in another program.
    expect(
      await dispatch('staff:open-cpd-file', {
        personId: priya.id,
        cpdId: entry.id,
        sha256: file.sha256,
      }),
    ).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
