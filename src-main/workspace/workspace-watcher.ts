import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Workspace } from './workspace';
import { CHANGES_FOLDER, CHANGE_FILE_EXT } from '../storage/change-log/change-file';
import { MERGED_COPIES_FOLDER, conflictCopyOf } from '../storage/conflict-copies';

const CENTRE = 'centre.json';
const CENTRE_CHANGES = 'centre-changes';
const isChangeFile = (name: string) => name.endsWith(CHANGE_FILE_EXT) && !name.startsWith('.');

/**
 * A folder of the workspace whose files a domain keeps (sampling/): the domain says whether a
 * changed file differs from what it holds. The workbench wires them in, so the workspace knows
 * nothing of the domains above it.
 */
export interface WatchedFolder {
  folder: string;
  /**
   * Files deeper than the folder's own and its change folders' (visits/<id>/visit-changes/…):
   * the domain is told each one's path inside the folder.
   */
  nested?: boolean;
  /** True when the file (its name inside the folder) changed outside the app. */
  noticeChange(workspace: Workspace, name: string): Promise<boolean>;
}

/**
 * Notices files changed by other programs (a text editor, a sync client restoring an older
 * copy) so the screen can refresh. The app's own saves also raise events; the workspace tells
 * them apart by content, so they never cause a reload. One watcher per open workspace.
 */
export class WorkspaceWatcher {
  private watcher: FSWatcher | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly workspace: Workspace,
    private readonly onOutsideChange: (file: string) => void,
    private readonly folders: readonly WatchedFolder[] = [],
    /** Told of every file event once it is weighed, outside or not (tests wait on it). */
    private readonly onWeighed?: (file: string, outside: boolean) => void,
  ) {}

  async boot(): Promise<void> {
    await this.start(false);
  }

  async shutdown(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }

  private async start(polling: boolean): Promise<void> {
    const root = this.workspace.dir;
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      // Sync clients and editors write in pieces; wait until the file stops changing.
      awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
      usePolling: polling,
      interval: 1000,
      depth: 3,
      ignored: (file, stats) => ignoredPath(root, file, stats?.isFile() ?? null),
    });
    watcher.on('error', (error) => {
      const code = (error as { code?: string }).code;
      // Too many folders for the system's watch limit: fall back to looking every second.
      if (!polling && (code === 'ENOSPC' || code === 'EMFILE')) {
        void watcher.close().then(() => this.start(true));
      }
    });
    for (const event of ['add', 'change', 'unlink'] as const) {
      watcher.on(event, (file: string) => this.enqueue(file));
    }
    // A learner's folder appearing may be a stray one a sync engine brought back.
    watcher.on('addDir', (dir: string) => {
      const rel = path.relative(root, dir).split(path.sep);
      if (rel.length === 2 && rel[0] === 'learners') this.enqueue(dir);
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
  }

  private enqueue(file: string): void {
    this.queue = this.queue.then(async () => {
      const outside = await this.isOutsideChange(file);
      if (outside) this.onOutsideChange(file);
      this.onWeighed?.(file, outside);
    });
  }

  private async isOutsideChange(file: string): Promise<boolean> {
    const rel = path.relative(this.workspace.dir, file).split(path.sep);
    // centre.json, a sync engine's conflict copy of it (merged in when the centre is checked),
    // or another writer's change file.
    const centreChange = rel.length === 2 && rel[0] === CENTRE_CHANGES && isChangeFile(rel[1]!);
    if (
      centreChange ||
      (rel.length === 1 && (rel[0] === CENTRE || conflictCopyOf(rel[0]!, [CENTRE]) === CENTRE))
    ) {
      return (await this.workspace.checkCentreOnDisk()) !== 'same';
    }
    if (rel[0] === 'learners' && rel.length >= 2) {
      // A folder of a learner the roster keeps elsewhere (their folder before an erasure moved
      // it, written in on a computer that was apart) is merged into theirs and removed.
      const strays = await this.workspace.mergeStrayFolders();
      if (strays.some((s) => s.outcome === 'moved' || s.outcome === 'merged')) return true;
    }
    const inPortfolio =
      rel[0] === 'learners' &&
      ((rel.length === 3 && rel[2]!.endsWith('.json')) ||
        (rel.length === 4 && rel[2] === CHANGES_FOLDER && rel[3]!.endsWith(CHANGE_FILE_EXT)));
    if (inPortfolio) {
      // A change file of another writer, a conflict copy, or portfolio.json put back by hand.
      const folder = `learners/${rel[1]}`;
      const learner = this.workspace.centre.learners.find((l) => l.portfolio === folder);
      if (!learner) return false;
      const state = await this.workspace.portfolios.noticeChange(learner.id);
      // A portfolio nobody has opened yet is read fresh when it is; still tell the screen.
      return state !== 'same';
    }
    const watched = this.folders.find((f) => f.folder === rel[0]);
    if (watched?.nested) {
      const last = rel[rel.length - 1]!;
      if (rel.length < 2 || !(last.endsWith('.json') || isChangeFile(last))) return false;
      return watched.noticeChange(this.workspace, rel.slice(1).join('/'));
    }
    const changeFile = rel.length === 3 && rel[1]!.endsWith('-changes') && isChangeFile(rel[2]!);
    if (watched && ((rel.length === 2 && file.endsWith('.json')) || changeFile)) {
      return watched.noticeChange(this.workspace, rel[1] ?? '');
    }
    return rel[0] === 'units' && file.endsWith('.json');
  }
}

/** Only the files the workbench reads matter: not evidence, temporary or backup files. */
export function ignoredPath(root: string, file: string, isFile: boolean | null): boolean {
  const rel = path.relative(root, file);
  if (!rel) return false;
  const parts = rel.split(path.sep);
  const skipped = ['evidence', 'node_modules', MERGED_COPIES_FOLDER];
  if (parts.some((p) => p.startsWith('.') || skipped.includes(p))) return true;
  return isFile === true && !file.endsWith('.json') && !file.endsWith(CHANGE_FILE_EXT);
}
