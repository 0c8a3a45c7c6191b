import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../api/user-error';
import { centreFileSchema, type CentreFile, type Learner } from '../centre/centre-schema';
import { addLearner, addStaffMember, newCentreFile, type NewCentre } from '../centre/roster';
import type { NewLearner, NewStaffMember } from '../centre/roster';
import { newPortfolio } from '../portfolio/portfolio';
import { portfolioReadme } from '../portfolio/portfolio-readme';
import { portfolioSchema } from '../portfolio/portfolio-schema';
import type { Actor } from '../shared/record';
import { writeFileAtomic } from '../storage/atomic-write';
import { JsonDocument, parseDocument } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import { safeName } from '../storage/safe-name';
import { storedUnitSchema, type StoredUnit } from '../unit/unit-schema';
import { workspaceReadme } from './workspace-readme';

export const CENTRE_FILE = 'centre.json';
export const PORTFOLIO_FILE = 'portfolio.json';
export const UNITS_FOLDER = 'units';

type PortfolioDocument = JsonDocument<typeof portfolioSchema>;

export interface UnitListing {
  units: StoredUnit[];
  /** Unit files that could not be read; the others still load. */
  problems: string[];
}

/** A centre workspace folder: centre.json, the units it uses, one folder per learner. */
export class Workspace {
  private readonly portfolios = new Map<string, PortfolioDocument>();

  private constructor(
    readonly dir: string,
    private readonly centreDoc: JsonDocument<typeof centreFileSchema>,
  ) {}

  static async open(dir: string): Promise<Workspace> {
    const resolved = path.resolve(dir);
    try {
      const info = await stat(resolved);
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw mapFsError(error, `The folder ${resolved}`);
    }
    const file = path.join(resolved, CENTRE_FILE);
    try {
      await stat(file);
    } catch {
      throw new UserError(
        'not-a-workspace',
        `The folder ${resolved} is not a centre workspace. Choose the folder that holds centre.json.`,
      );
    }
    const doc = await JsonDocument.open(file, centreFileSchema, 'The centre file');
    return new Workspace(resolved, doc);
  }

  static async create(dir: string, input: NewCentre, actor: Actor, now: Date): Promise<Workspace> {
    const resolved = path.resolve(dir);
    await assertEmptyOrMissing(resolved);
    try {
      await mkdir(path.join(resolved, 'learners'), { recursive: true });
      await mkdir(path.join(resolved, UNITS_FOLDER), { recursive: true });
      await writeFile(path.join(resolved, 'README.txt'), workspaceReadme(input.name.trim()));
    } catch (error) {
      throw mapFsError(error, `The folder ${resolved}`);
    }
    const doc = await JsonDocument.create(
      path.join(resolved, CENTRE_FILE),
      centreFileSchema,
      'The centre file',
      newCentreFile(input, actor, now),
    );
    return new Workspace(resolved, doc);
  }

  get centre(): Readonly<CentreFile> {
    return this.centreDoc.data;
  }

  async addStaffMember(input: NewStaffMember, actor: Actor, now: Date) {
    let added: CentreFile['staff'][number] | undefined;
    await this.centreDoc.update((centre) => {
      const result = addStaffMember(centre, input, actor, now);
      added = result.member;
      return result.centre;
    });
    return added!;
  }

  /** Adds the learner to the roster and makes their portfolio folder. */
  async addLearner(input: NewLearner, actor: Actor, now: Date): Promise<Learner> {
    const { learner } = addLearner(this.centre, input, actor, now);
    const folder = await resolveInside(this.dir, learner.portfolio);
    try {
      await mkdir(path.join(folder, 'evidence'), { recursive: true });
      await writeFile(
        path.join(folder, 'README.txt'),
        portfolioReadme(learner.name, this.centre.centre.name),
      );
    } catch (error) {
      throw mapFsError(error, `The portfolio folder for ${learner.name}`);
    }
    const doc = await JsonDocument.create(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      `The portfolio of ${learner.name}`,
      newPortfolio(learner.id),
    );
    this.portfolios.set(learner.id, doc);
    await this.centreDoc.update((centre) => ({
      ...centre,
      learners: [...centre.learners, learner],
    }));
    return learner;
  }

  learner(learnerId: string): Learner {
    const learner = this.centre.learners.find((l) => l.id === learnerId);
    if (!learner) throw new UserError('not-found', 'That learner is not in this centre.');
    return learner;
  }

  async portfolio(learnerId: string): Promise<PortfolioDocument> {
    const cached = this.portfolios.get(learnerId);
    if (cached) return cached;
    const learner = this.learner(learnerId);
    const folder = await resolveInside(this.dir, learner.portfolio);
    const doc = await JsonDocument.open(
      path.join(folder, PORTFOLIO_FILE),
      portfolioSchema,
      `The portfolio of ${learner.name}`,
    );
    this.portfolios.set(learnerId, doc);
    return doc;
  }

  async listUnits(): Promise<UnitListing> {
    const folder = path.join(this.dir, UNITS_FOLDER);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { units: [], problems: [] };
      throw mapFsError(error, 'The units folder');
    }
    const units: StoredUnit[] = [];
    const problems: string[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      try {
        const text = await readFile(file, 'utf8');
        units.push(parseDocument(text, storedUnitSchema, `The unit file ${name}`, file));
      } catch (error) {
        problems.push(error instanceof UserError ? error.message : mapFsError(error, name).message);
      }
    }
    return { units, problems };
  }

  async saveUnit(unit: StoredUnit): Promise<string> {
    const checked = storedUnitSchema.parse(unit);
    const name = `${safeName(checked.id, 'unit')}-v${checked.version}.json`;
    const file = path.join(this.dir, UNITS_FOLDER, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
    return file;
  }
}

async function assertEmptyOrMissing(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return;
    throw mapFsError(error, `The folder ${dir}`);
  }
  if (entries.length > 0) {
    throw new UserError(
      'conflict',
      `The folder ${dir} already has files in it. Choose an empty folder for a new centre workspace, or open it if it is one already.`,
    );
  }
}
