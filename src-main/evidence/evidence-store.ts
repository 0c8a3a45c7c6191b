import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../kernel/user-error';
import type { Actor } from '../shared/record';
import { syncFolder } from '../storage/atomic-write';
import { mapFsError } from '../storage/map-fs-error';
import { resolveInside } from '../storage/resolve-inside';
import type { Workspace } from '../workspace/workspace';
import { evidenceFileName } from './evidence-names';
import { addEvidence, duplicateError, findByHash, type EvidenceDetails } from './evidence-records';
import { EVIDENCE_FOLDER, type Evidence } from '../portfolio/evidence-schema';
import {
  placeFile,
  receiveFileIntoFolder,
  receiveIntoFolder,
  type Received,
  type StreamOptions,
} from './ingest';
import { mediaTypeOf } from './media-types';

export interface IncomingFile extends StreamOptions {
  originalName: string;
  /**
   * A stream, a file on this computer (read directly, faster), or a staged copy already
   * received and hashed inside the workspace (moved into place, not copied again).
   */
  source: Readable | AsyncIterable<Uint8Array> | { file: string } | { received: Received };
}

/**
 * Adds a file to a learner's portfolio: copied and hashed in one pass, refused if the same
 * file is already there, given a readable name that replaces nothing, and recorded (with its
 * audit line) only once it is safely on disk.
 */
export async function addEvidenceFile(
  workspace: Workspace,
  learnerId: string,
  details: EvidenceDetails,
  incoming: IncomingFile,
  actor: Actor,
  now: () => Date,
): Promise<Evidence> {
  const doc = await workspace.portfolio(learnerId);
  const folder = await resolveInside(await workspace.portfolioFolder(learnerId), EVIDENCE_FOLDER);
  const label = 'The evidence folder';
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw mapFsError(error, label);
  });
  const { source } = incoming;
  const receiving =
    'received' in source
      ? Promise.resolve(source.received)
      : 'file' in source
        ? receiveFileIntoFolder(source.file, folder, incoming)
        : receiveIntoFolder(source, folder, incoming);
  const received = await receiving.catch((error: unknown) => {
    throw mapFsError(error, label);
  });
  let placed: string | null = null;
  try {
    const existing = findByHash(doc.data, received.sha256);
    if (existing) throw duplicateError(existing);
    const wanted = evidenceFileName(details.title, details.producedOn, incoming.originalName);
    placed = await placeFile(received.tempFile, folder, wanted);
    await syncFolder(folder);
    const file = {
      path: `${EVIDENCE_FOLDER}/${placed}`,
      originalName: path.basename(incoming.originalName.replace(/\\/g, '/')),
      size: received.size,
      sha256: received.sha256,
      mediaType: mediaTypeOf(placed),
    };
    let added: Evidence | undefined;
    await doc.update((p) => {
      const result = addEvidence(p, details, file, actor, now());
      added = result.evidence;
      return result.portfolio;
    });
    return added!;
  } catch (error) {
    await rm(received.tempFile, { force: true });
    if (placed) await rm(path.join(folder, placed), { force: true });
    throw error instanceof UserError ? error : mapFsError(error, label);
  }
}

/** The evidence item and, for one with a file, where that file is, confined to its portfolio. */
export async function evidenceFile(
  workspace: Workspace,
  learnerId: string,
  evidenceId: string,
): Promise<{ evidence: Evidence; file: string | null }> {
  const doc = await workspace.portfolio(learnerId);
  const evidence = doc.data.evidence.find((e) => e.id === evidenceId);
  if (!evidence) throw new UserError('not-found', 'That evidence item is not in this portfolio.');
  if (!evidence.file) return { evidence, file: null };
  const portfolioFolder = await workspace.portfolioFolder(learnerId);
  return { evidence, file: await resolveInside(portfolioFolder, evidence.file.path) };
}
