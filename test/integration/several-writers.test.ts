import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/workspace/workspace';
import {
  checkFolder,
  killCycles,
  startWriter,
  temporaryFiles,
} from '../../scripts/soak/kill-cycles';
import { demoWorkspace } from '../support/demo-workspace';
import { useTempDirs } from '../support/temp-dir';

// Child processes start slowly on a loaded machine: these guards only catch a hang.
const HANG_GUARD = 600_000;

describe('several processes writing one learner', () => {
  const tempDir = useTempDirs();

  it(
    'keeps every acknowledged save of two processes saving at the same time',
    async () => {
      const { workspace, learnerId } = await demoWorkspace(await tempDir());
      await workspace.portfolios.flush();
      const folder = await workspace.portfolioFolder(learnerId);
      const a = startWriter(workspace.dir, learnerId, 'a', 120);
      const b = startWriter(workspace.dir, learnerId, 'b', 120);
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      expect(a.errors() + b.errors()).toBe('');
      expect([codeA, codeB]).toEqual([0, 0]);
      expect(a.acks.length + b.acks.length).toBe(240);

      const result = await checkFolder(folder, learnerId, [...a.acks, ...b.acks]);
      expect(result.lost).toEqual([]);
      expect(result.unreadable).toEqual([]);

      // Both saved the same criterion meanwhile; whatever was concurrent shows as a conflict,
      // and every one of those decisions is still on file.
      const reopened = await Workspace.open(workspace.dir);
      const doc = await reopened.portfolio(learnerId);
      const mine = doc.data.decisions.filter((d) => /^dc-[ab]-/.test(d.id));
      expect(mine).toHaveLength(240);
      expect(doc.data.audit.filter((e) => e.by === 'st-a' || e.by === 'st-b')).toHaveLength(240);
    },
    HANG_GUARD,
  );

  it(
    'loses no acknowledged save and leaves every file readable when killed with SIGKILL',
    async () => {
      const { workspace, learnerId } = await demoWorkspace(await tempDir());
      await workspace.portfolios.flush();
      const folder = await workspace.portfolioFolder(learnerId);
      const result = await killCycles(workspace.dir, folder, learnerId, 20);
      expect(result.acknowledged).toBeGreaterThanOrEqual(20);
      expect(result.lost).toEqual([]);
      expect(result.unreadable).toEqual([]);
      // A fresh open clears what the killed saves left behind.
      const reopened = await Workspace.open(workspace.dir);
      await reopened.portfolio(learnerId);
      expect(await temporaryFiles(folder)).toEqual([]);
    },
    HANG_GUARD,
  );
});
