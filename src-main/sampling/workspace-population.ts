import { UserError } from '../kernel/user-error';
import type { CentreFile, Learner } from '../centre/centre-schema';
import { latestDecisions } from '../decision/latest-decisions';
import { currentSignOff } from '../decision/lock';
import type { Portfolio, Registration } from '../portfolio/portfolio-schema';
import { listQualifications, type StoredQualification } from '../qualification/qualification-store';
import type { Qualification } from '../qualification/qualification-schema';
import { mapLimit } from '../shared/map-limit';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import {
  assessmentKey,
  samplingPopulationSchema,
  type AssessorStatus,
  type PopulationAssessment,
  type PopulationLearner,
  type SamplingPopulation,
} from './population';

/**
 * The one place where the workspace's records (centre.json, portfolios, units, qualifications)
 * become the planner's plain population. Every screen, the CLI, the report and the benchmark
 * build it here, so they all sample the same thing.
 */

export interface WorkspacePopulation {
  population: SamplingPopulation;
  /** Everyone who recorded a decision on each learner's unit, keyed by `assessmentKey`. */
  makers: Map<string, string[]>;
}

export function qualificationUnitIds(qualification: Qualification): Set<string> {
  return new Set([
    ...qualification.mandatoryUnitIds,
    ...qualification.optionalGroups.flatMap((g) => g.unitIds),
  ]);
}

/** Registrations counted towards the qualification: named for it, or on one of its units. */
export function countsTowards(registration: Registration, qualification: Qualification): boolean {
  if (registration.withdrawn) return false;
  if (registration.qualification) return registration.qualification === qualification.id;
  return qualificationUnitIds(qualification).has(registration.unitId);
}

/** Funding age bands, worked out on the day the plan is for. */
export function ageBand(dateOfBirth: string | undefined, on: string): string | undefined {
  if (!dateOfBirth) return undefined;
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  if (!y || !m || !d || !ty || !tm || !td) return undefined;
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (age < 16) return 'under 16';
  if (age <= 18) return '16-18';
  if (age <= 23) return '19-23';
  return '24+';
}

function statusOf(status: 'qualified' | 'working-towards' | undefined): AssessorStatus | undefined {
  if (status === 'working-towards') return 'working-towards';
  if (status === 'qualified') return 'experienced';
  return undefined;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v.trim()) counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [value, count] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** One learner's work on one unit, as the planner sees it, with everyone who decided on it. */
export function assessmentOf(
  portfolio: Portfolio,
  registration: Registration,
  unit: StoredUnit | undefined,
  learner: Pick<Learner, 'workplace'>,
): { assessment: PopulationAssessment; makers: string[] } {
  const unitId = registration.unitId;
  const evidence = new Map(portfolio.evidence.filter((e) => !e.archived).map((e) => [e.id, e]));
  const mapped = new Set(
    portfolio.mappings.filter((m) => !m.removed && m.unitId === unitId).map((m) => m.evidenceId),
  );
  const items = [...mapped].flatMap((id) => {
    const e = evidence.get(id);
    return e ? [e] : [];
  });
  const methods = [...new Set(items.map((e) => e.method))].sort();
  const location = mostCommon(items.map((e) => e.location)) || learner.workplace;
  const latest = currentSignOff(portfolio, unitId);
  const deciders = new Set<string>();
  for (const d of portfolio.decisions) if (d.unitId === unitId) deciders.add(d.assessorId);
  // Everyone who signed for the unit (a countersigner too) made the decision the IQA samples.
  for (const s of portfolio.signOffs) {
    if (s.unitId !== unitId || s.voidedAt) continue;
    deciders.add(s.signedOffBy);
    if (s.countersignedBy) deciders.add(s.countersignedBy);
  }
  const assessed =
    latest !== null ||
    [...latestDecisions(portfolio, unitId).values()].some((d) => d.outcome !== 'not-assessed');
  const others = [...deciders].filter((id) => id !== registration.assessorId).sort();
  const decidedBy =
    latest && latest.signedOffBy !== registration.assessorId ? latest.signedOffBy : others[0];
  return {
    assessment: {
      learnerId: portfolio.learnerId,
      unitId,
      unitTitle: unit?.title ?? unitId,
      assessorId: registration.assessorId,
      methods,
      location,
      stage: latest ? 'completed' : 'in-progress',
      ...(assessed ? {} : { assessed: false }),
      ...(latest ? { decidedAt: latest.signedOffAt.slice(0, 10) } : {}),
      ...(decidedBy ? { decidedBy } : {}),
      ...(others.some((id) => id !== decidedBy)
        ? { alsoDecidedBy: others.filter((id) => id !== decidedBy) }
        : {}),
    },
    makers: [registration.assessorId, ...others],
  };
}

export function learnerOf(learner: Learner, on: string): PopulationLearner {
  const band = ageBand(learner.dateOfBirth, on);
  return {
    id: learner.id,
    name: learner.name,
    cohort: learner.cohort,
    employer: learner.employer,
    workplace: learner.workplace,
    needs: learner.needs,
    ...(band ? { ageBand: band } : {}),
  };
}

/** The population from records already read: plain data in, plain data out. */
export function populationFrom(
  centre: Pick<CentreFile, 'staff' | 'learners'>,
  portfolios: readonly Portfolio[],
  units: readonly StoredUnit[],
  qualification: Qualification,
  on: string,
): WorkspacePopulation {
  const unitByKey = new Map(units.map((u) => [`${u.id}\u0000${u.version}`, u]));
  const learners = new Map(centre.learners.map((l) => [l.id, l]));
  const staff = centre.staff.filter((s) => !s.archived);
  const assessments: PopulationAssessment[] = [];
  const makers = new Map<string, string[]>();
  const sampled = new Set<string>();
  for (const portfolio of portfolios) {
    const learner = learners.get(portfolio.learnerId);
    if (!learner || learner.archived) continue;
    for (const registration of portfolio.registrations) {
      if (!countsTowards(registration, qualification)) continue;
      const unit = unitByKey.get(`${registration.unitId}\u0000${registration.unitVersion}`);
      const made = assessmentOf(portfolio, registration, unit, learner);
      const key = assessmentKey(made.assessment);
      // A unit registered twice (a copy merged by hand) is one piece of work.
      if (sampled.has(key)) continue;
      sampled.add(key);
      assessments.push(made.assessment);
      makers.set(key, made.makers);
    }
  }
  const inPlan = new Set(assessments.map((a) => a.learnerId));
  const population = samplingPopulationSchema.parse({
    assessors: staff
      .filter((s) => s.roles.includes('assessor'))
      .map((s) => {
        const status = statusOf(s.assessorStatus);
        return { id: s.id, name: s.name, ...(status ? { status } : {}) };
      }),
    iqas: staff.filter((s) => s.roles.includes('iqa')).map((s) => ({ id: s.id, name: s.name })),
    learners: centre.learners.filter((l) => inPlan.has(l.id)).map((l) => learnerOf(l, on)),
    assessments,
  });
  // An assessor who has left still made the decisions: keep their name on the plan.
  for (const a of population.assessments) {
    if (population.assessors.some((p) => p.id === a.assessorId)) continue;
    const person = centre.staff.find((s) => s.id === a.assessorId);
    population.assessors.push({ id: a.assessorId, name: person?.name ?? 'Unknown assessor' });
  }
  return { population, makers };
}

export async function findQualification(
  workspace: Workspace,
  qualificationId: string,
): Promise<StoredQualification> {
  const { qualifications } = await listQualifications(workspace.dir);
  const found = qualifications.find((q) => q.id === qualificationId);
  if (!found) {
    throw new UserError(
      'not-found',
      'That qualification is not in this workspace. Choose one from the list of qualifications.',
    );
  }
  return found;
}

/** Reads every learner's portfolio (validated, not kept open) and builds the population. */
export async function loadPopulation(
  workspace: Workspace,
  qualification: Qualification,
  on: string,
): Promise<WorkspacePopulation> {
  const { units } = await workspace.listUnits();
  const centre = workspace.centre;
  const learners = centre.learners.filter((l) => !l.archived);
  const portfolios = await mapLimit(learners, 16, (learner) =>
    workspace.portfolios.summarise(learner, (p) => p),
  );
  return populationFrom(centre, portfolios, units, qualification, on);
}
