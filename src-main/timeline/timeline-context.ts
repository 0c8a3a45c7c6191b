import { unitLabel, unitRef } from '../kernel/unit-label';
import { UserError } from '../kernel/user-error';
import { samplingStore } from '../sampling/sampling-store';
import { listVisits } from '../visit-pack/visit-store';
import type { Workspace } from '../workspace/workspace';
import type { LearnerSampling, TimelineContext } from './timeline-entry';

/**
 * Reads what a learner's timeline is made of: their portfolio, the names of the people and
 * units it mentions, the sampling plans that sample their work (with the reviews of those
 * samples) and the EQA visits that sampled it. A file that cannot be read is reported, not used.
 */
export async function loadTimelineContext(
  workspace: Workspace,
  learnerId: string,
): Promise<{ context: TimelineContext; problems: string[] }> {
  const learner = workspace.learner(learnerId);
  const portfolio = (await workspace.portfolio(learnerId)).data;
  const { units } = await workspace.listUnits();
  const unitNames = new Map(units.map((u) => [u.id, unitLabel(unitRef(u), u.title)]));
  const { staff, witnesses } = workspace.centre;
  const people = new Map([...staff, ...witnesses].map((s) => [s.id, s.name]));
  people.set('demo-setup', 'Demo setup');
  people.set(learnerId, learner.name);
  const names = {
    person: (id: string) => people.get(id) ?? (id === 'centre-admin' ? 'Centre administrator' : id),
    unit: (id: string) => unitNames.get(id) ?? id,
    learner: learner.name,
  };
  const store = samplingStore(workspace);
  const { plans, problems } = await store.listPlans();
  const sampling: LearnerSampling[] = [];
  for (const file of plans) {
    const concerns =
      file.plan.samples.some((s) => s.learnerId === learnerId) ||
      file.plan.removed.some((r) => r.sample.learnerId === learnerId);
    if (!concerns) continue;
    try {
      const reviews = (await store.readReviews(file.id)).filter((r) => r.learnerId === learnerId);
      sampling.push({
        planId: file.id,
        createdAt: file.createdAt,
        updatedAt: file.updatedAt,
        plan: file.plan,
        reviews,
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
    }
  }
  const listed = await listVisits(workspace);
  problems.push(...listed.problems);
  const visits = listed.visits.filter((v) => v.samples.some((s) => s.learnerId === learnerId));
  return { context: { learnerId, portfolio, sampling, visits, names }, problems };
}
