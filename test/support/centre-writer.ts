// Child process for the several-writers test: adds witnesses to a workspace's centre file and
// audit entries to its sampling plan, one after another, and reports each only once its save
// was acknowledged; then changes one field of the first learner (`--field employer=…`).
import { auditEntry } from '../../src-main/audit/audit';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';

const [dir, tag, count, field] = process.argv.slice(2);
if (!dir || !tag || !count) throw new Error('usage: centre-writer DIR TAG COUNT [FIELD=VALUE]');

const workspace = await Workspace.open(dir);
const store = samplingStore(workspace);
const planId = (await store.listPlans()).plans[0]?.id;
const actor = { id: `st-${tag}`, role: 'assessor' as const };
for (let i = 0; i < Number(count); i += 1) {
  if (i % 2 === 0 || !planId) {
    const witness = await workspace.addWitness(
      {
        name: `Witness ${tag} ${i}`,
        employer: 'Leeds Teaching Hospitals',
        relationship: 'Line manager',
      },
      actor,
      new Date(),
    );
    process.stdout.write(`ack ${witness.id}\n`);
  } else {
    const entry = auditEntry(actor, new Date(), 'noted on the plan', `note ${tag} ${i}`);
    await (await store.plan(planId)).update((f) => ({ ...f, audit: [...f.audit, entry] }));
    process.stdout.write(`ack ${entry.id}\n`);
  }
}
if (field) {
  const [name, value] = field.split('=') as ['employer' | 'workplace', string];
  const learner = workspace.centre.learners[0]!;
  await workspace.updateLearner(learner.id, { [name]: value }, actor, new Date());
  process.stdout.write(`set ${name}\n`);
}
await Workspace.flushAll();
