import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { LearnerDetail } from '../../src-main/learner/learner-views';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

describe('a saved change that cannot be read', () => {
  const tempDir = useTempDirs();

  it('is named on the learner page, the rest of the portfolio still shows, and the file is left as it is', async () => {
    const wb = await bootWorkbench(await tempDir());
    const dispatch = createDispatcher(wb);
    const learner = wb.workspace.centre.learners.find((l) => !l.archived)!;
    const get = async () => {
      const answer = await dispatch('learner:get', { learnerId: learner.id });
      expect(answer.ok).toBe(true);
      return (answer as { data: LearnerDetail }).data;
    };
    const before = await get();
    expect(before.unreadableChanges).toEqual([]);
    expect(before.evidence.length).toBeGreaterThan(0);

    const changes = path.join(wb.workspace.dir, learner.portfolio, 'changes');
    const [name] = (await readdir(changes)).filter((n) => n.endsWith('.jsonl'));
    const file = path.join(changes, name!);
    // A line cut short by a copy, and a change of a kind a newer version might write.
    const newer = {
      id: 'w-newer:1',
      writer: 'w-newer',
      seq: 1,
      clock: 1,
      at: '2026-12-02T10:00:00.000Z',
      owner: learner.id,
      ops: [{ c: 'endPointGateways', r: { id: 'gw-1' } }],
    };
    await appendFile(file, `{"id":"w-cut:1","writer":"w-c\n${JSON.stringify(newer)}\n`);
    const onDisk = await readFile(file);
    await wb.workspace.portfolios.noticeChange(learner.id);

    const after = await get();
    expect(after.unreadableChanges).toHaveLength(2);
    expect(after.unreadableChanges[0]).toContain(`changes/${name}`);
    expect(after.unreadableChanges[0]).toContain('could not be read');
    expect(after.unreadableChanges[1]).toContain('"endPointGateways"');
    expect(after.unreadableChanges[1]).toContain('newer version');
    expect(after.evidence).toEqual(before.evidence);
    expect(after.registrations).toEqual(before.registrations);
    await wb.workspace.portfolios.flush();
    expect(await readFile(file)).toEqual(onDisk);
  });
});
