import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type { StaffMember, StaffRole } from '../centre/centre-schema';
import type { NewCentre } from '../centre/roster';
import type { Prover } from '../shared/proof';
import type { Actor } from '../shared/record';
import { Settings, type CurrentUser } from '../settings/settings';
import { FileTickets } from '../evidence/file-tickets';
import { IngestJobs } from '../evidence/ingest-jobs';
import { StagedFiles } from '../evidence/staged-files';
import { Workspace } from '../workspace/workspace';
import { WorkspaceWatcher } from '../workspace/workspace-watcher';
import { samplingWatch } from '../sampling/sampling-watch';
import { standardisationWatch } from '../competence/standardisation-watch';
import { visitWatch } from '../visit-pack/visit-watch';
import {
  isPackZip,
  isVisitPackFolder,
  openVisitPack,
  openVisitPackZip,
  type OpenedPack,
} from '../visit-pack/open-pack';
import {
  OPENED_PACKS_FOLDER,
  removeExtraction,
  removeStaleExtractions,
} from '../visit-pack/pack-unzip';

/** What only a host can do (a native folder picker exists in Electron, not in a browser). */
export interface HostCapabilities {
  kind: 'electron' | 'web' | 'cli';
  chooseFolder?: () => Promise<string | null>;
  /** The desktop app's file dialog: the files chosen (staged by the handler), none if cancelled. */
  chooseFiles?: () => Promise<string[]>;
  /** Opens a file in the program the computer uses for it ("open in default app"). */
  openPath?: (file: string) => Promise<void>;
  /** Shows a file selected in the computer's file manager, without opening it. */
  showInFolder?: (file: string) => Promise<void>;
  /** Seals a secret for this computer's user only (Electron safeStorage); desktop app only. */
  protectSecret?: (plain: string) => Promise<string>;
  unprotectSecret?: (sealed: string) => Promise<string>;
  /** Told each time a workspace opens (the desktop app checks its drive is encrypted); never awaited. */
  workspaceOpened?: (workspace: { dir: string; demo: boolean }) => void;
}

/** Builds the demo centre in a folder. The hosts pass one (demo/make-demo.ts), so the workbench does not depend on the demo. */
export type DemoMaker = (dir: string, resourcesDir: string, now: Date) => Promise<Workspace>;

export interface WorkbenchOptions {
  /** Notice outside changes to the open workspace (the hosts do; one-shot commands need not). */
  watch?: boolean;
  /** Opens the demo centre when no workspace is asked for; without it there is no demo. */
  demo?: DemoMaker;
  /** Told of each file event the watcher has weighed, so a test can wait on it, not a clock. */
  onWatched?: (file: string, outside: boolean) => void;
}

export interface WorkbenchPaths {
  userDataDir: string;
  /** The app's own files: seed unit specifications and the like. */
  resourcesDir: string;
}

export interface SignedInUser {
  person: StaffMember;
  role: StaffRole;
}

/**
 * The running workbench: which workspace is open and who is using it. Both hosts and the
 * CLI create one and hand it to the same operation handlers.
 */
export class Workbench {
  private current: Workspace | null = null;
  /** A visit pack the EQA opened instead of a workspace: read only, never written to. */
  private pack: OpenedPack | null = null;
  private openProblem: UserError | null = null;
  private settingsStore: Settings | null = null;
  private watcher: WorkspaceWatcher | null = null;
  private changeCount = 0;
  readonly tickets = new FileTickets();
  readonly jobs = new IngestJobs();
  readonly staged = new StagedFiles();
  /**
   * The signing key of the person who proved who they are this session, unlocked once, kept in
   * this process's memory only (never written, never sent to the screen) and dropped when someone
   * else is chosen or another workspace opens.
   */
  private unlocked: { personId: string; prove: Prover } | null = null;

  constructor(
    readonly paths: WorkbenchPaths,
    readonly host: HostCapabilities,
    readonly clock: () => Date = () => new Date(),
    private readonly options: WorkbenchOptions = {},
  ) {}

  /** The workspace that could not be opened at start, so the screen can offer to repair it. */
  failedDir: string | null = null;

  /** Goes up whenever a file of the open workspace was changed by another program. */
  get changes(): number {
    return this.changeCount;
  }

  get demoDir(): string {
    return path.join(this.paths.userDataDir, 'demo-centre');
  }

  /** Where a pack's .zip is unpacked to be read: this computer's own data, outside any workspace. */
  get packCacheDir(): string {
    return path.join(this.paths.userDataDir, OPENED_PACKS_FOLDER);
  }

  get settings(): Settings {
    if (!this.settingsStore) throw new Error('Workbench used before boot()');
    return this.settingsStore;
  }

  /** Opens the workspace asked for, else the last one used, else the demo centre. */
  async boot(options: { workspace?: string } = {}): Promise<void> {
    this.settingsStore = await Settings.load(this.paths.userDataDir);
    await removeStaleExtractions(this.packCacheDir);
    const wanted = options.workspace ?? this.settings.lastWorkspace;
    try {
      if (wanted) await this.openFolder(wanted);
      else await this.openDemo();
    } catch (error) {
      // Keep running so the screen can say what is wrong and offer another workspace.
      this.current = null;
      this.failedDir = wanted ?? this.demoDir;
      this.openProblem =
        error instanceof UserError ? error : new UserError('internal', String(error));
    }
  }

  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    await this.watcher?.shutdown();
    this.watcher = null;
    await this.current?.portfolios.flush();
    this.current = null;
    await this.closePack();
  }

  get workspace(): Workspace {
    if (this.current) return this.current;
    if (this.pack) {
      throw new UserError(
        'read-only',
        'A visit pack is open, to read only: it has no centre workspace behind it. Open the centre’s workspace (Change workspace) for that.',
      );
    }
    throw (
      this.openProblem ??
      new UserError('not-a-workspace', 'No centre workspace is open. Open or create one first.')
    );
  }

  get hasWorkspace(): boolean {
    return this.current !== null;
  }

  /** The visit pack open now, if the EQA opened one. */
  get openedPack(): OpenedPack | null {
    return this.pack;
  }

  requirePack(): OpenedPack {
    if (this.pack) return this.pack;
    throw new UserError(
      'not-found',
      'No visit pack is open. Open the pack’s folder (the one with pack.json and MANIFEST.sha256).',
    );
  }

  /** Opens what a path holds: a visit pack or its .zip (read only), else a centre workspace. */
  async openFolder(dir: string): Promise<void> {
    if ((await isPackZip(dir)) || (await isVisitPackFolder(dir))) await this.openPack(dir);
    else await this.open(dir);
  }

  /**
   * Opens a visit pack (its folder, or its .zip unpacked into this computer's cache) in place of
   * the workspace; nothing is written into the pack or the zip.
   */
  async openPack(dir: string): Promise<OpenedPack> {
    const opened = (await isPackZip(dir))
      ? await openVisitPackZip(dir, this.packCacheDir)
      : await openVisitPack(dir);
    // The same zip opened again was unpacked afresh in the same place: keep that.
    await this.closePack(opened.extraction);
    await this.watcher?.shutdown();
    this.watcher = null;
    await this.current?.portfolios.flush();
    this.current = null;
    this.unlocked = null;
    this.tickets.clear();
    this.pack = opened;
    this.openProblem = null;
    this.failedDir = null;
    this.changeCount += 1;
    return opened;
  }

  /** Forgets the open pack, removing its unpacked .zip unless `keep` (just unpacked again). */
  private async closePack(keep: string | null = null): Promise<void> {
    const extraction = this.pack?.extraction;
    this.pack = null;
    if (extraction && extraction !== keep) await removeExtraction(extraction);
  }

  async open(dir: string): Promise<Workspace> {
    const workspace = await Workspace.open(dir);
    return this.use(workspace);
  }

  async create(dir: string, input: NewCentre): Promise<Workspace> {
    const workspace = await Workspace.create(dir, input, this.actor(), this.clock());
    return this.use(workspace);
  }

  async openDemo(): Promise<Workspace> {
    try {
      return await this.open(this.demoDir);
    } catch (error) {
      if (!(error instanceof UserError) || error.code !== 'not-found') throw error;
    }
    if (!this.options.demo) {
      throw new UserError(
        'unsupported',
        'This workbench was started without the demo centre. Open or create a centre workspace instead.',
      );
    }
    const workspace = await this.options.demo(this.demoDir, this.paths.resourcesDir, this.clock());
    return this.use(workspace);
  }

  private async use(workspace: Workspace): Promise<Workspace> {
    await this.watcher?.shutdown();
    this.watcher = null;
    if (this.current !== workspace) await this.current?.portfolios.flush();
    this.tickets.clear();
    if (this.current !== workspace) this.unlocked = null;
    this.current = workspace;
    await this.closePack();
    this.openProblem = null;
    this.failedDir = null;
    this.changeCount += 1;
    if (this.options.watch) {
      const watcher = new WorkspaceWatcher(
        workspace,
        () => {
          this.changeCount += 1;
        },
        [samplingWatch, visitWatch, standardisationWatch],
        this.options.onWatched,
      );
      await watcher.boot();
      this.watcher = watcher;
    }
    await this.settings.rememberOpened(workspace.dir, workspace.centre.centre.name, this.clock());
    this.host.workspaceOpened?.({ dir: workspace.dir, demo: workspace.centre.centre.demo });
    return workspace;
  }

  /** The chosen user, or the workspace's first assessor until someone chooses. */
  signedIn(): SignedInUser | null {
    if (!this.current) return null;
    const staff = this.current.centre.staff.filter((s) => !s.archived);
    const chosen: CurrentUser | null = this.settings.userFor(this.current.dir);
    const person = chosen && staff.find((s) => s.id === chosen.personId);
    if (chosen && person && person.roles.includes(chosen.role))
      return { person, role: chosen.role };
    const fallback = staff.find((s) => s.roles.includes('assessor')) ?? staff[0];
    return fallback ? { person: fallback, role: fallback.roles[0] ?? 'assessor' } : null;
  }

  /** The person working now; refuses, asking them to choose who they are, when nobody is. */
  requireSignedIn(): SignedInUser {
    const user = this.signedIn();
    if (!user) {
      throw new UserError(
        'forbidden',
        'Choose who is using the workbench (top right) before signing.',
      );
    }
    return user;
  }

  async signIn(user: CurrentUser): Promise<void> {
    const person = this.workspace.centre.staff.find((s) => s.id === user.personId && !s.archived);
    if (!person)
      throw new UserError('not-found', 'That person is not on the staff of this centre.');
    if (!person.roles.includes(user.role)) {
      throw new UserError(
        'invalid-input',
        `${person.name} does not have that role in this centre.`,
      );
    }
    if (this.unlocked?.personId !== person.id) this.unlocked = null;
    await this.settings.setUser(this.workspace.dir, user);
  }

  /** Keeps the key a person unlocked with their passphrase, for this session only. */
  rememberUnlocked(personId: string, prove: Prover): void {
    this.unlocked = { personId, prove };
  }

  /** Whether the person working now has unlocked their signing key this session. */
  isUnlocked(): boolean {
    const user = this.signedIn();
    return !!user && this.unlocked?.personId === user.person.id;
  }

  /**
   * Refuses when the person working now has not unlocked their key this session, so nothing is
   * recorded for someone who has not proved who they are.
   */
  assertUnlocked(what: string): Prover {
    const user = this.signedIn();
    if (!user || !this.unlocked || this.unlocked.personId !== user.person.id) {
      throw new UserError(
        'forbidden',
        `${user ? `${user.person.name} has` : 'Nobody has'} not unlocked a signing identity in this session, so ${what} cannot be recorded. Choose who you are (top right) and enter your signing passphrase.`,
      );
    }
    return this.unlocked.prove;
  }

  /**
   * Signs a decision as the person working now, with the key they unlocked. Asked only once the
   * decision has passed its own rules, so someone who has not unlocked still hears what blocks it.
   */
  prover(what: string): Prover {
    return (personId, payload) => this.assertUnlocked(what)(personId, payload);
  }

  actor(): Actor {
    const user = this.signedIn();
    return user ? { id: user.person.id, role: user.role } : { id: 'centre-admin', role: 'admin' };
  }

  /** External quality assurers look but never change anything; nor does anyone in a visit pack. */
  readOnly(): boolean {
    return this.pack !== null || this.signedIn()?.role === 'eqa';
  }
}
