import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { staffRoles } from '../centre/centre-schema';
import { JsonDocument } from '../storage/json-document';

const MAX_RECENT = 8;

export const currentUserSchema = z.object({
  personId: z.string().min(1),
  role: z.enum(staffRoles),
});

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  recent: z.array(
    z.object({ path: z.string(), name: z.string(), openedAt: z.iso.datetime({ offset: true }) }),
  ),
  lastWorkspace: z.string().nullable(),
  /** Who uses the workbench on this computer, per workspace. */
  users: z.record(z.string(), currentUserSchema),
  /** Workspaces whose unencrypted drive this computer has warned about (once each). */
  encryptionWarned: z.array(z.string()).default([]),
});

export type RecentWorkspace = z.infer<typeof settingsSchema>['recent'][number];
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** The per-computer preferences kept in the user-data folder, never in a workspace. */
export class Settings {
  private constructor(private readonly doc: JsonDocument<typeof settingsSchema>) {}

  static async load(userDataDir: string): Promise<Settings> {
    await mkdir(userDataDir, { recursive: true });
    const file = path.join(userDataDir, 'settings.json');
    const fresh = {
      schemaVersion: 1 as const,
      recent: [],
      lastWorkspace: null,
      users: {},
      encryptionWarned: [],
    };
    try {
      return new Settings(await JsonDocument.open(file, settingsSchema, 'The settings file'));
    } catch (error) {
      if (error instanceof UserError && error.code === 'unreadable-file') {
        // Preferences are not precious, but keep the damaged copy for anyone who wants it.
        await rename(file, `${file}.damaged-${Date.now()}`);
      } else if (!(error instanceof UserError && error.code === 'not-found')) {
        throw error;
      }
      return new Settings(
        await JsonDocument.create(file, settingsSchema, 'The settings file', fresh),
      );
    }
  }

  get recent(): readonly RecentWorkspace[] {
    return this.doc.data.recent;
  }

  get lastWorkspace(): string | null {
    return this.doc.data.lastWorkspace;
  }

  userFor(workspaceDir: string): CurrentUser | null {
    return this.doc.data.users[workspaceDir] ?? null;
  }

  async rememberOpened(workspaceDir: string, name: string, now: Date): Promise<void> {
    await this.doc.update((s) => ({
      ...s,
      lastWorkspace: workspaceDir,
      recent: [
        { path: workspaceDir, name, openedAt: now.toISOString() },
        ...s.recent.filter((r) => r.path !== workspaceDir),
      ].slice(0, MAX_RECENT),
    }));
  }

  hasWarnedAboutEncryption(workspaceDir: string): boolean {
    return this.doc.data.encryptionWarned.includes(workspaceDir);
  }

  async rememberEncryptionWarning(workspaceDir: string): Promise<void> {
    if (this.hasWarnedAboutEncryption(workspaceDir)) return;
    await this.doc.update((s) => ({
      ...s,
      encryptionWarned: [...s.encryptionWarned, workspaceDir],
    }));
  }

  async setUser(workspaceDir: string, user: CurrentUser): Promise<void> {
    await this.doc.update((s) => ({ ...s, users: { ...s.users, [workspaceDir]: user } }));
  }
}
