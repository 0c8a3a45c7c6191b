import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { loadRecordFonts } from '../record/pdf/fonts';
import type { Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { addAssessmentPlan } from '../witness/testimony';
import { importReturnedPdf, makeForm } from '../witness/testimony-service';

const day = (now: Date, daysAgo: number) =>
  new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * Witness testimony in the demo, for one learner: an expert witness named in her assessment
 * plan, a form her line manager filled in and returned (read back and mapped), and a form sent
 * to the expert that has not come back yet. Made and read by the same code as real forms.
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
  const expert = await workspace.addWitness(
    {
      name: 'Dr Ruth Adeyemi',
      jobTitle: 'Customer experience lead',
      employer: learner.employer,
      relationship: 'Senior colleague (not line manager)',
      contact: 'ruth.adeyemi@example.org · 0113 496 0123',
      expert: true,
      competence:
        'Level 5 Diploma in Customer Service; 12 years leading customer service teams; qualified assessor (CAVA).',
    },
    actor,
    now,
  );
  await doc.update(
    (p) =>
      addAssessmentPlan(
        p,
        {
          agreedOn: day(now, 35),
          unitIds: [registration.unitId],
          expertWitnessIds: [expert.id],
          notes: 'Dr Adeyemi to witness complaint handling on the shop floor.',
        },
        actor,
        now,
      ).portfolio,
  );
  const fonts = await loadRecordFonts(resourcesDir);
  const returned = await makeForm(
    workspace,
    {
      learnerId: learner.id,
      unitId: registration.unitId,
      criteria: ['7.4', '9.1'],
      witnessId: lineManager.id,
      format: 'pdf',
    },
    fonts,
    actor,
    now,
  );
  const pdf = await PDFDocument.load(returned.bytes);
  pdf.registerFontkit(fontkit);
  const form = pdf.getForm();
  const fill: Record<string, string> = {
    activityDate: day(now, 12),
    activityTime: '11:00 to 12:30',
    venue: `${learner.workplace}, customer service desk`,
    description:
      'A customer came back to the desk with a damaged order. Siobhán listened without interrupting, apologised, checked the order on the system and logged the complaint. She offered a replacement within the timescale our procedure allows, explained what would happen next, and phoned the customer the next morning to confirm the delivery.',
    'criterion-1-how':
      'She agreed with the customer what would happen if the replacement did not arrive on time.',
    'criterion-2-how':
      'She logged the complaint on the system straight away, as our procedure says.',
    'criterion-3-how': 'She arranged the replacement herself within the same day.',
    signedOn: day(now, 11),
  };
  for (const [name, value] of Object.entries(fill)) form.getTextField(name).setText(value);
  for (const name of ['criterion-1', 'criterion-2', 'criterion-3', 'notRelated', 'ownAccount']) {
    form.getCheckBox(name).check();
  }
  form.updateFieldAppearances(await pdf.embedFont(fonts.regular, { subset: false }));
  const file = path.join(os.tmpdir(), `demo-${returned.form.id}.pdf`);
  await writeFile(file, await pdf.save({ updateFieldAppearances: false }));
  try {
    await importReturnedPdf(
      workspace,
      learner.id,
      file,
      'witness testimony (returned).pdf',
      actor,
      now,
    );
  } finally {
    await rm(file, { force: true });
  }
  await makeForm(
    workspace,
    {
      learnerId: learner.id,
      unitId: registration.unitId,
      criteria: ['8.1', '8.2', '8.3'],
      witnessId: expert.id,
      format: 'pdf',
    },
    fonts,
    actor,
    now,
  );
}
