import { randomBytes } from 'node:crypto';
import { UserError } from '../kernel/user-error';
import type { JobView } from './evidence-views';
import type { IngestProgress } from './ingest';

interface Job extends JobView {
  controller: AbortController;
}

export type JobTask = (
  signal: AbortSignal,
  onProgress: (progress: IngestProgress) => void,
) => Promise<{ id: string }>;

const KEEP_FINISHED = 50;

/**
 * Long copies (a video of a practical demonstration can be several GB) run in the background;
 * the screen polls their progress and may cancel them.
 */
export class IngestJobs {
  private readonly jobs = new Map<string, Job>();

  start(task: JobTask, total: number | null): string {
    const id = `job-${randomBytes(6).toString('hex')}`;
    const job: Job = {
      id,
      state: 'running',
      bytes: 0,
      total,
      evidenceId: null,
      error: null,
      controller: new AbortController(),
    };
    this.jobs.set(id, job);
    void task(job.controller.signal, (p) => {
      job.bytes = p.bytes;
      job.total = p.total ?? job.total;
    }).then(
      (evidence) => {
        job.state = 'done';
        job.evidenceId = evidence.id;
      },
      (error: unknown) => {
        job.state = job.controller.signal.aborted ? 'cancelled' : 'failed';
        job.error =
          error instanceof UserError
            ? error.message
            : 'The file could not be added. Check the drive and try again.';
      },
    );
    this.prune();
    return id;
  }

  view(id: string): JobView {
    const job = this.jobs.get(id);
    if (!job)
      throw new UserError('not-found', 'That file copy is no longer known to the workbench.');
    const { controller: _controller, ...view } = job;
    return view;
  }

  cancel(id: string): JobView {
    this.jobs.get(id)?.controller.abort();
    return this.view(id);
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.id);
    }
  }
}
