import { mkdir, readFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { Learner } from '../centre/centre-schema';
import { folderNamesLearner } from '../centre/portfolio-folder';
import { writeFileAtomic } from '../storage/atomic-write';
import { CHANGES_FOLDER, CHANGE_FILE_EXT } from '../storage/change-log/change-file';
import { contentHash } from '../storage/change-log/record-log';
import { SNAPSHOT_HEAD } from '../storage/change-log/snapshot-writer';
import { conflictCopyOf, exists, MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { removeEvidenceCopies } from '../storage/file-copies';
import { withFileLock } from '../storage/file-lock';
import { removeLeftovers } from '../storage/leftovers';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import { scrubPortfolioFolder } from './erasure-disk';
import type { Erasure } from './erasure-schema';
import { Scrubber } from './erasure-scrub';
import { PORTFOLIO_FILE, PortfolioLog } from './portfolio-log';
import { importPortfolioFile } from './portfolio-import';

/** Where a stray folder's files that the workbench does not know are kept, in the portfolio. */
export const KEPT_FOLDER = 'kept-from-earlier-folder';
const README = 'README.txt';

/** A folder under learners/ that belongs to a learner whose portfolio is in another folder. */
export interface StrayFolder {
  /** The folder's name under learners/. */
  name: string;
  learner: Learner;
}

export interface StrayMergeOptions {
  /** The README.txt the learner's portfolio folder holds (the workbench writes it). */
  readme: (learner: Learner) => string;
  /** Called before a learner's folders are touched: the process lets go of the portfolio. */
  release: (learnerId: string) => Promise<void>;
}

export interface StrayMerge {
  learnerId: string;
  /**
   * moved: the folder took the portfolio's place whole; merged: its files went into the
   * portfolio's folder; waiting: the erasure that moved the portfolio has not reached this
   * computer yet, so nothing was touched (tried again when files arrive); left: it could not be
   * merged now (a file in use, a disk full) and stays for the next look.
   */
  outcome: 'moved' | 'merged' | 'waiting' | 'left';
}

/** Every stray portfolio folder under learners/, with the learner it belongs to. */
export async function findStrayFolders(
  workspaceDir: string,
  learners: readonly Learner[],
): Promise<StrayFolder[]> {
  let entries;
  try {
    entries = await readdir(path.join(workspaceDir, 'learners'), { withFileTypes: true });
  } catch {
    return [];
  }
  const inUse = new Set(learners.map((l) => l.portfolio));
  const strays: StrayFolder[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const rel = `learners/${entry.name}`;
    if (inUse.has(rel)) continue;
    const learner = learners.find((l) => folderNamesLearner(entry.name, l.id));
    if (learner?.portfolio.startsWith('learners/')) strays.push({ name: entry.name, learner });
  }
  return strays;
}

async function erasuresIn(folders: string[], learnerId: string): Promise<Erasure[]> {
  const byId = new Map<string, Erasure>();
  for (const folder of folders) {
    if (!(await exists(folder))) continue;
    const { portfolio } = await PortfolioLog.readFolder(folder, learnerId);
    for (const e of portfolio.erasures) byId.set(e.id, e);
  }
  return [...byId.values()];
}

/**
 * Merges one stray folder into the learner's portfolio folder and removes it. Crash-safe: each
 * file is written in its new place before it leaves the old one, so a merge cut short is
 * finished by the next one, with nothing lost.
 */
export async function mergeStrayFolder(
  workspaceDir: string,
  stray: StrayFolder,
  options: StrayMergeOptions,
): Promise<StrayMerge> {
  const { learner } = stray;
  const from = path.join(workspaceDir, 'learners', stray.name);
  const to = await resolveInside(workspaceDir, learner.portfolio);
  const label = `The portfolio of ${learner.name}`;
  const erasures = await erasuresIn([from, to], learner.id);
  const full = erasures.some((e) => e.scope === 'learner');
  // A roster that says "erased" may arrive before the portfolio's erasure does: until it is
  // here, which evidence it took is not known, and nothing may move.
  if (learner.erased && !full) return { learnerId: learner.id, outcome: 'waiting' };
  await options.release(learner.id);
  try {
    await applyErasures(from, erasures, full, label);
    let outcome: StrayMerge['outcome'] = 'merged';
    if (!(await exists(to)) && (await moveWhole(from, to))) outcome = 'moved';
    else {
      await mergeFolder(from, to, learner);
      await removeEmptyFolders(from);
    }
    if (full) await scrubPortfolioFolder(to, new Scrubber(erasures), label);
    if (full || !(await exists(path.join(to, README)))) {
      await writeFileAtomic(path.join(to, README), options.readme(learner));
    }
    return { learnerId: learner.id, outcome };
  } catch (error) {
    throw mapFsError(error, label);
  }
}

/** One rename: the folder takes the portfolio's place whole (false when the place was taken). */
async function moveWhole(from: string, to: string): Promise<boolean> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The erasures applied to the stray folder before anything of it moves: its change files and
 * copies scrubbed, the erased evidence files gone and, for a full erasure, the records issued
 * (their hashes stay in the portfolio), the README and snapshot that name the learner.
 */
async function applyErasures(
  folder: string,
  erasures: Erasure[],
  full: boolean,
  label: string,
): Promise<void> {
  for (const dir of [folder, path.join(folder, CHANGES_FOLDER), path.join(folder, 'evidence')]) {
    await removeLeftovers(dir);
  }
  if (!erasures.length) return;
  await scrubPortfolioFolder(folder, new Scrubber(erasures), label);
  await removeEvidenceCopies(
    folder,
    folder,
    erasures.flatMap((e) => e.evidence),
  );
  if (!full) return;
  await rm(path.join(folder, 'records'), { recursive: true, force: true });
  await rm(path.join(folder, README), { force: true });
  if (await isSnapshot(path.join(folder, PORTFOLIO_FILE))) {
    await rm(path.join(folder, PORTFOLIO_FILE), { force: true });
  }
}

async function isSnapshot(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text !== null && SNAPSHOT_HEAD.test(text.slice(0, 64));
}

async function filesOf(dir: string, rel = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesOf(dir, child)));
    else out.push(child);
  }
  return out;
}

async function sameContent(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b).catch(() => null)]);
  return y !== null && x.equals(y);
}

/** Moves a file to `dir/name`, never over another file: `2-name`, `3-name`… when taken. */
async function moveBeside(file: string, dir: string, name: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  let target = path.join(dir, name);
  for (let n = 2; await exists(target); n += 1) target = path.join(dir, `${n}-${name}`);
  await rename(file, target);
}

/** Moves a file to the same place in the portfolio; one already there with other bytes stays. */
async function moveOrKeep(from: string, to: string, rel: string): Promise<void> {
  const source = path.join(from, rel);
  const target = path.join(to, rel);
  if (!(await exists(target))) {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
  } else if (await sameContent(source, target)) await rm(source, { force: true });
  else await moveBeside(source, path.join(to, KEPT_FOLDER, path.dirname(rel)), path.basename(rel));
}

/**
 * A change file of the stray folder: taken as it is when the portfolio has none of its name
 * (a sync engine's conflict copy among them, merged as any other once there); otherwise its
 * complete lines go into a file named by their content, as a conflict copy's do. Changes are
 * known by id, so one read twice counts once.
 */
async function mergeChangeFile(from: string, to: string, name: string): Promise<void> {
  const source = path.join(from, CHANGES_FOLDER, name);
  const changes = path.join(to, CHANGES_FOLDER);
  const target = path.join(changes, name);
  if (!(await exists(target))) {
    await mkdir(changes, { recursive: true });
    await rename(source, target);
    return;
  }
  const text = await readFile(source, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const held = await readFile(target, 'utf8').catch(() => '');
  if (complete && !held.startsWith(complete)) {
    const merged = path.join(changes, `merged-${contentHash(complete)}${CHANGE_FILE_EXT}`);
    if (!(await exists(merged))) await writeFileAtomic(merged, complete);
  }
  await rm(source, { force: true });
}

/** A portfolio.json of an older layout, or a conflict copy of one: brought in as one change. */
async function mergePortfolioFile(from: string, to: string, name: string, learner: Learner) {
  const file = path.join(from, name);
  if (name === PORTFOLIO_FILE && (await isSnapshot(file))) {
    await rm(file, { force: true });
    return;
  }
  await importPortfolioFile({
    folder: from,
    changesDir: path.join(to, CHANGES_FOLDER),
    learnerId: learner.id,
    label: `The portfolio of ${learner.name}`,
    name,
    isCopy: true,
  });
  await moveBeside(file, path.join(to, MERGED_COPIES_FOLDER), name);
}

/** Every file of the stray folder merged into the portfolio's folder, each in its own way. */
async function mergeFolder(from: string, to: string, learner: Learner) {
  for (const rel of await filesOf(from)) {
    const parts = rel.split('/');
    const name = parts[parts.length - 1]!;
    const top = parts.length === 1;
    if (top && name === README) await rm(path.join(from, rel), { force: true });
    else if (top && conflictCopyOf(name, [PORTFOLIO_FILE]) !== null) {
      await mergePortfolioFile(from, to, name, learner);
    } else if (top && name === PORTFOLIO_FILE) await mergePortfolioFile(from, to, name, learner);
    else if (
      parts.length === 2 &&
      parts[0] === CHANGES_FOLDER &&
      name.endsWith(CHANGE_FILE_EXT) &&
      !name.startsWith('.')
    ) {
      await mergeChangeFile(from, to, name);
    } else if (parts[0] === MERGED_COPIES_FOLDER) {
      await moveBeside(path.join(from, rel), path.join(to, MERGED_COPIES_FOLDER), name);
    } else if (name.startsWith('.syncthing.') && name.endsWith('.tmp')) {
      // A sync engine's unfinished download into a folder that is going: it fetches it again.
      await rm(path.join(from, rel), { force: true });
    } else if ((parts[0] === 'evidence' || parts[0] === 'records') && parts.length === 2) {
      await moveOrKeep(from, to, rel);
    } else {
      await moveBeside(
        path.join(from, rel),
        path.join(to, KEPT_FOLDER, ...parts.slice(0, -1)),
        name,
      );
    }
  }
}

/** The stray folder's emptied folders removed, deepest first; one that is not empty stays. */
async function removeEmptyFolders(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) await removeEmptyFolders(path.join(dir, entry.name));
  }
  await rmdir(dir).catch(() => undefined);
}

/**
 * Finds and merges every stray folder, one merge at a time in this process. A folder that
 * cannot be merged now (a file in use, a disk full) is left as it is for the next look: the
 * workspace still opens.
 */
export async function mergeStrayFolders(
  workspaceDir: string,
  learners: readonly Learner[],
  options: StrayMergeOptions,
): Promise<StrayMerge[]> {
  return withFileLock(path.join(workspaceDir, 'learners'), async () => {
    const done: StrayMerge[] = [];
    for (const stray of await findStrayFolders(workspaceDir, learners)) {
      try {
        done.push(await mergeStrayFolder(workspaceDir, stray, options));
      } catch {
        done.push({ learnerId: stray.learner.id, outcome: 'left' });
      }
    }
    return done;
  });
}
