import { rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { evidenceFileName } from '../evidence/evidence-names';
import type { IncomingFile } from '../evidence/evidence-store';
import { placeFile, receiveFileIntoFolder, receiveIntoFolder } from '../evidence/ingest';
import { mediaTypeOf } from '../evidence/media-types';
import type { Actor } from '../shared/record';
import { syncFolder } from '../storage/atomic-write';
import { mapFsError } from '../storage/map-fs-error';
import type { Workspace } from '../workspace/workspace';
import { competenceStore } from './competence-store';
import { addCpdFile } from './staff-record-actions';
import { staffMemberOf } from './staff-record-view';

/**
 * A certificate or note of a CPD activity, ingested as learner evidence is: copied into the
 * person's `staff/<id>/evidence/` folder and hashed in the same pass, refused when the same file
 * is already kept, named readably without replacing anything, and recorded only once on disk.
 */
export async function addCpdEvidence(
  workspace: Workspace,
  personId: string,
  cpdId: string,
  incoming: IncomingFile,
  actor: Actor,
  now: () => Date,
): Promise<{ path: string; sha256: string }> {
  staffMemberOf(workspace, personId);
  const store = competenceStore(workspace);
  const record = await store.readStaffRecord(personId);
  const entry = record?.cpd.find((c) => c.id === cpdId);
  if (!record || !entry) {
    throw new UserError('not-found', 'That CPD entry is not on this staff record.');
  }
  const folder = await store.evidenceFolder(personId);
  const label = 'The staff evidence folder';
  const { source } = incoming;
  const received = await (
    'file' in source
      ? receiveFileIntoFolder(source.file, folder, incoming)
      : 'received' in source
        ? receiveFileIntoFolder(source.received.tempFile, folder, incoming)
        : receiveIntoFolder(source, folder, incoming)
  ).catch((error: unknown) => {
    throw mapFsError(error, label);
  });
  let placed: string | null = null;
  try {
    const wanted = evidenceFileName(entry.activity, entry.date, incoming.originalName);
    const file = {
      path: '',
      originalName: path.basename(incoming.originalName.replace(/\\/g, '/')),
      size: received.size,
      sha256: received.sha256,
      mediaType: '',
    };
    // Checked before the file gets a name, so a refused duplicate leaves nothing behind.
    addCpdFile(record, cpdId, { ...file, path: 'evidence/x', mediaType: 'x' }, actor, now());
    placed = await placeFile(received.tempFile, folder, wanted);
    await syncFolder(folder);
    const kept = { ...file, path: `evidence/${placed}`, mediaType: mediaTypeOf(placed) };
    await store.changeStaffRecord(personId, actor, now(), (r) =>
      addCpdFile(r, cpdId, kept, actor, now()),
    );
    return { path: kept.path, sha256: kept.sha256 };
  } catch (error) {
    await rm(received.tempFile, { force: true });
    if (placed) await rm(path.join(folder, placed), { force: true });
    throw error instanceof UserError ? error : mapFsError(error, label);
  }
}
