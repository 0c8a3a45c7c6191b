import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../kernel/user-error';
import { stamp, type Actor } from '../shared/record';
import { writeFileAtomic } from '../storage/atomic-write';
import { parseDocument } from '../storage/json-document';
import { mapFsError } from '../storage/map-fs-error';
import { safeName } from '../storage/safe-name';
import { qualificationSchema, type Qualification } from './qualification-schema';

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
  const dir = path.join(workspaceDir, QUALIFICATIONS_FOLDER);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { qualifications: [], problems: [] };
    throw mapFsError(error, 'The qualifications folder');
  }
  const qualifications: StoredQualification[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const text = await readFile(file, 'utf8');
      qualifications.push(
        parseDocument(text, storedQualificationSchema, `The qualification file ${name}`, file),
      );
    } catch (error) {
      problems.push(error instanceof UserError ? error.message : mapFsError(error, name).message);
    }
  }
  return { qualifications, problems };
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
