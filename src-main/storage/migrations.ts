import path from 'node:path';
import { UserError } from '../kernel/user-error';

/** Turns a document of version n into version n + 1; works on plain JSON, before validation. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export interface MigrationPlan {
  /** The version the workbench writes. */
  current: number;
  /** `steps[n]` upgrades a version-n document to version n + 1. */
  steps: Record<number, Migration>;
}

export interface Migrated {
  document: unknown;
  /** The version the file was written in; equal to `current` when nothing had to change. */
  from: number;
}

/**
 * Brings a document read from disk up to the current layout, one version at a time, so a
 * portfolio copied from an older workbench (or kept on a USB stick for years) still opens.
 * Nothing is written back here: the upgraded layout reaches the disk with the next save.
 */
export function migrate(raw: unknown, plan: MigrationPlan, label: string, file: string): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { document: raw, from: plan.current };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    // Let the schema say what is missing, in its own words.
    return { document: raw, from: plan.current };
  }
  if (version > plan.current) {
    throw new UserError(
      'unreadable-file',
      `${label} (${path.basename(file)}) was saved by a newer version of the workbench (layout ${version}). Update the workbench to open it; it has not been changed.`,
    );
  }
  let document = raw as Record<string, unknown>;
  for (let v = version; v < plan.current; v += 1) {
    const step = plan.steps[v];
    if (!step) {
      throw new UserError(
        'unreadable-file',
        `${label} (${path.basename(file)}) uses layout ${version}, which this workbench cannot upgrade. It has not been changed.`,
      );
    }
    document = { ...step(structuredClone(document)), schemaVersion: v + 1 };
  }
  return { document, from: version };
}
