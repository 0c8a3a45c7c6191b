import { mkdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure } from '../../kernel/result';
import { UserError } from '../../kernel/user-error';
import type { Workbench } from '../../app/workbench';
import { EVIDENCE_FOLDER } from '../../evidence/evidence-schema';
import { receiveIntoFolder } from '../../evidence/ingest';
import { describeIssues } from '../../storage/json-document';
import { resolveInside } from '../../storage/resolve-inside';
import { formUploadSchema } from '../../witness/testimony-contract';
import { HELD_FOLDER_PREFIX } from '../../witness/testimony-handlers';
import { importReturnedFile } from '../../witness/import-returned';
import { sendJson } from './respond';

export const WITNESS_METADATA_HEADER = 'x-workbench-witness-form';

/** The name a held file keeps (it decides the evidence file's extension), never a path. */
function heldName(originalName: string): string {
  const base = path.basename(originalName.replace(/\\/g, '/')).replace(/^\.+/, '');
  return base || 'returned-form';
}

/**
 * A returned witness testimony form sent as the request body, the same way evidence files
 * are: streamed into the learner's evidence folder under a hidden temporary name, then read
 * (a fillable PDF) or kept with what the assessor typed, through the evidence ingest.
 */
export async function handleWitnessUpload(
  req: IncomingMessage,
  res: ServerResponse,
  workbench: Workbench,
): Promise<void> {
  let meta: unknown;
  try {
    meta = JSON.parse(decodeURIComponent(String(req.headers[WITNESS_METADATA_HEADER] ?? '')));
  } catch {
    req.resume();
    sendJson(res, 400, failure('invalid-input', 'The upload did not say what the file is.'));
    return;
  }
  const parsed = formUploadSchema.safeParse(meta);
  if (!parsed.success) {
    req.resume();
    sendJson(
      res,
      400,
      failure('invalid-input', `That could not be used: ${describeIssues(parsed.error)}.`),
    );
    return;
  }
  if (workbench.readOnly()) {
    req.resume();
    sendJson(
      res,
      403,
      failure(
        'read-only',
        'External quality assurers have read-only access, so nothing was added.',
      ),
    );
    return;
  }
  const { learnerId, originalName, typed, hold } = parsed.data;
  let temp: string | null = null;
  try {
    const folder = await resolveInside(
      await workbench.workspace.portfolioFolder(learnerId),
      EVIDENCE_FOLDER,
    );
    await mkdir(folder, { recursive: true });
    const received = await receiveIntoFolder(req, folder);
    temp = received.tempFile;
    if (hold) {
      const heldDir = path.join(folder, `${HELD_FOLDER_PREFIX}${randomBytes(6).toString('hex')}`);
      await mkdir(heldDir);
      const held = path.join(heldDir, heldName(originalName));
      await rename(temp, held);
      temp = null;
      const picked = workbench.picked.register(held, received.size);
      sendJson(res, 200, { ok: true, data: { pickId: picked.pickId } });
      return;
    }
    const saved = await importReturnedFile(
      workbench.workspace,
      learnerId,
      temp,
      originalName,
      typed,
      workbench.actor(),
      workbench.clock(),
    );
    sendJson(res, 200, { ok: true, data: { evidenceId: saved.evidence.id } });
  } catch (error) {
    req.resume();
    // The partial file goes before the answer: once told "refused", nothing of it may remain.
    if (temp) await rm(temp, { force: true });
    temp = null;
    if (error instanceof UserError) sendJson(res, 200, failure(error.code, error.message));
    else {
      console.error(
        `[workbench] witness form upload failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      sendJson(res, 500, failure('internal', 'The form could not be imported. Try again.'));
    }
  } finally {
    if (temp) await rm(temp, { force: true });
  }
}
