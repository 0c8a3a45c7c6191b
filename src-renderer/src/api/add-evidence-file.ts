import type { InputOf } from '../../../src-main/api/contract';
import { call } from './client';
import { uploadFile } from './upload';

export type EvidenceDetailsInput = InputOf<'evidence:add-staged'>['details'];

export interface FileToAdd {
  name: string;
  size: number;
  /** A File in a browser; in the desktop app, the id of a file the person chose or dropped. */
  source: { kind: 'browser'; file: File } | { kind: 'staged'; stagedId: string };
}

export interface Adding {
  done: Promise<{ id: string }>;
  cancel: () => void;
}

/** A browser's file is uploaded first (the HTTP host stages it); the desktop app's already is. */
export async function stagedIdOf(file: FileToAdd): Promise<string> {
  if (file.source.kind === 'staged') return file.source.stagedId;
  return (await uploadFile(file.source.file).done).stagedId;
}

/**
 * Sends one file to the workbench with progress, then adds it with `evidence:add-staged`: the
 * copy into the portfolio runs in the background and is polled. Cancelling stops the upload or
 * the copy, and the workbench keeps nothing of it.
 */
export function addEvidenceFile(
  learnerId: string,
  file: FileToAdd,
  details: EvidenceDetailsInput,
  onProgress: (fraction: number) => void,
): Adding {
  let cancelled = false;
  let stop: (() => void) | null = null;
  const done = (async () => {
    let stagedId: string;
    if (file.source.kind === 'staged') stagedId = file.source.stagedId;
    else {
      const upload = uploadFile(file.source.file, onProgress);
      stop = upload.cancel;
      stagedId = (await upload.done).stagedId;
    }
    const { jobId } = await call('evidence:add-staged', { learnerId, stagedId, details });
    stop = () => void call('evidence:cancel', { jobId });
    if (cancelled) stop();
    for (;;) {
      const job = await call('evidence:job', { jobId });
      if (job.total && file.source.kind === 'staged') onProgress(job.bytes / job.total);
      if (job.state === 'done' && job.evidenceId) return { id: job.evidenceId };
      if (job.state !== 'running') throw new Error(job.error ?? 'The file was not added.');
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      stop?.();
    },
  };
}
