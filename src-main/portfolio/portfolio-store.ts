import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../api/user-error';
import type { Learner } from '../centre/centre-schema';
import {
  JsonDocument,
  parseDocument,
  restoreLastGood,
  type DiskState,
} from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import { newPortfolio } from './portfolio';
import { portfolioMigrations } from './portfolio-migrations';
import { portfolioReadme } from './portfolio-readme';
import { portfolioSchema, type Portfolio } from './portfolio-schema';

export const PORTFOLIO_FILE = 'portfolio.json';

export type PortfolioDocument = JsonDocument<typeof portfolioSchema>;

const label = (learner: Learner) => `The portfolio of ${learner.name}`;
const options = { migrations: portfolioMigrations };

/**
 * The open portfolio files of one workspace. Each file has exactly one document object in the
 * process, so every change to it goes through that document's single writer.
 */
export class PortfolioStore {
  private readonly open = new Map<string, PortfolioDocument>();
  private readonly opening = new Map<string, Promise<PortfolioDocument>>();

  constructor(private readonly workspaceDir: string) {}

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
    const doc = await JsonDocument.create(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      label(learner),
      newPortfolio(learner.id),
      options,
    );
    this.open.set(learner.id, doc);
    return doc;
  }

  /** The learner's portfolio, read (and upgraded) on first use; a damaged file is reported, never used. */
  async get(learner: Learner): Promise<PortfolioDocument> {
    const cached = this.open.get(learner.id);
    if (cached) {
      if (cached.problem) throw cached.problem;
      return cached;
    }
    // Two screens asking at once must share one document, or there would be two writers.
    let pending = this.opening.get(learner.id);
    if (!pending) {
      pending = this.read(learner).finally(() => this.opening.delete(learner.id));
      this.opening.set(learner.id, pending);
    }
    return pending;
  }

  /**
   * Reads a portfolio (validated, as always) just to summarise it, without keeping it open:
   * listing 500 learners must not hold 500 portfolios in memory. One already open is used as it is.
   */
  async summarise<T>(learner: Learner, summary: (portfolio: Portfolio) => T): Promise<T> {
    const cached = this.open.get(learner.id);
    if (cached) {
      if (cached.problem) throw cached.problem;
      return summary(cached.data);
    }
    const file = path.join(await this.folderOf(learner), PORTFOLIO_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw mapFsError(error, label(learner));
    }
    return summary(parseDocument(text, portfolioSchema, label(learner), file, options));
  }

  private async read(learner: Learner): Promise<PortfolioDocument> {
    const folder = await this.folderOf(learner);
    const doc = await JsonDocument.open(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      label(learner),
      options,
    );
    if (doc.data.learnerId !== learner.id) {
      throw new UserError(
        'unreadable-file',
        `${label(learner)} (${PORTFOLIO_FILE}) belongs to another learner. Check that the folder ${learner.portfolio} was not copied over; the workbench has not changed it.`,
      );
    }
    this.open.set(learner.id, doc);
    return doc;
  }

  /** Puts back the last good copy of a damaged portfolio, keeping the damaged file beside it. */
  async restore(learner: Learner, now: Date): Promise<{ keptAs: string }> {
    const folder = await this.folderOf(learner);
    const result = await restoreLastGood(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      label(learner),
      options,
      now,
    );
    this.open.delete(learner.id);
    return result;
  }

  /** Called for a file changed on disk: whether it was someone else's change. */
  async noticeChange(learnerId: string): Promise<DiskState | 'not-open'> {
    const doc = this.open.get(learnerId);
    if (!doc) return 'not-open';
    return doc.checkDisk();
  }

  forget(learnerId: string): void {
    this.open.delete(learnerId);
  }
}
