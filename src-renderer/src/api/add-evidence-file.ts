import type { InputOf } from '../../../src-main/api/contract';
import { accessToken, ApiCallError, call } from './client';

export type EvidenceDetailsInput = InputOf<'evidence:add-picked'>['details'];

export interface FileToAdd {
  name: string;
  size: number;
  /** A File in a browser; in the desktop app, an id for a file the person chose or dropped. */
  source: { kind: 'browser'; file: File } | { kind: 'picked'; pickId: string };
}

export interface Adding {
  done: Promise<{ id: string }>;
  cancel: () => void;
}

/**
 * Sends one file to the workbench with progress: streamed as the request body to the HTTP
 * host, or copied by the desktop app from where the person chose it. Cancelling stops the copy
 * and the workbench keeps nothing of it.
 */
export function addEvidenceFile(
  learnerId: string,
  file: FileToAdd,
  details: EvidenceDetailsInput,
  onProgress: (fraction: number) => void,
): Adding {
  if (file.source.kind === 'picked')
    return addPicked(learnerId, file.source.pickId, details, onProgress);
  const request = new XMLHttpRequest();
  const done = new Promise<{ id: string }>((resolve, reject) => {
    request.open('POST', '/upload/evidence');
    request.setRequestHeader('Authorization', `Bearer ${accessToken()}`);
    request.setRequestHeader(
      'X-Workbench-Evidence',
      encodeURIComponent(JSON.stringify({ learnerId, originalName: file.name, details })),
    );
    request.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    request.onload = () => {
      try {
        const answer = JSON.parse(request.responseText) as
          | { ok: true; data: { id: string } }
          | { ok: false; error: { code: 'internal'; message: string } };
        if (answer.ok) resolve(answer.data);
        else reject(new ApiCallError(answer.error));
      } catch {
        reject(new Error('The workbench gave an answer that could not be read. Try again.'));
      }
    };
    request.onerror = () =>
      reject(new Error('The file could not be sent. Check that the workbench is still running.'));
    request.onabort = () => reject(new Error('Cancelled: the file was not added.'));
    if (file.source.kind === 'browser') request.send(file.source.file);
  });
  return { done, cancel: () => request.abort() };
}

function addPicked(
  learnerId: string,
  pickId: string,
  details: EvidenceDetailsInput,
  onProgress: (fraction: number) => void,
): Adding {
  let jobId: string | null = null;
  let cancelled = false;
  const done = (async () => {
    jobId = (await call('evidence:add-picked', { learnerId, pickId, details })).jobId;
    if (cancelled) await call('evidence:cancel', { jobId });
    for (;;) {
      const job = await call('evidence:job', { jobId });
      if (job.total) onProgress(job.bytes / job.total);
      if (job.state === 'done' && job.evidenceId) return { id: job.evidenceId };
      if (job.state !== 'running') throw new Error(job.error ?? 'The file was not added.');
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (jobId) void call('evidence:cancel', { jobId });
    },
  };
}
