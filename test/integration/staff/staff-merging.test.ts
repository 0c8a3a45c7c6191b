import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stamp, type Actor } from '../../../src-main/shared/record';
import { CompetenceStore } from '../../../src-main/competence/competence-store';
import type { StaffRecordFile } from '../../../src-main/competence/staff-record-schema';
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
    // Two writers on one folder (two processes, or two computers on a network share).
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

  it('shows one field set differently on both as a conflict, and keeps the value chosen on the audit trail', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const priya = workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    const asPriya: Actor = { id: priya.id, role: 'assessor' };
    const asIqa: Actor = { id: iqa.id, role: 'iqa' };
    // Two computers apart: the laptop has a copy of the workspace the sync engine will update.
    const copy = await tempDir();
    await cp(workspace.dir, copy, { recursive: true });
    const laptop = new CompetenceStore(copy, 'laptop-writer');
    const office = new CompetenceStore(workspace.dir, 'office-writer');
    const cpdId = (await laptop.readStaffRecord(priya.id))!.cpd[0]!.id;
    const setHours = (hours: number, actor: Actor) => (r: StaffRecordFile) => ({
      ...r,
      cpd: r.cpd.map((c) => (c.id === cpdId ? { ...c, hours, ...stamp(actor, at) } : c)),
    });
    await laptop.changeStaffRecord(priya.id, asPriya, at, setHours(4, asPriya));
    await office.changeStaffRecord(priya.id, asIqa, at, setHours(6, asIqa));

    const changes = (dir: string) => path.join(dir, 'staff', priya.id, 'record-changes');
    await cp(changes(copy), changes(workspace.dir), { recursive: true });
    const reader = new CompetenceStore(workspace.dir, 'reader');
    await reader.readStaffRecord(priya.id);
    const [conflict, ...others] = await reader.conflicts();
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ field: 'hours' });
    expect(conflict!.versions.map((v) => v.value).sort()).toEqual([4, 6]);
    const kept = conflict!.versions.find((v) => v.value === 6)!;
    expect(await reader.settle(conflict!.id, kept.version, asIqa, at)).toBe(true);
    expect(await reader.conflicts()).toEqual([]);
    const record = (await new CompetenceStore(workspace.dir, 'later').readStaffRecord(priya.id))!;
    expect(record.cpd.find((c) => c.id === cpdId)!.hours).toBe(6);
    expect(record.audit.at(-1)).toMatchObject({
      action: 'settled a conflict',
      by: iqa.id,
      after: { kept: 6 },
    });
  });
});
