import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure } from '../../kernel/result';
import { UserError } from '../../kernel/user-error';
import type { Workbench } from '../../app/workbench';
import { addCpdEvidence } from '../../staff/staff-evidence';
import { cpdUploadSchema } from '../../staff/staff-record-contract';
import { describeIssues } from '../../storage/json-document';
import { sendJson } from './respond';

export const CPD_METADATA_HEADER = 'x-workbench-cpd-evidence';

/** A CPD certificate or note sent as the request body, streamed and hashed as evidence is. */
export async function handleCpdUpload(
  req: IncomingMessage,
  res: ServerResponse,
  workbench: Workbench,
): Promise<void> {
  let meta: unknown;
  try {
    meta = JSON.parse(decodeURIComponent(String(req.headers[CPD_METADATA_HEADER] ?? '')));
  } catch {
    meta = null;
  }
  const parsed = cpdUploadSchema.safeParse(meta);
  if (!parsed.success || workbench.readOnly()) {
    req.resume();
    sendJson(
      res,
      parsed.success ? 403 : 400,
      parsed.success
        ? failure(
            'read-only',
            'External quality assurers have read-only access, so nothing was added.',
          )
        : failure('invalid-input', `That could not be used: ${describeIssues(parsed.error)}.`),
    );
    return;
  }
  const controller = new AbortController();
  const cancelled = () => {
    if (!req.complete) controller.abort();
  };
  req.once('close', cancelled);
  const length = Number(req.headers['content-length']);
  try {
    const { personId, cpdId, originalName } = parsed.data;
    const actor = workbench.actor();
    if (actor.id !== personId && actor.role !== 'iqa' && actor.role !== 'admin') {
      throw new UserError(
        'forbidden',
        "Only the person themselves or an IQA can change a staff member's competence record.",
      );
    }
    const saved = await addCpdEvidence(
      workbench.workspace,
      personId,
      cpdId,
      {
        originalName,
        source: req,
        signal: controller.signal,
        total: Number.isFinite(length) ? length : null,
      },
      actor,
      workbench.clock,
    );
    sendJson(res, 200, { ok: true, data: saved });
  } catch (error) {
    if (controller.signal.aborted) {
      res.destroy();
      return;
    }
    req.resume();
    if (error instanceof UserError) sendJson(res, 200, failure(error.code, error.message));
    else {
      console.error(
        `[workbench] CPD upload failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      sendJson(res, 500, failure('internal', 'The file could not be added. Try again.'));
    }
  } finally {
    req.off('close', cancelled);
  }
}
