import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importP12 } from '../record/identity/signing-identity';
import { loadRecordFonts } from '../record/pdf/fonts';
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
import type { PastUnit } from './demo-past-work';
import type { StaffMember } from '../centre/centre-schema';

/** The demo EQA's own signing identity, beside the centre's in resources but never issued by it. */
export const DEMO_EQA_FOLDER = 'eqa';

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
/** How long before the demo's today the past visit's pack was made. */
export const PACK_DAYS_AGO = 95;

/** The pack Margaret made for the visit, in the workspace where the Sampling page links to it. */
async function writePastPack(
  workspace: Workspace,
  iqa: StaffMember,
  samples: readonly PastUnit[],
  packMadeAt: Date,
): Promise<string> {
  const pack = await writeVisitPack(workspace, {
    out: path.join(workspace.dir, VISITS_FOLDER, `${dayOf(packMadeAt)}-pack`),
    samples: samples.map((s) => ({ learner: s.learnerId, unit: s.unitId })),
    identity: await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE),
    actor: { id: iqa.id, role: 'iqa' },
    madeBy: iqa.name,
    now: packMadeAt,
    // The demo's IQA leaves out anything marked as holding other people's data.
    thirdParty: 'leave-out',
    // Records issued now would be dated after the pack: the past visit's pack holds none; a
    // pack made today has them, signed as issued.
    records: false,
  });
  return pack.visitId;
}

/** What the EQA found, agreed and asked of the centre, as they signed it a few days after. */
async function pastReport(
  workspace: Workspace,
  visitId: string,
  owners: { assessor: StaffMember; trainee: StaffMember | undefined },
  now: Date,
): Promise<EqaReport> {
  const visitSamples = (await visitDoc(workspace, visitId)).data.samples;
  return {
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
      'One assessor is working towards the assessor award; a qualified assessor countersigns their unit sign-offs.',
    ],
    actions: [
      {
        what: 'Say in each IQA sampling record which pieces of evidence were sampled.',
        owner: owners.assessor.name,
        due: dayOf(daysAgo(now, 60)),
      },
      {
        what: 'Complete the assessor award and send a copy of the certificate to the EQA.',
        owner: (owners.trainee ?? owners.assessor).name,
        due: dayOf(new Date(now.getTime() + 30 * DAY)),
      },
    ],
    riskRating: 'low',
    directClaims: 'maintained',
    directClaimsReason:
      'Sampling and standardisation are effective; open actions to be followed up next visit.',
    signedOn: dayOf(daysAgo(now, 88)),
  };
}

/** The report signed with the EQA's own identity (never one the centre issued) and imported. */
async function signAndImport(
  workspace: Workspace,
  resourcesDir: string,
  report: EqaReport,
  margaret: Actor,
  now: Date,
): Promise<void> {
  const p12 = await readFile(
    path.join(
      resourcesDir,
      DEMO_IDENTITIES_FOLDER,
      DEMO_EQA_FOLDER,
      `${safeName(demoEqa.name)}.p12`,
    ),
  );
  const signedAt = daysAgo(now, 88);
  const identity = importP12(p12, DEMO_PASSPHRASE);
  const pdf = await signEqaReport(report, identity, await loadRecordFonts(), signedAt);
  await importEqaReport(workspace, pdf, margaret, daysAgo(now, 87));
}

/** The assessor answers the first action and the IQA closes it. */
async function closeFirstAction(
  workspace: Workspace,
  visitId: string,
  assessor: StaffMember,
  margaret: Actor,
  now: Date,
): Promise<void> {
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

/**
 * A visit three months ago, sampling the units `samples` names (worked on before it): the pack
 * the IQA made for the EQA, and the EQA's report back, signed with the EQA's own identity and
 * imported, with two actions for the centre: one the assessor answered and the IQA closed, one
 * for the assessor working towards the award still open. Made before the demo's sampling plan,
 * so the pack holds nothing dated after it.
 */
export async function addDemoEqaVisit(
  workspace: Workspace,
  resourcesDir: string,
  samples: readonly PastUnit[],
  now: Date,
): Promise<void> {
  const staff = workspace.centre.staff;
  const iqa = staff.find((s) => s.roles.includes('iqa'));
  const assessor = staff.find(
    (s) => s.roles.includes('assessor') && s.assessorStatus !== 'working-towards',
  );
  const trainee = staff.find((s) => s.assessorStatus === 'working-towards');
  if (!iqa || !assessor || samples.length === 0) return;
  const margaret: Actor = { id: iqa.id, role: 'iqa' };
  const visitId = await writePastPack(workspace, iqa, samples, daysAgo(now, PACK_DAYS_AGO));
  const report = await pastReport(workspace, visitId, { assessor, trainee }, now);
  await signAndImport(workspace, resourcesDir, report, margaret, now);
  await closeFirstAction(workspace, visitId, assessor, margaret, now);
}
