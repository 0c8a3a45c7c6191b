import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeIssues } from '../../storage/json-document';
import { failure } from '../../kernel/result';
import { UserError } from '../../kernel/user-error';
import type { Workbench } from '../../app/workbench';
import { evidenceUploadSchema } from '../../evidence/evidence-contract';
import { addEvidenceFile } from '../../evidence/evidence-store';
import { answerFileRequest } from '../../evidence/serve-file';
import { sendJson } from './respond';

export const METADATA_HEADER = 'x-workbench-evidence';

/**
 * Adds an evidence file sent as the request body. The body goes straight from the socket into
 * the portfolio (hashed on the way), never held in memory whole, so a video of several GB is
 * fine; if the browser cancels, the half-copied file is removed.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  workbench: Workbench,
): Promise<void> {
  let meta: unknown;
  try {
    meta = JSON.parse(decodeURIComponent(String(req.headers[METADATA_HEADER] ?? '')));
  } catch {
    sendJson(res, 400, failure('invalid-input', 'The upload did not say what the file is.'));
    req.resume();
    return;
  }
  const parsed = evidenceUploadSchema.safeParse(meta);
  if (!parsed.success) {
    sendJson(
      res,
      400,
      failure('invalid-input', `That could not be used: ${describeIssues(parsed.error)}.`),
    );
    req.resume();
    return;
  }
  if (workbench.readOnly()) {
    sendJson(
      res,
      403,
      failure(
        'read-only',
        'External quality assurers have read-only access, so nothing was added.',
      ),
    );
    req.resume();
    return;
  }
  const controller = new AbortController();
  const cancelled = () => {
    if (!req.complete) controller.abort();
  };
  req.once('close', cancelled);
  const length = Number(req.headers['content-length']);
  try {
    const { learnerId, originalName, details } = parsed.data;
    const evidence = await addEvidenceFile(
      workbench.workspace,
      learnerId,
      details,
      {
        originalName,
        source: req,
        signal: controller.signal,
        total: Number.isFinite(length) ? length : null,
      },
      workbench.actor(),
      workbench.clock,
    );
    sendJson(res, 200, { ok: true, data: { id: evidence.id } });
  } catch (error) {
    if (controller.signal.aborted) {
      res.destroy();
      return;
    }
    req.resume();
    if (error instanceof UserError) sendJson(res, 200, failure(error.code, error.message));
    else {
      console.error(`[workbench] upload failed: ${error instanceof Error ? error.name : 'error'}`);
      sendJson(res, 500, failure('internal', 'The file could not be added. Try again.'));
    }
  } finally {
    req.off('close', cancelled);
  }
}

export async function handleEvidenceFile(
  req: IncomingMessage,
  res: ServerResponse,
  workbench: Workbench,
  ticket: string,
): Promise<void> {
  const answer = await answerFileRequest(workbench.tickets, ticket, req.headers.range);
  res.writeHead(answer.status, answer.headers);
  if (!answer.body || req.method === 'HEAD') {
    answer.body?.destroy();
    res.end();
    return;
  }
  answer.body.pipe(res);
  res.once('close', () => answer.body?.destroy());
}
