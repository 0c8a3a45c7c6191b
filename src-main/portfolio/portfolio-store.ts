import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Learner } from '../centre/centre-schema';
import { newWriterId } from '../storage/change-log/writer-id';
import { restoreLastGood, type DiskState } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import { portfolioMigrations } from './portfolio-migrations';
import { portfolioReadme } from './portfolio-readme';
import { PORTFOLIO_FILE, PortfolioLog } from './portfolio-log';
import { portfolioSchema, type Portfolio } from './portfolio-schema';

export { PORTFOLIO_FILE };
export type PortfolioDocument = PortfolioLog;

const label = (learner: Learner) => `The portfolio of ${learner.name}`;

export interface PortfolioStoreOptions {
  /** This process's name as a writer of change files; a new one for each store by default. */
  writer?: string;
}

/**
 * The open portfolios of one workspace. Each portfolio has one object in the process, so its
 * changes are appended in order to this process's own change file; other processes and
 * computers append to theirs, and every one of them folds all the files.
 */
export class PortfolioStore {
  private readonly open = new Map<string, PortfolioDocument>();
  /** The roster's folder each open portfolio was read from: one the roster moved is read again. */
  private readonly openAt = new Map<string, string>();
  private readonly opening = new Map<string, Promise<PortfolioDocument>>();
  readonly writer: string;

  constructor(
    private readonly workspaceDir: string,
    options: PortfolioStoreOptions = {},
  ) {
    this.writer = options.writer ?? newWriterId();
  }

  async folderOf(learner: Learner): Promise<string> {
    return resolveInside(this.workspaceDir, learner.portfolio);
  }

  async create(learner: Learner, centreName: string): Promise<PortfolioDocument> {
    const folder = await this.folderOf(learner);
    try {
      await mkdir(path.join(folder, 'evidence'), { recursive: true });
      await writeFile(path.join(folder, 'README.txt'), portfolioReadme(learner.name, centreName));
    } catch (error) {
      throw mapFsError(error, `The portfolio folder for ${learner.name}`);
    }
    const doc = await PortfolioLog.create(folder, learner.id, this.logOptions(learner));
    this.keep(learner, doc);
    return doc;
  }

  /** The learner's portfolio, folded from its changes (today's layout is upgraded first). */
  async get(learner: Learner): Promise<PortfolioDocument> {
    const cached = this.cached(learner);
    if (cached) return cached;
    // Two screens asking at once must share one object, or the process would have two writers.
    let pending = this.opening.get(learner.id);
    if (!pending) {
      pending = this.read(learner).finally(() => this.opening.delete(learner.id));
      this.opening.set(learner.id, pending);
    }
    return pending;
  }

  /**
   * Folds a portfolio just to summarise it, without keeping it open: listing 500 learners must
   * not hold 500 portfolios in memory. One already open is used as it is.
   */
  async summarise<T>(learner: Learner, summary: (portfolio: Portfolio) => T): Promise<T> {
    const cached = this.cached(learner);
    if (cached) return summary(cached.data);
    const folder = await this.folderOf(learner);
    const log = await PortfolioLog.open(folder, learner.id, {
      ...this.logOptions(learner),
      snapshot: false,
    });
    return summary(log.data);
  }

  private async read(learner: Learner): Promise<PortfolioDocument> {
    const folder = await this.folderOf(learner);
    const doc = await PortfolioLog.open(folder, learner.id, this.logOptions(learner));
    this.keep(learner, doc);
    return doc;
  }

  private keep(learner: Learner, doc: PortfolioDocument): void {
    this.open.set(learner.id, doc);
    this.openAt.set(learner.id, learner.portfolio);
  }

  /** The open portfolio, unless the roster has moved it to another folder since it was read. */
  private cached(learner: Learner): PortfolioDocument | undefined {
    const doc = this.open.get(learner.id);
    if (doc && this.openAt.get(learner.id) !== learner.portfolio) {
      this.forget(learner.id);
      return undefined;
    }
    return doc;
  }

  private logOptions(learner: Learner) {
    return { writer: this.writer, label: label(learner), workspaceDir: this.workspaceDir };
  }

  /**
   * Puts back the last good copy of a portfolio.json in today's layout that is damaged before it
   * was ever upgraded, keeping the damaged file beside it. Upgraded portfolios need no such
   * copy: their portfolio.json is made again from the changes.
   */
  async restore(learner: Learner, now: Date): Promise<{ keptAs: string }> {
    const folder = await this.folderOf(learner);
    const result = await restoreLastGood(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      label(learner),
      { migrations: portfolioMigrations },
      now,
    );
    this.forget(learner.id);
    return result;
  }

  /** Called for a file changed on disk: whether it brought someone else's change. */
  async noticeChange(learnerId: string): Promise<DiskState | 'not-open'> {
    const doc = this.open.get(learnerId);
    if (!doc) return 'not-open';
    return doc.checkDisk();
  }

  /** Writes every open portfolio's snapshot that is waiting (on shutdown, and in tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.open.values()].map((doc) => doc.flush()));
  }

  forget(learnerId: string): void {
    this.open.delete(learnerId);
    this.openAt.delete(learnerId);
  }

  /**
   * Lets go of a portfolio before its folder moves: its snapshot written now (not into a folder
   * that is gone a moment later), and read again from where the roster says when next asked.
   */
  async release(learnerId: string): Promise<void> {
    const doc = this.open.get(learnerId);
    this.forget(learnerId);
    await doc?.flush();
  }
}
