import { UserError } from '../kernel/user-error';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import type { JudgedWork } from './standardisation-schema';

export interface JudgedWorkInput {
  learnerId: string | null;
  evidenceId: string | null;
  description: string;
}

/**
 * The piece every assessor judged, as the record keeps it: the description, and when the IQA
 * chose a learner's work on the unit (and, if they chose one, an evidence item of it) from the
 * portfolio, a reference to it with the SHA-256 of the evidence file. A reference kept on the
 * record before is kept as it was, even if the item has since been archived.
 */
export async function judgedWork(
  workspace: Workspace,
  input: JudgedWorkInput,
  unit: StoredUnit,
  before: JudgedWork | null,
): Promise<JudgedWork> {
  const none = { learnerId: null, unitId: null, evidenceId: null, sha256: null };
  if (!input.learnerId) {
    if (input.evidenceId) {
      throw new UserError('invalid-input', 'Choose the learner whose evidence was judged.');
    }
    return { ...none, description: input.description };
  }
  const { learnerId, evidenceId } = input;
  if (
    before?.learnerId === learnerId &&
    before.unitId === unit.id &&
    before.evidenceId === evidenceId
  ) {
    return { ...before, description: input.description };
  }
  const learner = workspace.centre.learners.find((l) => l.id === learnerId);
  if (!learner) throw new UserError('not-found', 'That learner is not in this centre.');
  const portfolio = (await workspace.portfolio(learnerId)).data;
  if (!portfolio.registrations.some((r) => r.unitId === unit.id && !r.withdrawn)) {
    throw new UserError(
      'invalid-input',
      `${learner.name} is not registered on ${unit.title}. Choose a learner whose work on this unit was judged.`,
    );
  }
  const base = { learnerId, unitId: unit.id, description: input.description };
  if (!evidenceId) return { ...base, evidenceId: null, sha256: null };
  const evidence = portfolio.evidence.find((e) => e.id === evidenceId && !e.archived);
  if (!evidence) {
    throw new UserError('not-found', `That evidence item is not in ${learner.name}'s portfolio.`);
  }
  return { ...base, evidenceId, sha256: evidence.file?.sha256 ?? null };
}
