import { auditEntry, changedFields } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import type { Actor } from '../shared/record';
import { describeIssues } from '../storage/json-document';
import type { Workspace } from '../workspace/workspace';
import { academicYear, type SamplingContext } from './sampling-context';
import { samplingStore } from './sampling-store';
import type { StrategyView } from './sampling-views';
import {
  defaultStrategy,
  rateFor,
  samplingStrategySchema,
  type SamplingStrategy,
  type SamplingStrategyInput,
} from './strategy';

/** The strategy saved for the qualification, else the defaults over the current academic year. */
export async function strategyFor(
  workspace: Workspace,
  qualificationId: string,
  today: string,
): Promise<{ strategy: SamplingStrategy; updatedAt: string | null; updatedBy: string | null }> {
  const doc = await samplingStore(workspace).strategies();
  const stored = doc.data.strategies.find((s) => s.strategy.qualificationId === qualificationId);
  if (stored)
    return { strategy: stored.strategy, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
  return {
    strategy: defaultStrategy(workspace.centre.centre.id, qualificationId, academicYear(today)),
    updatedAt: null,
    updatedBy: null,
  };
}

export function strategyView(
  context: SamplingContext,
  found: Awaited<ReturnType<typeof strategyFor>>,
): StrategyView {
  const { strategy } = found;
  return {
    strategy,
    saved: found.updatedAt !== null,
    updatedAt: found.updatedAt,
    updatedBy: found.updatedBy,
    assessors: context.population.assessors.map((a) => {
      const rating = strategy.assessors.find((r) => r.assessorId === a.id);
      const resolved = rateFor(a, strategy);
      return {
        assessorId: a.id,
        name: a.name,
        recordedStatus: a.status ?? null,
        status: rating?.status ?? null,
        risk: rating?.risk ?? null,
        rate: rating?.rate ?? null,
        note: rating?.note ?? '',
        resolvedRate: resolved.rate,
        basis: resolved.basis,
      };
    }),
  };
}

export async function saveStrategy(
  context: SamplingContext,
  input: Omit<SamplingStrategyInput, 'centreId' | 'qualificationId'>,
  actor: Actor,
  now: Date,
): Promise<SamplingStrategy> {
  const parsed = samplingStrategySchema.safeParse({
    ...input,
    centreId: context.workspace.centre.centre.id,
    qualificationId: context.qualification.id,
  });
  if (!parsed.success) {
    throw new UserError(
      'invalid-input',
      `The strategy was not saved: ${describeIssues(parsed.error)}.`,
    );
  }
  const strategy = parsed.data;
  const known = new Set(context.population.assessors.map((a) => a.id));
  const unknown = strategy.assessors.filter((r) => !known.has(r.assessorId));
  if (unknown.length > 0) {
    throw new UserError(
      'invalid-input',
      'The strategy rates someone who is not an assessor in this centre. Reload the page and rate the assessors listed.',
    );
  }
  // One rating per assessor: the last one given wins, so a double entry cannot disagree with itself.
  const byAssessor = new Map(strategy.assessors.map((r) => [r.assessorId, r]));
  const cleaned: SamplingStrategy = { ...strategy, assessors: [...byAssessor.values()] };
  const doc = await samplingStore(context.workspace).strategies();
  await doc.update((file) => {
    const index = file.strategies.findIndex(
      (s) => s.strategy.qualificationId === cleaned.qualificationId,
    );
    const before = index >= 0 ? file.strategies[index]?.strategy : undefined;
    const entry = { strategy: cleaned, updatedAt: now.toISOString(), updatedBy: actor.id };
    const strategies = [...file.strategies];
    if (index >= 0) strategies[index] = entry;
    else strategies.push(entry);
    const diff = before ? changedFields(before, cleaned, []) : { after: cleaned };
    return {
      ...file,
      strategies,
      audit: [
        ...file.audit,
        auditEntry(
          actor,
          now,
          before ? 'changed sampling strategy' : 'set sampling strategy',
          `qualification ${cleaned.qualificationId}`,
          diff ?? {},
        ),
      ],
    };
  });
  return cleaned;
}
