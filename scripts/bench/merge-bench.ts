import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { recordDecision } from '../../src-main/decision/marking';
import { listLearners } from '../../src-main/learner/learner-list';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import type { Actor } from '../../src-main/shared/record';
import { loadBuiltInUnits } from '../../src-main/unit/built-in-library';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import { Workspace } from '../../src-main/workspace/workspace';
import { makeWorkspace } from './open-bench';
import { median, ms, timed } from './timing';

const actor: Actor = { id: 'st-bench', role: 'assessor' };

interface Target {
  criterionRef: string;
  partRef: string | null;
}

/** The first registered unit, and every criterion or part of it a decision can be on. */
function markable(p: Portfolio, units: readonly StoredUnit[]) {
  const { unitId, unitVersion } = p.registrations[0]!;
  const unit = units.find((u) => u.id === unitId && u.version === unitVersion)!;
  const targets: Target[] = unit.outcomes
    .flatMap((o) => o.criteria)
    .flatMap<Target>((c) =>
      c.parts.length
        ? c.parts.map((part) => ({ criterionRef: c.ref, partRef: part.ref }))
        : [{ criterionRef: c.ref, partRef: null }],
    );
  return { unit, targets };
}

/** One decision and its audit entry, made by the marking screen's own domain function. */
function withDecision(p: Portfolio, units: readonly StoredUnit[], index: number, now: Date) {
  const { unit, targets } = markable(p, units);
  const target = targets[index % targets.length]!;
  const outcome = index % 2 ? 'not-yet-met' : 'not-assessed';
  return recordDecision(p, unit, { ...target, outcome }, actor, now).portfolio;
}

/**
 * A decision saved on a learner with 20,000 audit entries against one on a new learner: a save
 * appends one change, so the two must cost about the same (target: ratio ≤ 1.5).
 */
export async function saveBench(root: string) {
  const dir = path.join(root, 'save');
  await makeWorkspace(dir, 2);
  const units = await loadBuiltInUnits(defaultResourcesDir());
  const workspace = await Workspace.open(dir);
  const [old, fresh] = workspace.centre.learners;
  const big = await workspace.portfolio(old!.id);
  // Two years of marking: 20,000 audit entries, a decision behind each tenth of them.
  await big.update((p) => {
    const now = new Date('2025-01-01T00:00:00Z');
    const audit = [...p.audit];
    const decisions = [...p.decisions];
    for (let i = 0; audit.length < 20_000; i += 1) {
      const d = withDecision(p, units, i, now);
      if (i % 10 === 0) decisions.push(d.decisions.at(-1)!);
      audit.push(d.audit.at(-1)!);
    }
    return { ...p, audit, decisions };
  });
  await workspace.portfolios.flush();
  const small = await workspace.portfolio(fresh!.id);
  const save = (doc: typeof big, i: number) =>
    timed(() => doc.update((p) => withDecision(p, units, i, new Date())));
  // One save on each in turn, so a busy moment of the machine or the disk falls on both alike.
  const bigTimes: number[] = [];
  const smallTimes: number[] = [];
  for (let i = 0; i < 180; i += 1) {
    smallTimes.push(await save(small, i));
    bigTimes.push(await save(big, i));
  }
  await Promise.all([small.flush(), big.flush()]);
  const ratio = median(bigTimes) / median(smallTimes);
  return {
    text: [
      'Saving a decision (median of 180 saves each):',
      `  learner with 20,000 audit entries   ${median(bigTimes).toFixed(2)} ms`,
      `  new learner                         ${median(smallTimes).toFixed(2)} ms`,
      `  ratio                               ${ratio.toFixed(2)}   (target ≤ 1.50) ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
    ].join('\n'),
    ratio,
  };
}

async function copyChanges(from: string, to: string): Promise<number> {
  let files = 0;
  for (const folder of await readdir(path.join(from, 'learners'))) {
    const source = path.join(from, 'learners', folder, 'changes');
    const target = path.join(to, 'learners', folder, 'changes');
    await mkdir(target, { recursive: true });
    for (const name of await readdir(source)) {
      const there = await stat(path.join(target, name)).catch(() => null);
      if (!there) {
        await cp(path.join(source, name), path.join(target, name));
        files += 1;
      }
    }
  }
  return files;
}

/**
 * Two copies of a workspace, each of which changed a tenth of its learners apart (some the same
 * learners), merged: the change files one copy made reach the other, as a sync engine delivers
 * them, and the open workbench folds them in. Timed against opening the workspace.
 */
export async function mergeBench(root: string, learners: number) {
  const dirA = path.join(root, 'merge-a');
  const dirB = path.join(root, 'merge-b');
  await makeWorkspace(dirA, learners);
  await listLearners(await Workspace.open(dirA), false);
  await cp(dirA, dirB, { recursive: true });
  const units = await loadBuiltInUnits(defaultResourcesDir());
  const tenth = Math.max(1, Math.round(learners / 10));
  const change = async (dir: string, from: number, decision: number) => {
    const workspace = await Workspace.open(dir);
    for (const learner of workspace.centre.learners.slice(from, from + tenth)) {
      const doc = await workspace.portfolio(learner.id);
      await doc.update((p) => withDecision(p, units, decision, new Date()));
    }
    await workspace.portfolios.flush();
  };
  await change(dirA, 0, 0);
  await change(dirB, Math.round(tenth / 2), 1);

  const a = await Workspace.open(dirA);
  const opening = await timed(async () => listLearners(await Workspace.open(dirA), false));
  for (const learner of a.centre.learners) await a.portfolio(learner.id);
  const delivered = await copyChanges(dirB, dirA);
  const merging = await timed(async () => {
    for (const learner of a.centre.learners) await a.portfolios.noticeChange(learner.id);
  });
  const reopened = await timed(async () => listLearners(await Workspace.open(dirA), false));
  return {
    text: [
      `Merging two copies of a ${learners}-learner workspace that each changed ${tenth} learners apart (${delivered} change files delivered):`,
      `  folding the other copy's changes into the open workspace   ${ms(merging)}`,
      `  opening the workspace and listing it                      ${ms(opening)}   (merge / open ${(merging / opening).toFixed(2)})`,
      `  opening the merged workspace and listing it               ${ms(reopened)}`,
    ].join('\n'),
  };
}
