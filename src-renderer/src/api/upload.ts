import type { StagedFile } from '../../../src-main/evidence/evidence-views';
import { accessToken, ApiCallError } from './client';

export interface Upload {
  done: Promise<StagedFile>;
  cancel: () => void;
}

/**
 * Sends a file to the HTTP host, which stages it and answers with its id for an operation such
 * as `evidence:add-staged`. Streamed as the request body, with progress; cancelling stops it
 * and the workbench keeps nothing of it.
 */
export function uploadFile(file: File, onProgress?: (fraction: number) => void): Upload {
  const request = new XMLHttpRequest();
  const done = new Promise<StagedFile>((resolve, reject) => {
    request.open('POST', '/upload');
    request.setRequestHeader('Authorization', `Bearer ${accessToken()}`);
    request.setRequestHeader('X-Workbench-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (e) => {
      if (onProgress && e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    request.onload = () => {
      let answer: { ok: true; data: StagedFile } | { ok: false; error: ApiCallError['error'] };
      try {
        answer = JSON.parse(request.responseText) as typeof answer;
      } catch {
        reject(new Error('The workbench gave an answer that could not be read. Try again.'));
        return;
      }
      if (answer.ok) resolve(answer.data);
      else reject(new ApiCallError(answer.error));
    };
    request.onerror = () =>
      reject(new Error('The file could not be sent. Check that the workbench is still running.'));
    request.onabort = () => reject(new Error('Cancelled: the file was not added.'));
    request.send(file);
  });
  return { done, cancel: () => request.abort() };
}
