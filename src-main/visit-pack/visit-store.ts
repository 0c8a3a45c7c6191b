import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { withMergedCopy } from '../audit/audit';
import { UserError } from '../kernel/user-error';
import { MERGED_COPIES_FOLDER } from '../storage/conflict-copies';
import { DocumentLog, type DocumentLogSpec } from '../storage/document-log';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import { qaTombstones } from '../sampling/qa-tombstones';
import type { Workspace } from '../workspace/workspace';
import { VISIT_FILE, visitFileSchema, visitIdPattern, type VisitFile } from './visit-schema';

export const VISITS_FOLDER = 'visits';

type VisitDoc = DocumentLog<typeof visitFileSchema>;

function spec(
  workspace: Workspace,
  visitId: string,
  file: string,
): DocumentLogSpec<typeof visitFileSchema> {
  const name = `${VISITS_FOLDER}/${visitId}/${VISIT_FILE}`;
  return {
    file,
    name,
    changesDir: path.join(path.dirname(file), 'visit-changes'),
    schema: visitFileSchema,
    label: `The EQA visit record (${name})`,
    shape: {
      lists: [
        { path: 'actions' },
        { path: 'replacedReports', key: (r) => String(r.sha256), whole: true },
        { path: 'audit', whole: true },
      ],
    },
    owner: name,
    writer: workspace.writer,
    // An erased learner's name, copied beside their id, never comes back with an older copy.
    ...qaTombstones(workspace).hooks,
    onMerge: (data, merged) =>
      withMergedCopy(data, merged, `${VISITS_FOLDER}/${visitId}/${MERGED_COPIES_FOLDER}/`),
  };
}

const docs = new WeakMap<Workspace, Map<string, Promise<VisitDoc>>>();

/** The folder of one visit: its record and the EQA's returned report. */
export async function visitFolder(workspace: Workspace, visitId: string): Promise<string> {
  if (!visitIdPattern.test(visitId)) {
    throw new UserError('not-found', 'That EQA visit is not one of this centre’s.');
  }
  return resolveInside(workspace.dir, path.join(VISITS_FOLDER, visitId));
}

/** The visit's record, one document object per process so every change has a single writer. */
export async function visitDoc(workspace: Workspace, visitId: string): Promise<VisitDoc> {
  await qaTombstones(workspace).refresh();
  let open = docs.get(workspace);
  if (!open) docs.set(workspace, (open = new Map()));
  const cached = open.get(visitId);
  if (cached) {
    const doc = await cached;
    if ((await doc.checkDisk()) === 'broken') throw doc.problem!;
    return doc;
  }
  const pending = (async () => {
    const folder = await visitFolder(workspace, visitId);
    try {
      return await DocumentLog.open(spec(workspace, visitId, path.join(folder, VISIT_FILE)));
    } catch (error) {
      if (error instanceof UserError && error.code === 'not-found') {
        throw new UserError(
          'not-found',
          'This centre has no record of that EQA visit. Import a report only for a visit whose pack this workspace made.',
        );
      }
      throw error;
    }
  })();
  open.set(visitId, pending);
  pending.catch(() => open.delete(visitId));
  return pending;
}

/**
 * Called for a file of visits/ changed on disk (`<visit id>/visit.json`, a conflict copy, a
 * change file): the record read again, which scrubs an older copy naming an erased learner.
 * True when it brought something this process had not seen.
 */
export async function noticeVisitChange(workspace: Workspace, name: string): Promise<boolean> {
  const [visitId, file, changeFile] = name.split('/');
  if (!visitId || !visitIdPattern.test(visitId) || !file) return false;
  const ours = changeFile ? file === 'visit-changes' : file.startsWith('visit.');
  if (!ours) return false;
  await qaTombstones(workspace).refresh();
  const cached = docs.get(workspace)?.get(visitId);
  const open = cached ? await cached.catch(() => null) : null;
  if (open) return (await open.checkDisk()) !== 'same';
  await visitDoc(workspace, visitId);
  return true;
}

/** Starts the record of a visit as its pack is written. */
export async function createVisit(workspace: Workspace, visit: VisitFile): Promise<void> {
  const folder = await visitFolder(workspace, visit.id);
  await mkdir(folder, { recursive: true }).catch((e: unknown) => {
    throw mapFsError(e, 'The visit folder');
  });
  await DocumentLog.create(spec(workspace, visit.id, path.join(folder, VISIT_FILE)), visit);
}

/** Every visit of the centre, newest pack first; a visit that cannot be read is named, not hidden. */
export async function listVisits(
  workspace: Workspace,
): Promise<{ visits: VisitFile[]; problems: string[] }> {
  const root = path.join(workspace.dir, VISITS_FOLDER);
  const names = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw mapFsError(error, 'The visits folder');
  });
  const visits: VisitFile[] = [];
  const problems: string[] = [];
  for (const name of names.filter((n) => visitIdPattern.test(n)).sort()) {
    try {
      visits.push((await visitDoc(workspace, name)).data);
    } catch (error) {
      if (error instanceof UserError) problems.push(error.message);
      else throw error;
    }
  }
  visits.sort((a, b) => (a.packMadeAt < b.packMadeAt ? 1 : -1));
  return { visits, problems };
}
