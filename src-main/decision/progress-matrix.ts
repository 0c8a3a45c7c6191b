import { UserError } from '../kernel/user-error';
import { activeRegistrations } from '../portfolio/portfolio';
import { unitProgress } from './progress';
import { unitRef } from '../kernel/unit-label';
import { mapLimit } from '../shared/map-limit';
import { dayOf } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import type { MatrixCell, MatrixRow, ProgressMatrix } from './decision-views';
import { unitGaps } from './gaps';
import { markingContext } from './marking-context';

const latest = (dates: (string | null | undefined)[]) =>
  dates.reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null);

/** Every learner × every unit they are on: what a caseload review or visit plan starts from. */
export async function progressMatrix(workspace: Workspace, now: Date): Promise<ProgressMatrix> {
  const { units } = await workspace.listUnits();
  const { staff, learners, witnesses } = workspace.centre;
  const byKey = new Map(units.map((u) => [`${u.id}@${u.version}`, u]));
  const used = new Map<string, { id: string; ref: string; title: string }>();
  const today = dayOf(now);
  const rows = await mapLimit(
    learners.filter((l) => !l.archived),
    16,
    async (learner): Promise<MatrixRow> => {
      const base = {
        learnerId: learner.id,
        name: learner.name,
        employer: learner.employer,
        workplace: learner.workplace,
        cohort: learner.cohort,
      };
      try {
        return await workspace.portfolios.summarise(learner, (portfolio) => {
          const registrations = activeRegistrations(portfolio);
          const cells = registrations.flatMap((r): MatrixCell[] => {
            const unit = byKey.get(`${r.unitId}@${r.unitVersion}`);
            if (!unit) return [];
            used.set(unit.id, { id: unit.id, ref: unitRef(unit), title: unit.title });
            const progress = unitProgress(portfolio, unit, staff);
            const gaps = unitGaps(markingContext(portfolio, unit, today, witnesses));
            return [
              {
                unitId: unit.id,
                ...progress.criteria,
                notYetMet: gaps.notYetMet.length,
                warnings: gaps.warnings.length,
                signOff: progress.signOff,
                readyToSignOff: gaps.readyToSignOff && progress.signOff === 'open',
                lastAssessedOn: latest(
                  portfolio.decisions.filter((d) => d.unitId === unit.id).map((d) => d.decidedOn),
                ),
              },
            ];
          });
          const assessorIds = [...new Set(registrations.map((r) => r.assessorId))];
          return {
            ...base,
            assessorIds,
            assessorName: assessorIds
              .map((id) => staff.find((s) => s.id === id)?.name ?? 'Unknown assessor')
              .join(', '),
            cells,
            lastActivityOn: latest([
              ...portfolio.decisions.map((d) => d.decidedOn),
              ...portfolio.evidence.filter((e) => !e.archived).map((e) => e.producedOn),
            ]),
            problem: null,
          };
        });
      } catch (error) {
        const problem =
          error instanceof UserError ? error.message : 'The portfolio could not be read.';
        return {
          ...base,
          assessorName: '',
          assessorIds: [],
          cells: [],
          lastActivityOn: null,
          problem,
        };
      }
    },
  );
  return { units: [...used.values()].sort((a, b) => a.ref.localeCompare(b.ref)), rows };
}
