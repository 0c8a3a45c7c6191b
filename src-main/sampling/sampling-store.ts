import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { withMergedCopy } from '../audit/audit';
import { MERGED_COPIES_FOLDER, conflictCopyOf } from '../storage/conflict-copies';
import {
  JsonDocument,
  parseDocument,
  type DiskState,
  type DocumentOptions,
} from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import type { Workspace } from '../workspace/workspace';
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

type Doc<S extends z.ZodType> = JsonDocument<S>;

/** Every sampling file keeps an audit trail; a merged sync conflict copy goes on it. */
const samplingOptions: DocumentOptions = {
  onMerge: (data: StrategyFile | PlanFile | ReviewsFile, merged) =>
    withMergedCopy(data, merged, `${SAMPLING_FOLDER}/${MERGED_COPIES_FOLDER}/`),
};

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

  constructor(private readonly workspaceDir: string) {}

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
    const cached = this.docs.get(name) as Promise<Doc<S>> | undefined;
    if (cached) {
      const doc = await cached;
      if (doc.problem) throw doc.problem;
      return doc;
    }
    const pending = (async () => {
      const file = await this.file(name);
      try {
        return await JsonDocument.open(file, schema, label, samplingOptions);
      } catch (error) {
        if (!(error instanceof UserError) || error.code !== 'not-found' || !initial) throw error;
      }
      try {
        await mkdir(path.dirname(file), { recursive: true });
      } catch (error) {
        throw mapFsError(error, 'The sampling folder');
      }
      return JsonDocument.create(file, schema, label, initial(), samplingOptions);
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
    const target = await this.file(name);
    try {
      await mkdir(path.dirname(target), { recursive: true });
    } catch (error) {
      throw mapFsError(error, 'The sampling folder');
    }
    const doc = JsonDocument.create(
      target,
      planFileSchema,
      'The sampling plan',
      file,
      samplingOptions,
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

  /** Called for a sampling file changed on disk: whether it was someone else's change. */
  async noticeChange(name: string): Promise<DiskState | 'not-open'> {
    const original = conflictCopyOf(name, ['*.json']) ?? name;
    const doc = this.docs.get(original) ?? this.docs.get(name);
    if (!doc) return 'not-open';
    return (await doc).checkDisk();
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
      names = (await readdir(folder)).filter((n) => planIdFromFileName(n)).sort();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { plans: [], problems: [] };
      throw mapFsError(error, 'The sampling folder');
    }
    const plans: PlanFile[] = [];
    const problems: string[] = [];
    const withCopies = new Set(
      (await readdir(folder)).map((n) => conflictCopyOf(n, ['*.json'])).filter(Boolean),
    );
    for (const name of names) {
      const id = planIdFromFileName(name) ?? '';
      try {
        // A plan a sync engine left a conflict copy of is opened, which merges the copy in.
        const cached =
          this.docs.get(name) ??
          (withCopies.has(name) ? this.doc(name, planFileSchema, 'The sampling plan', null) : null);
        if (cached) {
          plans.push((await cached).data as PlanFile);
          continue;
        }
        const file = path.join(folder, name);
        const text = await readFile(file, 'utf8');
        const plan = parseDocument(text, planFileSchema, `The sampling plan ${name}`, file);
        if (plan.id !== id) throw new UserError('unreadable-file', `${name} names another plan.`);
        plans.push(plan);
      } catch (error) {
        problems.push(error instanceof UserError ? error.message : mapFsError(error, name).message);
      }
    }
    plans.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { plans, problems };
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
    store = new SamplingStore(workspace.dir);
    stores.set(workspace, store);
  }
  return store;
}
