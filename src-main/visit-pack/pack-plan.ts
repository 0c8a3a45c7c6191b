import { unitRef } from '../kernel/unit-label';
import { listQualifications } from '../qualification/qualification-store';
import type { CentreLibrary } from '../record/from-portfolio/record-source';
import type { SigningIdentity } from '../record/identity/signing-identity';
import type { PlanFile } from '../sampling/sampling-files';
import type { Workspace } from '../workspace/workspace';
import type { PackSink } from './pack-copy';
import type { PackData, PackFile } from './pack-model';
import { samplingRecords } from './pack-records';
import { planSamples, type ChosenLearner, type VisitPeriod } from './pack-selection';

function planSummary(
  workspace: Workspace,
  plan: PlanFile,
  visitLearners: ReadonlySet<string>,
  period: VisitPeriod | null,
  qualificationTitle: string,
  units: Map<string, string>,
): PackData['plan'] {
  const name = (id: string) =>
    workspace.centre.staff.find((s) => s.id === id)?.name ??
    workspace.centre.learners.find((l) => l.id === id && visitLearners.has(id))?.name ??
    '';
  const inPeriod = planSamples(plan, period);
  const ours = inPeriod.filter((s) => visitLearners.has(s.learnerId));
  return {
    qualification: qualificationTitle,
    period: plan.plan.period,
    samples: ours.map((s) => ({
      learner: name(s.learnerId),
      unit: units.get(s.unitId) ?? s.unitId,
      assessor: name(s.assessorId),
      iqa: name(s.iqaId),
      type: s.type,
      plannedDate: s.plannedDate,
      actualDate: s.actualDate ?? null,
      // Reasons can name a place or cohort shared with learners outside the visit, never a learner.
      reasons: s.reasons,
    })),
    otherSamples: inPeriod.length - ours.length,
  };
}

/** Where the plan's records go, and what signs them. */
export interface PlanOut {
  dir: string;
  hashes: Map<string, string>;
  zip: PackSink | undefined;
  now: Date;
  identity: SigningIdentity | null;
  notes: string[];
}

/**
 * The sampling plan as the visit sees it: the IQA's record of each of the visit's reviewed
 * samples written into the pack, and the plan's summary naming only the visit's learners.
 */
export async function packPlan(
  workspace: Workspace,
  place: {
    plan: PlanFile | null;
    period: VisitPeriod | null;
    library: CentreLibrary;
    chosen: readonly ChosenLearner[];
  },
  out: PlanOut,
): Promise<{ sampling: PackFile[]; summary: PackData['plan'] }> {
  const { plan, period, library, chosen } = place;
  if (!plan) return { sampling: [], summary: null };
  const sampleIds = planSamples(plan, period)
    .filter((s) => chosen.some((c) => c.learnerId === s.learnerId && c.unitIds.includes(s.unitId)))
    .map((s) => s.id);
  const sampling = await samplingRecords(
    workspace,
    plan,
    sampleIds,
    { dir: out.dir, hashes: out.hashes, zip: out.zip },
    { now: out.now, identity: out.identity, notes: out.notes },
  );
  const { qualifications } = await listQualifications(workspace.dir);
  const title =
    qualifications.find((q) => q.id === plan.plan.qualificationId)?.title ??
    plan.plan.qualificationId;
  const unitTitles = new Map(library.units.map((u) => [u.id, `${unitRef(u)} ${u.title}`]));
  const visitLearners = new Set(chosen.map((c) => c.learnerId));
  return {
    sampling,
    summary: planSummary(workspace, plan, visitLearners, period, title, unitTitles),
  };
}
