// Child process for the several-writers test: adds witnesses to a workspace's centre file one
// after another and reports each only once its save was acknowledged.
import { Workspace } from '../../src-main/workspace/workspace';

const [dir, tag, count] = process.argv.slice(2);
if (!dir || !tag || !count) throw new Error('usage: centre-writer DIR TAG COUNT');

const workspace = await Workspace.open(dir);
const actor = { id: `st-${tag}`, role: 'assessor' as const };
for (let i = 0; i < Number(count); i += 1) {
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
}
