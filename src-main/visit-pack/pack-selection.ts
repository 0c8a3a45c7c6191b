import { UserError } from '../kernel/user-error';
import { findLearner } from '../centre/find-learner';
import { type RecordSource } from '../record/from-portfolio/record-source';
import { findRegisteredUnit } from '../portfolio/registered-units';
import type { PlanFile } from '../sampling/sampling-files';
import type { Sample } from '../sampling/plan-schema';
import type { Workspace } from '../workspace/workspace';

/** One learner's unit the EQA asked for: the learner by id, ULN or name; the unit by any code. */
export interface WantedSample {
  learner: string;
  unit: string;
}

export interface VisitPeriod {
  from: string;
  to: string;
}

/** "Zoë O'Brien:J/508/4003" → learner and unit; the last colon splits (names have none). */
export function parseSampleArg(text: string): WantedSample {
  const at = text.indexOf(':');
  const learner = at > 0 ? text.slice(0, at).trim() : '';
  const unit = at > 0 ? text.slice(at + 1).trim() : '';
  if (!learner || !unit) {
    throw new UserError(
      'invalid-input',
      `"${text}" is not a learner and unit: write it as LEARNER:UNIT, for example "Zoë O'Brien:J/508/4003".`,
    );
  }
  return { learner, unit };
}

const inPeriod = (s: Sample, period: VisitPeriod | null) => {
  if (!period) return true;
  const day = s.actualDate ?? s.plannedDate;
  return day >= period.from && day <= period.to;
};

/** The plan's samples in the period, as the EQA's list when they have not sent their own. */
export function planSamples(plan: PlanFile, period: VisitPeriod | null): Sample[] {
  return plan.plan.samples.filter((s) => inPeriod(s, period));
}

export interface ChosenLearner {
  learnerId: string;
  unitIds: string[];
}

/**
 * The learners and units the visit samples, each learner once with their units in the order
 * asked; a learner or unit that cannot be found is named in the error.
 */
export async function chooseSamples(
  workspace: Workspace,
  wanted: readonly WantedSample[],
  load: (learnerId: string) => Promise<RecordSource>,
): Promise<ChosenLearner[]> {
  const chosen = new Map<string, string[]>();
  for (const w of wanted) {
    const learner = findLearner(workspace.centre, w.learner);
    const source = await load(learner.id);
    const found = findRegisteredUnit({ ...source, learner }, w.unit);
    const list = chosen.get(learner.id) ?? [];
    if (!list.includes(found.unit.id)) list.push(found.unit.id);
    chosen.set(learner.id, list);
  }
  return [...chosen].map(([learnerId, unitIds]) => ({ learnerId, unitIds }));
}
