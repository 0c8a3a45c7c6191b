import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure } from '../../kernel/result';
import { UserError } from '../../kernel/user-error';
import type { Workbench } from '../../app/workbench';
import { FileTooLarge } from '../../evidence/ingest';
import { answerFileRequest } from '../../evidence/serve-file';
import { sendJson } from './respond';

/** The header naming an uploaded file (its body is the file itself). */
export const FILE_NAME_HEADER = 'x-workbench-file-name';

/**
 * Stages a file sent as the request body, answering with its id for an operation such as
 * `evidence:add-staged`. The body goes straight from the socket into the workspace's staging
 * folder (hashed on the way), never held in memory whole, so a video of several GB is fine; if
 * the browser cancels, or the file is too large, nothing of it is kept.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  workbench: Workbench,
  maxBytes: number,
): Promise<void> {
  let originalName = '';
  try {
    originalName = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? '')).trim();
  } catch {
    // Left empty: answered below.
  }
  if (!originalName || originalName.length > 1000) {
    req.resume();
    sendJson(res, 400, failure('invalid-input', 'The upload did not say what the file is.'));
    return;
  }
  if (workbench.readOnly()) {
    req.resume();
    const message = 'External quality assurers have read-only access, so nothing was added.';
    sendJson(res, 403, failure('read-only', message));
    return;
  }
  const controller = new AbortController();
  const cancelled = () => {
    if (!req.complete) controller.abort();
  };
  req.once('close', cancelled);
  const length = Number(req.headers['content-length']);
  try {
    const staged = await workbench.staged.receive(workbench.workspace.dir, req, originalName, {
      signal: controller.signal,
      total: Number.isFinite(length) ? length : null,
      maxBytes,
    });
    sendJson(res, 200, { ok: true, data: staged });
  } catch (error) {
    if (controller.signal.aborted) {
      res.destroy();
      return;
    }
    req.resume();
    if (error instanceof UserError) {
      sendJson(res, error instanceof FileTooLarge ? 413 : 200, failure(error.code, error.message));
    } else {
      console.error(`[workbench] upload failed: ${error instanceof Error ? error.name : 'error'}`);
      sendJson(res, 500, failure('internal', 'The file could not be received. Try again.'));
    }
  } finally {
    req.off('close', cancelled);
  }
}

/** A ticketed evidence file (an <img>, <video> or the PDF viewer cannot send the token). */
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
