import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stamp, type Actor } from '../../../src-main/shared/record';
import { CompetenceStore } from '../../../src-main/competence/competence-store';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

const at = new Date('2026-12-01T09:00:00Z');

describe('staff records kept by two computers at once', () => {
  const tempDir = useTempDirs();

  it('keeps a CPD entry added on one and a check added on the other to one person’s record', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const tom = workspace.centre.staff.find((s) => s.name === 'Tom Fletcher')!;
    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const asTom: Actor = { id: tom.id, role: 'assessor' };
    const asIqa: Actor = { id: iqa.id, role: 'iqa' };
    // Two writers that have not seen each other's saves: the laptop and the office PC.
    const laptop = new CompetenceStore(workspace.dir, 'laptop-writer');
    const office = new CompetenceStore(workspace.dir, 'office-writer');
    const before = (await laptop.readStaffRecord(tom.id))!;
    await office.readStaffRecord(tom.id);

    await laptop.changeStaffRecord(tom.id, asTom, at, (r) => ({
      ...r,
      cpd: [
        ...r.cpd,
        {
          id: 'cpd-laptop',
          ...stamp(asTom, at),
          date: '2026-11-30',
          activity: 'Complaints webinar',
          hours: 2,
          learned: '',
          evidence: [],
          archived: false,
        },
      ],
    }));
    await office.changeStaffRecord(tom.id, asIqa, at, (r) => ({
      ...r,
      checks: [
        ...r.checks,
        {
          id: 'chk-office',
          ...stamp(asIqa, at),
          name: 'DBS check',
          checkedOn: '2026-11-28',
          expiresOn: null,
          reference: '001',
          archived: false,
        },
      ],
    }));

    // A third process reads both, and neither writer lost the other's entry.
    const fresh = (await new CompetenceStore(workspace.dir, 'reader').readStaffRecord(tom.id))!;
    expect(fresh.cpd.map((c) => c.id)).toEqual([...before.cpd.map((c) => c.id), 'cpd-laptop']);
    expect(fresh.checks.map((c) => c.id)).toEqual([
      ...before.checks.map((c) => c.id),
      'chk-office',
    ]);
    const changes = await readdir(path.join(workspace.dir, 'staff', tom.id, 'record-changes'));
    expect(changes).toEqual(expect.arrayContaining(['laptop-writer.jsonl', 'office-writer.jsonl']));
  });
});
