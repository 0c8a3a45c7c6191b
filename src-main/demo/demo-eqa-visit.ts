import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importP12 } from '../record/identity/signing-identity';
import { loadRecordFonts } from '../record/pdf/fonts';
import { samplingStore } from '../sampling/sampling-store';
import { dayOf, type Actor } from '../shared/record';
import { safeName } from '../storage/safe-name';
import { importEqaReport } from '../visit-pack/eqa-report-import';
import { signEqaReport } from '../visit-pack/eqa-report-pdf';
import { stepVisitAction } from '../visit-pack/visit-actions';
import type { EqaReport } from '../visit-pack/visit-schema';
import { visitDoc, VISITS_FOLDER } from '../visit-pack/visit-store';
import { writeVisitPack } from '../visit-pack/write-pack';
import { openIdentity } from '../record/identity-store/identity-store';
import type { Workspace } from '../workspace/workspace';
import { DEMO_IDENTITIES_FOLDER, DEMO_PASSPHRASE } from './demo-identities';
import { demoEqa } from './demo-people';

/** The demo EQA's own signing identity, beside the centre's in resources but never issued by it. */
export const DEMO_EQA_FOLDER = 'eqa';

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/**
 * A visit three months ago: the pack the IQA made for the EQA, and the EQA's report back, signed
 * with the EQA's own identity and imported, with two actions for the centre: one the assessor
 * answered and the IQA closed, one for the assessor working towards the award still open.
 */
export async function addDemoEqaVisit(
  workspace: Workspace,
  resourcesDir: string,
  now: Date,
): Promise<void> {
  const staff = workspace.centre.staff;
  const iqa = staff.find((s) => s.roles.includes('iqa'));
  const assessor = staff.find(
    (s) => s.roles.includes('assessor') && s.assessorStatus !== 'working-towards',
  );
  const trainee = staff.find((s) => s.assessorStatus === 'working-towards');
  const { plans } = await samplingStore(workspace).listPlans();
  const samples = plans[0]?.plan.samples.slice(0, 2) ?? [];
  if (!iqa || !assessor || samples.length === 0) return;
  const margaret: Actor = { id: iqa.id, role: 'iqa' };
  const packMadeAt = daysAgo(now, 95);
  // The pack Margaret made for the visit, in the workspace where the Sampling page links to it.
  const pack = await writeVisitPack(workspace, {
    out: path.join(workspace.dir, VISITS_FOLDER, `${dayOf(packMadeAt)}-pack`),
    samples: samples.map((s) => ({ learner: s.learnerId, unit: s.unitId })),
    identity: await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE),
    actor: margaret,
    madeBy: iqa.name,
    now: packMadeAt,
    // The demo's IQA leaves out anything marked as holding other people's data.
    thirdParty: 'leave-out',
    // The demo's decisions are recent and this visit is three months back: a unit record issued
    // then would be dated before the decisions it shows (and unsigned, as nobody signed it then),
    // so the past visit's pack holds no records; a pack made today has them, signed as issued.
    records: false,
  });
  const visitId = pack.visitId;
  const visitSamples = (await visitDoc(workspace, visitId)).data.samples;

  const signedAt = daysAgo(now, 88);
  const report: EqaReport = {
    schemaVersion: 1,
    kind: 'eqa-report',
    visitId,
    centreId: workspace.centre.centre.id,
    centreName: workspace.centre.centre.name,
    eqa: {
      name: demoEqa.name,
      awardingBody: workspace.centre.awardingBodies[0]?.name ?? 'OCN London',
    },
    visitedOn: dayOf(daysAgo(now, 90)),
    samples: visitSamples.map((s, i) => ({
      ...s,
      agreesWithAssessor: true,
      agreesWithIqa: true,
      comment:
        i === 0
          ? 'Decisions valid and well evidenced; feedback to the learner is specific.'
          : 'Sound decisions. The IQA’s feedback could say which evidence was sampled.',
    })),
    findings: [
      'Assessment decisions sampled were valid, authentic, current, sufficient and reliable.',
      'The sampling strategy is risk based and followed; the plan covers every assessor and method.',
      'Standardisation took place in the year and its minutes record the agreed outcomes.',
      'One assessor is working towards the assessor award; every decision of theirs sampled was countersigned.',
    ],
    actions: [
      {
        what: 'Say in each IQA sampling record which pieces of evidence were sampled.',
        owner: assessor.name,
        due: dayOf(daysAgo(now, 60)),
      },
      {
        what: 'Complete the assessor award and send a copy of the certificate to the EQA.',
        owner: trainee?.name ?? assessor.name,
        due: dayOf(new Date(now.getTime() + 30 * DAY)),
      },
    ],
    riskRating: 'low',
    directClaims: 'maintained',
    directClaimsReason:
      'Sampling and standardisation are effective; open actions to be followed up next visit.',
    signedOn: dayOf(signedAt),
  };
  const p12 = await readFile(
    path.join(
      resourcesDir,
      DEMO_IDENTITIES_FOLDER,
      DEMO_EQA_FOLDER,
      `${safeName(demoEqa.name)}.p12`,
    ),
  );
  const pdf = await signEqaReport(
    report,
    importP12(p12, DEMO_PASSPHRASE),
    await loadRecordFonts(),
    signedAt,
  );
  await importEqaReport(workspace, pdf, margaret, daysAgo(now, 87));
  const [answered] = (await visitDoc(workspace, visitId)).data.actions;
  if (!answered) return;
  await stepVisitAction(
    workspace,
    visitId,
    answered.id,
    { kind: 'respond', text: 'Each sampling record now lists the evidence sampled.' },
    { id: assessor.id, role: 'assessor' },
    daysAgo(now, 70),
  );
  await stepVisitAction(
    workspace,
    visitId,
    answered.id,
    { kind: 'close', note: 'Checked on the last three sampling records.' },
    margaret,
    daysAgo(now, 65),
  );
}
