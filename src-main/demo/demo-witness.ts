import { Readable } from 'node:stream';
import { loadRecordFonts } from '../record/pdf/fonts';
import type { Witness } from '../centre/witness-schema';
import type { Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { makeForm, saveReturned, type TypedTestimony } from '../witness/testimony-service';
import { demoPng } from './demo-files';
import { addSiobhanPlan } from './demo-plans';

const day = (now: Date, daysAgo: number) =>
  new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

type Learner = Workspace['centre']['learners'][number];
type SentForm = Awaited<ReturnType<typeof makeForm>>['form'];

const expertWitness = (employer: string) => ({
  name: 'Dr Ruth Adeyemi',
  jobTitle: 'Customer experience lead',
  employer,
  relationship: 'Senior colleague (not line manager)',
  contact: 'ruth.adeyemi@example.org · 0113 496 0123',
  expert: true,
  competence:
    'Level 5 Diploma in Customer Service; 12 years leading customer service teams; qualified assessor (CAVA).',
});

const HOW = [
  'She agreed with the customer what would happen if the replacement did not arrive on time.',
  'She logged the complaint on the system straight away, as our procedure says.',
  'She arranged the replacement herself within the same day.',
];

/** What the line manager wrote on the form she handed back, as the assessor typed it in. */
function lineManagerTestimony(
  learner: Learner,
  lineManager: Witness,
  form: SentForm,
  unitId: string,
  now: Date,
): TypedTestimony {
  return {
    formId: form.id,
    unitId,
    activityDate: day(now, 12),
    activityTime: '11:00 to 12:30',
    venue: `${learner.workplace}, customer service desk`,
    description:
      'A customer came back to the desk with a damaged order. Siobhán listened without interrupting, apologised, checked the order on the system and logged the complaint. She offered a replacement within the timescale our procedure allows, explained what would happen next, and phoned the customer the next morning to confirm the delivery.',
    criteria: form.criteria.slice(0, 3).map((c, i) => ({
      criterionRef: c.criterionRef,
      partRef: c.partRef,
      how: HOW[i] ?? '',
    })),
    witness: {
      witnessId: lineManager.id,
      name: lineManager.name,
      jobTitle: lineManager.jobTitle,
      relationship: lineManager.relationship,
      contact: '0113 496 0456',
      competence: 'Customer service manager for eight years.',
      claimsExpert: false,
    },
    declaredNotRelated: true,
    declaredOwnAccount: true,
    signedOn: day(now, 11),
    otherFields: {},
  };
}

/**
 * Witness testimony in the demo, for one learner: an expert witness named in her assessment
 * plan, a form her line manager wrote on and handed back (typed in, its photo attached, mapped),
 * and a form sent to the expert that has not come back yet. Made by the same code as real forms.
 */
export async function addDemoWitnessTestimony(
  workspace: Workspace,
  resourcesDir: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain');
  const lineManager = workspace.centre.witnesses.find(
    (w) => w.relationship === 'Line manager' && w.employer === learner?.employer,
  );
  if (!learner || !lineManager) return;
  const doc = await workspace.portfolio(learner.id);
  const registration = doc.data.registrations[0];
  if (!registration) return;
  const { unitId } = registration;
  const expert = await workspace.addWitness(expertWitness(learner.employer), actor, now);
  await addSiobhanPlan(workspace, learner.id, { id: unitId }, expert.id, lineManager.id, now);
  const fonts = await loadRecordFonts(resourcesDir);
  const formFor = (witnessId: string, criteria: string[]) =>
    makeForm(
      workspace,
      { learnerId: learner.id, unitId, criteria, witnessId, format: 'docx' },
      fonts,
      actor,
      now,
    );
  const sent = await formFor(lineManager.id, ['7.4', '9.1']);
  // She printed the form, wrote on it and handed it back; the assessor attached a photo of it.
  await saveReturned(
    workspace,
    learner.id,
    lineManagerTestimony(learner, lineManager, sent.form, unitId, now),
    'typed',
    {
      originalName: 'witness testimony (photo of the paper form).png',
      source: Readable.from([Buffer.from(demoPng(7))]),
    },
    actor,
    now,
  );
  await formFor(expert.id, ['8.1', '8.2', '8.3']);
}
