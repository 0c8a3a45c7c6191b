import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/workspace/workspace';
import { registerOnUnit } from '../../src-main/portfolio/portfolio';
import { useTempDirs } from '../support/temp-dir';
import { demoWorkspace, tester, when } from '../support/demo-workspace';

describe('opening files written by an older workbench', () => {
  const tempDir = useTempDirs();

  it('reads a layout-1 workspace, upgrades it into change files, and keeps portfolio.json as a current snapshot', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const learner = workspace.learner(learnerId);
    const file = path.join(workspace.dir, learner.portfolio, 'portfolio.json');
    await workspace.portfolios.flush();
    const current = JSON.parse(await readFile(file, 'utf8'));
    // Rewrite both files as the first release would have written them (no change files then).
    await rm(path.join(workspace.dir, learner.portfolio, 'changes'), { recursive: true });
    await rm(path.join(workspace.dir, 'centre-changes'), { recursive: true });
    const v1 = {
      schemaVersion: 1,
      kind: 'learner-portfolio',
      learnerId,
      registrations: current.registrations.map(
        ({ qualification: _q, withdrawn: _w, ...r }: Record<string, unknown>) => r,
      ),
      audit: current.audit,
    };
    await writeFile(file, JSON.stringify(v1));
    const centreFile = path.join(workspace.dir, 'centre.json');
    const centre = JSON.parse(await readFile(centreFile, 'utf8'));
    const { witnesses: _w, audit: _a, ...centreV1 } = { ...centre, schemaVersion: 1 };
    await writeFile(centreFile, JSON.stringify(centreV1));

    const reopened = await Workspace.open(workspace.dir);
    expect(reopened.centre.witnesses).toEqual([]);
    // centre.json is upgraded too: one change named by its content, and a snapshot in its place.
    const centreChanges = await readdir(path.join(workspace.dir, 'centre-changes'));
    expect(centreChanges).toEqual([expect.stringMatching(/^import-[0-9a-f]+\.jsonl$/)]);
    const snapshot = JSON.parse(await readFile(centreFile, 'utf8'));
    expect(snapshot).toMatchObject({ schemaVersion: 2, witnesses: [], snapshot: { changes: 1 } });
    expect(snapshot.learners).toEqual(centre.learners);
    const doc = await reopened.portfolio(learnerId);
    expect(doc.data.registrations).toHaveLength(2);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(1);

    const unit = (await reopened.listUnits()).units.find(
      (u) => u.id === 'unit-deliver-monitor-and-evaluate-customer-service-to-internal-customers',
    )!;
    await doc.update((p) =>
      registerOnUnit(p, { unitId: unit.id, unitVersion: 1, assessorId: 'st-x' }, tester, when),
    );
    // The old file is one change (named by its content); the save is another, in this writer's file.
    const changes = await readdir(path.join(workspace.dir, learner.portfolio, 'changes'));
    expect(changes.filter((n) => n.startsWith('import-'))).toHaveLength(1);
    expect(changes).toContain(`${reopened.portfolios.writer}.jsonl`);
    await reopened.portfolios.flush();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.snapshot.note).toContain('changes/');
    expect(saved.schemaVersion).toBe(3);
    expect(saved.evidence).toEqual([]);
    expect(saved.audit.length).toBe(v1.audit.length + 1);
  });
});
