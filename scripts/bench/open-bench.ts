import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditEntry } from '../../src-main/audit/audit';
import { ulnCheckDigit } from '../../src-main/centre/uln';
import { newCentreFile } from '../../src-main/centre/roster';
import type { CentreFile, Learner } from '../../src-main/centre/centre-schema';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { listLearners } from '../../src-main/learner/learner-list';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import { newPortfolio } from '../../src-main/portfolio/portfolio';
import type { Actor } from '../../src-main/shared/record';
import { loadBuiltInUnits } from '../../src-main/unit/built-in-library';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import { Workspace } from '../../src-main/workspace/workspace';
import { median, ms, timed } from './timing';

const actor: Actor = { id: 'st-bench', role: 'assessor' };
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function uln(n: number): string {
  for (let k = n; ; k += 1) {
    const nine = String(100000000 + k).slice(0, 9);
    const check = ulnCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** A portfolio the size the issue describes: ~100 evidence items and ~60 decisions. */
function portfolioFor(learnerId: string, units: StoredUnit[], now: Date): Portfolio {
  const p = newPortfolio(learnerId);
  const stamp = { updatedAt: now.toISOString(), updatedBy: actor.id };
  const criteria = units.flatMap((u) =>
    u.outcomes.flatMap((o) => o.criteria.map((c) => ({ unit: u, ref: c.ref }))),
  );
  for (const unit of units) {
    p.registrations.push({
      id: `rg-${randomBytes(5).toString('hex')}`,
      ...stamp,
      unitId: unit.id,
      unitVersion: unit.version,
      assessorId: actor.id,
      registeredAt: now.toISOString(),
      qualification: '',
      withdrawn: false,
    });
  }
  for (let i = 0; i < 100; i += 1) {
    const id = `ev-${randomBytes(5).toString('hex')}`;
    p.evidence.push({
      id,
      ...stamp,
      title: `Evidence item ${i}: workplace product`,
      producedOn: '2026-10-01',
      method: 'product evidence',
      location: 'Leeds',
      producedBy: 'the learner',
      notes: 'Checked for authenticity with the learner.',
      file: {
        path: `evidence/2026-10-01-evidence-item-${i}.pdf`,
        originalName: `item-${i}.pdf`,
        size: 120_000 + i,
        sha256: randomBytes(32).toString('hex'),
        mediaType: 'application/pdf',
      },
      record: '',
      addedAt: now.toISOString(),
      archived: false,
    });
    p.audit.push(
      auditEntry(actor, now, 'added evidence', `evidence ${id}`, {
        after: { title: `Evidence item ${i}` },
      }),
    );
    for (const k of [i, i + 37]) {
      const target = criteria[k % criteria.length]!;
      p.mappings.push({
        id: `mp-${randomBytes(5).toString('hex')}`,
        ...stamp,
        evidenceId: id,
        unitId: target.unit.id,
        criterionRef: target.ref,
        partRef: null,
        removed: false,
      });
      p.audit.push(
        auditEntry(actor, now, 'mapped evidence', `criterion ${target.ref}`, {
          before: { mapped: false },
          after: { mapped: true },
          subject: { unitId: target.unit.id, criterionRef: target.ref, evidenceId: id },
        }),
      );
    }
  }
  for (let i = 0; i < 60; i += 1) {
    const target = criteria[i % criteria.length]!;
    p.decisions.push({
      id: `dc-${randomBytes(5).toString('hex')}`,
      ...stamp,
      unitId: target.unit.id,
      unitVersion: 1,
      criterionRef: target.ref,
      partRef: null,
      outcome: 'met',
      decidedOn: '2026-11-01',
      assessorId: actor.id,
      feedback: 'Clear, sufficient evidence of the criterion in the workplace.',
    });
    p.audit.push(
      auditEntry(actor, now, 'recorded decision', `criterion ${target.ref}`, {
        after: { outcome: 'met' },
      }),
    );
  }
  return p;
}

export async function makeWorkspace(dir: string, learners: number): Promise<void> {
  const now = new Date();
  const units = await loadBuiltInUnits(defaultResourcesDir());
  const centre: CentreFile = newCentreFile({ name: 'Bench College' }, actor, now);
  await mkdir(path.join(dir, 'units'), { recursive: true });
  for (const unit of units)
    await writeFile(path.join(dir, 'units', `${unit.id}-v1.json`), json(unit));
  for (let i = 0; i < learners; i += 1) {
    const id = `ln-${randomBytes(5).toString('hex')}`;
    const learner: Learner = {
      id,
      updatedAt: now.toISOString(),
      updatedBy: actor.id,
      name: `Learner ${i}`,
      uln: uln(i),
      employer: 'Employer',
      workplace: 'Leeds',
      cohort: '2026',
      needs: '',
      portfolio: `learners/learner-${i}-${id.slice(3)}`,
      archived: false,
    };
    centre.learners.push(learner);
    await mkdir(path.join(dir, learner.portfolio, 'evidence'), { recursive: true });
    await writeFile(
      path.join(dir, learner.portfolio, 'portfolio.json'),
      json(portfolioFor(id, units, now)),
    );
  }
  await writeFile(path.join(dir, 'centre.json'), json(centre));
}

/** The floor: read every JSON file of the workspace and parse it, nothing else. */
async function rawRead(dir: string): Promise<number> {
  let count = 0;
  JSON.parse(await readFile(path.join(dir, 'centre.json'), 'utf8'));
  for (const name of await readdir(path.join(dir, 'units'))) {
    JSON.parse(await readFile(path.join(dir, 'units', name), 'utf8'));
  }
  for (const folder of await readdir(path.join(dir, 'learners'))) {
    const portfolio = JSON.parse(
      await readFile(path.join(dir, 'learners', folder, 'portfolio.json'), 'utf8'),
    ) as { evidence: unknown[] };
    count += portfolio.evidence.length;
  }
  return count;
}

export async function openBench(root: string, learners: number) {
  const dir = path.join(root, 'workspace');
  await makeWorkspace(dir, learners);
  // Written in today's layout: the first open upgrades each portfolio into its change files
  // (and a snapshot), once. The rounds below time the upgraded workspace, as it is every day.
  const upgrade = await timed(async () => listLearners(await Workspace.open(dir), false));
  const raw: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    raw.push(await timed(() => rawRead(dir)));
    ours.push(
      await timed(async () => {
        const workspace = await Workspace.open(dir);
        const list = await listLearners(workspace, false);
        if (list.length !== learners || list.some((l) => l.problem))
          throw new Error('listing failed');
      }),
    );
  }
  const ratio = median(ours) / median(raw);
  return {
    text: [
      `Opening a workspace of ${learners} learners (3 units, 100 evidence items and 60 decisions each) and listing them with progress:`,
      `  workbench open + list   ${ms(median(ours))}   (runs: ${ours.map(ms).join(', ')})`,
      `  raw read + JSON.parse   ${ms(median(raw))}   (runs: ${raw.map(ms).join(', ')})`,
      `  ratio                   ${ratio.toFixed(2)}   (target ≤ 2.00) ${ratio <= 2 ? 'met' : 'NOT met'}`,
      `  first open, upgrading today's layout into change files: ${ms(upgrade)}`,
    ].join('\n'),
    ratio,
  };
}
