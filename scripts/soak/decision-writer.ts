// A process recording decisions on one learner as fast as it can, through the same storage the
// hosts use, printing "ack <id>" only once each save is acknowledged. Used by the two-writer
// test, the kill -9 test and `npm run soak`.
//   tsx scripts/soak/decision-writer.ts WORKSPACE LEARNER-ID NAME [COUNT]
import { auditEntry } from '../../src-main/audit/audit';
import type { CriterionDecision } from '../../src-main/portfolio/decision-schema';
import { Workspace } from '../../src-main/workspace/workspace';

const [dir, learnerId, name, countText] = process.argv.slice(2);
if (!dir || !learnerId || !name) throw new Error('usage: WORKSPACE LEARNER-ID NAME [COUNT]');
const count = countText ? Number(countText) : Infinity;
const actor = { id: `st-${name}`, role: 'assessor' as const };

const workspace = await Workspace.open(dir);
const doc = await workspace.portfolio(learnerId);
const unit = doc.data.registrations[0]!;
for (let i = 1; i <= count; i += 1) {
  const now = new Date();
  const decision: CriterionDecision = {
    id: `dc-${name}-${i}`,
    updatedAt: now.toISOString(),
    updatedBy: actor.id,
    unitId: unit.unitId,
    unitVersion: unit.unitVersion,
    // Half on one shared criterion, so the writers also decide the same thing at once.
    criterionRef: i % 2 ? '1.1' : `${1 + (i % 5)}.${1 + (i % 3)}`,
    partRef: null,
    outcome: i % 3 ? 'not-yet-met' : 'met',
    decidedOn: now.toISOString().slice(0, 10),
    assessorId: actor.id,
    feedback: `${name} ${i}`,
  };
  await doc.update((p) => ({
    ...p,
    decisions: [...p.decisions, decision],
    audit: [
      ...p.audit,
      auditEntry(actor, now, 'recorded decision', `criterion ${decision.criterionRef}`, {
        after: { id: decision.id },
      }),
    ],
  }));
  process.stdout.write(`ack ${decision.id}\n`);
}
await workspace.portfolios.flush();
