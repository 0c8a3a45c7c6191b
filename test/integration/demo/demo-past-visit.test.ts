import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoCentre } from '../../../src-main/demo/demo-centre';
import { parseUkDate } from '../../../src-main/kernel/dates';
import { defaultResourcesDir } from '../../../src-main/shared/paths';
import { dayOf } from '../../../src-main/shared/record';
import type { PackData } from '../../../src-main/visit-pack/pack-model';
import { listVisits } from '../../../src-main/visit-pack/visit-store';
import { useTempDirs } from '../../support/temp-dir';

/** Every calendar day a page names: ISO days ("2026-08-21") and UK ones ("21 Aug 2026"). */
function daysNamed(text: string): string[] {
  const iso = [...text.matchAll(/\b(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]!);
  const uk = [...text.matchAll(/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/g)].map((m) => parseUkDate(m[0]));
  return [...iso, ...uk.filter((d): d is string => d !== null)];
}

/** Every date the pack's data shows beside a learner's work or the plan. */
function packDates(pack: PackData): { what: string; day: string }[] {
  const out: { what: string; day: string }[] = [];
  for (const learner of pack.learners) {
    for (const e of learner.evidence) out.push({ what: `evidence ${e.title}`, day: e.producedOn });
    for (const unit of learner.units) {
      for (const t of unit.outcomes.flatMap((o) => o.targets))
        if (t.decidedOn) out.push({ what: `decision on ${unit.ref} ${t.label}`, day: t.decidedOn });
      if (unit.review) out.push({ what: `IQA review of ${unit.ref}`, day: unit.review.on });
    }
  }
  for (const s of pack.plan?.samples ?? []) {
    out.push({ what: `planned sample of ${s.unit}`, day: s.plannedDate });
    if (s.actualDate) out.push({ what: `sample of ${s.unit}`, day: s.actualDate });
  }
  return out;
}

describe('the demo centre’s past EQA visit', () => {
  const temp = useTempDirs();

  it('has a pack showing only work done before it was made, and a report after it', async () => {
    // The demo is partly random (its ids decide the plan's samples): several demos, several days.
    for (const today of ['2026-11-24T10:00:00Z', '2027-03-02T16:30:00Z', '2026-07-01T08:00:00Z']) {
      const root = await temp();
      const workspace = await createDemoCentre(
        path.join(root, 'centre'),
        defaultResourcesDir(),
        new Date(today),
      );
      const [visit] = (await listVisits(workspace)).visits;
      expect(visit, today).toBeDefined();
      const folder = path.join(workspace.dir, visit!.packFolder);
      const pack = JSON.parse(await readFile(path.join(folder, 'pack.json'), 'utf8')) as PackData;
      const packDay = dayOf(new Date(pack.madeAt));
      expect(pack.madeAt).toBe(visit!.packMadeAt);

      // The pack shows real work: each sampled unit has decisions, feedback and evidence.
      expect(pack.learners.length).toBe(2);
      for (const learner of pack.learners) {
        expect(learner.evidence.length).toBeGreaterThan(0);
        for (const unit of learner.units) {
          const targets = unit.outcomes.flatMap((o) => o.targets);
          const decided = targets.filter((t) => t.decidedOn !== null);
          expect(decided.length).toBeGreaterThan(3);
          expect(decided.every((t) => t.decision === 'met' && t.feedback !== '')).toBe(true);
          expect(unit.feedback).not.toBe('');
        }
      }
      const dates = packDates(pack);
      expect(dates.length).toBeGreaterThan(10);
      const late = dates.filter((d) => d.day > packDay);
      expect(late, `${today}: shown in a pack made on ${packDay}`).toEqual([]);

      const html = await readFile(path.join(folder, 'index.html'), 'utf8');
      const named = daysNamed(html);
      expect(named).toContain(packDay);
      expect(named.filter((d) => d > packDay)).toEqual([]);

      // The portfolio agrees: every decision, feedback and evidence item on the sampled units
      // was recorded before the pack.
      for (const learner of pack.learners) {
        const portfolio = (await workspace.portfolio(learner.id)).data;
        const units = new Set(learner.units.map((u) => u.id));
        const stamps = [
          ...portfolio.decisions.filter((d) => units.has(d.unitId)).map((d) => d.updatedAt),
          ...portfolio.unitFeedback.filter((f) => units.has(f.unitId)).map((f) => f.updatedAt),
          ...portfolio.evidence
            .filter((e) => learner.evidence.some((p) => p.id === e.id))
            .map((e) => e.updatedAt),
        ];
        expect(stamps.length).toBeGreaterThan(0);
        expect(stamps.filter((at) => at > pack.madeAt)).toEqual([]);
      }

      const report = visit!.report!;
      expect(report.report.signedOn > packDay).toBe(true);
      expect(report.report.visitedOn > packDay).toBe(true);
      expect(report.importedAt > pack.madeAt).toBe(true);
    }
  }, 600_000);
});
