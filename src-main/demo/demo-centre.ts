import { addDemoReviews } from './demo-reviews';
import type { StaffMember } from '../centre/centre-schema';
import type { Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import { registerOnUnit } from '../portfolio/portfolio';
import { saveQualification } from '../qualification/qualification-store';
import { loadBuiltInUnits } from '../unit/built-in-library';
import { Workspace } from '../workspace/workspace';
import { addDemoDecisions } from './demo-decisions';
import { addDemoEvidence } from './demo-evidence';
import { addDemoIdentities } from './demo-identities';
import { addDemoWitnessTestimony } from './demo-witness';
import { addAmaraPlan } from './demo-plans';
import {
  demoAssessors,
  demoCentre,
  demoEqa,
  demoIqa,
  demoLearners,
  demoWitnessNames,
} from './demo-people';
import { demoQualification } from './demo-qualification';
import { addDemoEqaVisit } from './demo-eqa-visit';
import { addDemoPastWork } from './demo-past-work';
import { addDemoSampling } from './demo-sampling';
import { addDemoStaffRecords } from './demo-staff';
import { demoProver } from './demo-identities';

const setup: Actor = { id: 'demo-setup', role: 'system' };

type Assessors = { qualified: StaffMember; workingTowards: StaffMember };

/** The centre's two assessors (one countersigned by the other), its IQA and its EQA. */
async function addDemoStaff(workspace: Workspace, now: Date) {
  const qualified = await workspace.addStaffMember(
    { ...demoAssessors.qualified, roles: ['assessor'], assessorStatus: 'qualified' },
    setup,
    now,
  );
  const workingTowards = await workspace.addStaffMember(
    {
      ...demoAssessors.workingTowards,
      roles: ['assessor'],
      assessorStatus: 'working-towards',
      countersignerId: qualified.id,
    },
    setup,
    now,
  );
  const margaret = await workspace.addStaffMember({ ...demoIqa, roles: ['iqa'] }, setup, now);
  await workspace.addStaffMember({ ...demoEqa, roles: ['eqa'] }, setup, now);
  return { qualified, workingTowards, margaret };
}

const ENROLLED_DAYS_AGO = 180;

/**
 * Registers each learner: everyone takes the external-customers unit, alternate learners add
 * one of the others; each gets a witness and a handful of evidence on the external unit.
 */
async function addDemoLearners(
  workspace: Workspace,
  { qualified, workingTowards }: Assessors,
  external: StoredUnit | undefined,
  others: (StoredUnit | undefined)[],
  now: Date,
): Promise<void> {
  // Enrolled half a year back, before the work the demo's past visit sampled.
  const enrolled = new Date(now.getTime() - ENROLLED_DAYS_AGO * 86_400_000);
  for (const [index, { assessor, ...details }] of demoLearners.entries()) {
    const learner = await workspace.addLearner(details, setup, enrolled);
    const assessorId = assessor === 'qualified' ? qualified.id : workingTowards.id;
    const chosen = [external, others[index % 2]].filter((u): u is StoredUnit => u !== undefined);
    const portfolio = await workspace.portfolio(learner.id);
    await portfolio.update((p) =>
      chosen.reduce(
        (acc, unit) =>
          registerOnUnit(
            acc,
            { unitId: unit.id, unitVersion: unit.version, assessorId },
            setup,
            enrolled,
          ),
        p,
      ),
    );
    if (!external) continue;
    const witness = await workspace.addWitness(
      {
        name: demoWitnessNames[index] ?? 'Sam Taylor',
        jobTitle: 'Line manager',
        employer: details.employer ?? '',
        relationship: 'Line manager',
        contact: 'via the employer',
      },
      setup,
      now,
    );
    const assessorName = assessor === 'qualified' ? qualified.name : workingTowards.name;
    await addDemoEvidence(
      workspace,
      { ...learner },
      external,
      { assessorName, witnessId: witness.id, witnessName: witness.name },
      setup,
      now,
      index,
    );
  }
}

/**
 * Writes the demo centre into `dir` through the same domain operations a centre's own
 * administrator would use, so the demo exercises the real code paths.
 */
export async function createDemoCentre(
  dir: string,
  resourcesDir: string,
  now: Date,
): Promise<Workspace> {
  const workspace = await Workspace.create(dir, demoCentre, setup, now);
  const { qualified, workingTowards, margaret } = await addDemoStaff(workspace, now);
  await addDemoIdentities(workspace, resourcesDir, now);

  const units = await loadBuiltInUnits(resourcesDir);
  for (const unit of units) await workspace.saveUnit(unit);
  const byTitle = (words: string) => units.find((u) => u.title.includes(words));
  const external = byTitle('External Customers');
  const others = [byTitle('Principles of Customer Service'), byTitle('Internal Customers')];
  await saveQualification(workspace.dir, demoQualification(units), setup, now);

  await addDemoLearners(workspace, { qualified, workingTowards }, external, others, now);
  const prove = await demoProver(workspace);
  // The past comes first: the EQA's last visit sampled work done before it, and its pack
  // was made before today's sampling plan, so it shows only what existed on its date.
  const assessors = { qualified, workingTowards };
  const past = await addDemoPastWork(workspace, others, assessors, now);
  await addDemoEqaVisit(workspace, resourcesDir, past, now);
  await addDemoWitnessTestimony(workspace, resourcesDir, setup, now);
  // Decided a week ago, so the IQA's reviews of them (a few days ago) come after them.
  const decidedAt = new Date(now.getTime() - 7 * 86_400_000);
  if (external) {
    await addDemoDecisions(workspace, external, { qualified, workingTowards }, decidedAt, prove);
    await addAmaraPlan(workspace, external, now);
  }
  await addDemoSampling(workspace, now, prove);
  await addDemoReviews(workspace, now, { qualified, workingTowards });
  if (external) {
    await addDemoStaffRecords(
      workspace,
      { priya: qualified, tom: workingTowards, margaret },
      external,
      now,
    );
  }
  return workspace;
}
