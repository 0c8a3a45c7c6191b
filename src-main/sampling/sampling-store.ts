import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { openConflicts, settleInOpenDocuments, withMergedCopy } from '../audit/audit';
import type { Actor } from '../shared/record';
import type { DocumentShape } from '../storage/change-log/document-cells';
import { MERGED_COPIES_FOLDER, conflictCopyOf } from '../storage/conflict-copies';
import { DocumentLog, type FieldConflict } from '../storage/document-log';
import type { DiskState } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import type { Workspace } from '../workspace/workspace';
import { qaTombstones, type QaTombstones } from './qa-tombstones';
import {
  SAMPLING_FOLDER,
  STRATEGY_FILE,
  planFileName,
  planFileSchema,
  planIdFromFileName,
  reviewsFileName,
  reviewsFileSchema,
  strategyFileSchema,
  type PlanFile,
  type ReviewsFile,
  type StrategyFile,
} from './sampling-files';

type Doc<S extends z.ZodType> = DocumentLog<S>;

const planIdFromReviews = (name: string) =>
  name.startsWith('reviews-') ? planIdFromFileName(name.replace(/^reviews-/, 'plan-')) : null;

/** The folder of a sampling file's change log: `plan-sp-….json` → `plan-sp-…-changes/`. */
export const changesFolderOf = (name: string) => `${name.replace(/\.json$/, '')}-changes`;

/** Where each sampling file's records are, so two computers' edits merge field by field. */
function shapeOf(name: string): DocumentShape {
  const audit = { path: 'audit', whole: true };
  if (name === STRATEGY_FILE) {
    const key = (r: Record<string, unknown>) =>
      String((r.strategy as { qualificationId?: unknown } | undefined)?.qualificationId);
    return { lists: [{ path: 'strategies', key }, audit] };
  }
  if (planIdFromFileName(name)) {
    const key = (r: Record<string, unknown>) => String((r.sample as { id?: unknown }).id);
    return {
      objects: ['plan'],
      lists: [{ path: 'plan.samples' }, { path: 'plan.removed', key }, audit],
    };
  }
  return { lists: [{ path: 'reviews' }, audit] };
}

const emptyStrategies = (): StrategyFile => ({
  schemaVersion: 1,
  kind: 'sampling-strategies',
  strategies: [],
  audit: [],
});

/**
 * The sampling files of one workspace. As with portfolios, each file has exactly one document
 * object in the process, so every change to it goes through that document's single writer.
 */
export class SamplingStore {
  private readonly docs = new Map<string, Promise<Doc<z.ZodType>>>();

  constructor(
    private readonly workspaceDir: string,
    private readonly writer: string,
    /** Erased learners, so an older copy synced back never shows them by name again. */
    private readonly tombstones?: QaTombstones,
  ) {}

  private spec<S extends z.ZodType>(name: string, file: string, schema: S, label: string) {
    return {
      file,
      name: `${SAMPLING_FOLDER}/${name}`,
      changesDir: path.join(path.dirname(file), changesFolderOf(name)),
      schema,
      label,
      shape: shapeOf(name),
      owner: `${SAMPLING_FOLDER}/${name}`,
      writer: this.writer,
      ...this.tombstones?.hooks,
      // Every sampling file keeps an audit trail; a merged sync conflict copy goes on it.
      onMerge: (data: z.output<S>, merged: { copy: string; differences: unknown[] }) =>
        withMergedCopy(
          data as StrategyFile,
          merged as Parameters<typeof withMergedCopy>[1],
          `${SAMPLING_FOLDER}/${MERGED_COPIES_FOLDER}/`,
        ) as z.output<S>,
    };
  }

  private async file(name: string): Promise<string> {
    return resolveInside(this.workspaceDir, path.join(SAMPLING_FOLDER, name));
  }

  /** Opens the file, or creates it from `initial` when there is none yet. */
  private async doc<S extends z.ZodType>(
    name: string,
    schema: S,
    label: string,
    initial: (() => z.output<S>) | null,
  ): Promise<Doc<S>> {
    await this.tombstones?.refresh();
    const cached = this.docs.get(name) as Promise<Doc<S>> | undefined;
    if (cached) {
      const doc = await cached;
      if (doc.problem) throw doc.problem;
      // A learner erased since it was read: shown by the pseudonym from now on.
      await doc.applyTombstones();
      return doc;
    }
    const pending = (async () => {
      const file = await this.file(name);
      try {
        return await DocumentLog.open(this.spec(name, file, schema, label));
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'not-found' || !initial) throw error;
      }
      try {
        await mkdir(path.dirname(file), { recursive: true });
      } catch (error) {
        throw mapFsError(error, 'The sampling folder');
      }
      return DocumentLog.create(this.spec(name, file, schema, label), initial());
    })();
    this.docs.set(name, pending as Promise<Doc<z.ZodType>>);
    pending.catch(() => this.docs.delete(name));
    return pending;
  }

  strategies(): Promise<Doc<typeof strategyFileSchema>> {
    return this.doc(
      STRATEGY_FILE,
      strategyFileSchema,
      'The sampling strategy file',
      emptyStrategies,
    );
  }

  plan(planId: string): Promise<Doc<typeof planFileSchema>> {
    return this.doc(planFileName(planId), planFileSchema, 'The sampling plan', null).catch(
      (error: unknown) => {
        if (error instanceof UserError && error.code === 'not-found') {
          throw new UserError(
            'not-found',
            'That sampling plan is not in this workspace any more. Reload the sampling page.',
          );
        }
        throw error;
      },
    );
  }

  async createPlan(file: PlanFile): Promise<Doc<typeof planFileSchema>> {
    const name = planFileName(file.id);
    await this.tombstones?.refresh();
    const target = await this.file(name);
    try {
      await mkdir(path.dirname(target), { recursive: true });
    } catch (error) {
      throw mapFsError(error, 'The sampling folder');
    }
    const doc = DocumentLog.create(
      this.spec(name, target, planFileSchema, 'The sampling plan'),
      file,
    );
    this.docs.set(name, doc as Promise<Doc<z.ZodType>>);
    return doc;
  }

  reviews(planId: string): Promise<Doc<typeof reviewsFileSchema>> {
    return this.doc(
      reviewsFileName(planId),
      reviewsFileSchema,
      'The sample reviews file',
      (): ReviewsFile => ({
        schemaVersion: 1,
        kind: 'sample-reviews',
        planId,
        reviews: [],
        audit: [],
      }),
    );
  }

  /**
   * Called for a sampling file (its snapshot, a conflict copy, or a file in its change folder)
   * changed on disk: whether it brought someone else's change.
   */
  async noticeChange(name: string): Promise<DiskState | 'not-open'> {
    const original =
      /^(.*)-changes$/.exec(name)?.[1]?.concat('.json') ?? conflictCopyOf(name, ['*.json']) ?? name;
    const doc = this.docs.get(original) ?? this.docs.get(name);
    await this.tombstones?.refresh();
    if (doc) return (await doc).checkDisk();
    // An older copy of a file nobody here has open may still name an erased learner: opening
    // it scrubs its files on disk.
    if (!this.tombstones?.erased().length) return 'not-open';
    const planId = planIdFromFileName(original) ?? planIdFromReviews(original);
    if (original === STRATEGY_FILE) await this.strategies();
    else if (planIdFromFileName(original)) await this.plan(planId!);
    else if (planId) await this.readReviews(planId);
    else return 'not-open';
    return 'reloaded';
  }

  /** The reviews of a plan as they stand, without making a file for a plan not yet reviewed. */
  async readReviews(planId: string): Promise<ReviewsFile['reviews']> {
    try {
      const doc = await this.doc(
        reviewsFileName(planId),
        reviewsFileSchema,
        'The sample reviews file',
        null,
      );
      return doc.data.reviews;
    } catch (error) {
      if (error instanceof UserError && error.code === 'not-found') return [];
      throw error;
    }
  }

  /** Every plan on disk, newest first; a plan file that cannot be read is reported, not used. */
  async listPlans(): Promise<{ plans: PlanFile[]; problems: string[] }> {
    const folder = path.join(this.workspaceDir, SAMPLING_FOLDER);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { plans: [], problems: [] };
      throw mapFsError(error, 'The sampling folder');
    }
    // A plan is its snapshot, or only its change folder when another computer's snapshot has
    // not arrived yet.
    const ids = new Set(
      names
        .map(
          (n) =>
            planIdFromFileName(n) ?? planIdFromFileName(`${/^(.*)-changes$/.exec(n)?.[1]}.json`),
        )
        .filter((id): id is string => Boolean(id)),
    );
    const plans: PlanFile[] = [];
    const problems: string[] = [];
    for (const id of [...ids].sort()) {
      try {
        const doc = await this.doc(planFileName(id), planFileSchema, 'The sampling plan', null);
        if (doc.data.id !== id) {
          throw new UserError('unreadable-file', `${planFileName(id)} names another plan.`);
        }
        plans.push(doc.data);
      } catch (error) {
        const name = planFileName(id);
        problems.push(error instanceof UserError ? error.message : mapFsError(error, name).message);
      }
    }
    plans.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { plans, problems };
  }

  /** Fields of the sampling files open here that two computers changed differently. */
  async conflicts(): Promise<FieldConflict[]> {
    return openConflicts(this.docs.values());
  }

  /** Keeps one value of such a conflict, on that file's audit trail. */
  async settle(conflictId: string, version: string, actor: Actor, now: Date): Promise<boolean> {
    return settleInOpenDocuments(this.docs.values(), conflictId, version, actor, now);
  }

  /** All reviews of every plan, for the assessor's list of action points. */
  async allReviews(): Promise<{ planId: string; reviews: ReviewsFile['reviews'] }[]> {
    const { plans } = await this.listPlans();
    const out: { planId: string; reviews: ReviewsFile['reviews'] }[] = [];
    for (const plan of plans) {
      out.push({ planId: plan.id, reviews: await this.readReviews(plan.id) });
    }
    return out;
  }
}

const stores = new WeakMap<Workspace, SamplingStore>();

/** The one store of a workspace object, so two screens never hold two writers of one file. */
export function samplingStore(workspace: Workspace): SamplingStore {
  let store = stores.get(workspace);
  if (!store) {
    store = new SamplingStore(workspace.dir, workspace.writer, qaTombstones(workspace));
    stores.set(workspace, store);
  }
  return store;
}
