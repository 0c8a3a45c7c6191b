import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { stamp, type Actor } from '../shared/record';
import { writeFileAtomic } from '../storage/atomic-write';
import { mapFsError } from '../storage/map-fs-error';
import { safeName } from '../storage/safe-name';
import { qualificationSchema, type Qualification } from './qualification-schema';
import { readJsonFolder } from '../storage/json-folder';

export const QUALIFICATIONS_FOLDER = 'qualifications';

/** A qualification as the workspace keeps it: one self-describing JSON file each. */
export const storedQualificationSchema = qualificationSchema.extend({
  schemaVersion: z.literal(1),
  kind: z.literal('qualification'),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
});

export type StoredQualification = z.infer<typeof storedQualificationSchema>;

export async function listQualifications(
  workspaceDir: string,
): Promise<{ qualifications: StoredQualification[]; problems: string[] }> {
  const { items, problems } = await readJsonFolder(
    path.join(workspaceDir, QUALIFICATIONS_FOLDER),
    storedQualificationSchema,
    { folder: 'The qualifications folder', file: (name) => `The qualification file ${name}` },
  );
  return { qualifications: items, problems };
}

export async function saveQualification(
  workspaceDir: string,
  qualification: Qualification,
  actor: Actor,
  now: Date,
): Promise<StoredQualification> {
  const stored = storedQualificationSchema.parse({
    ...qualification,
    schemaVersion: 1,
    kind: 'qualification',
    ...stamp(actor, now),
  });
  const dir = path.join(workspaceDir, QUALIFICATIONS_FOLDER);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(
      path.join(dir, `${safeName(stored.id, 'qualification', 100)}.json`),
      `${JSON.stringify(stored, null, 2)}\n`,
    );
  } catch (error) {
    throw mapFsError(error, `The qualification file for ${stored.title}`);
  }
  return stored;
}
