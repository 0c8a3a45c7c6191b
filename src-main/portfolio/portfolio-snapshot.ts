import { writeFileAtomic } from '../storage/atomic-write';

const SNAPSHOT_NOTE =
  'Made from the files in changes/, which hold every change; this copy is only for reading. Editing or losing it changes nothing.';
const SNAPSHOT_DELAY_MS = 1500;

/**
 * Writes portfolio.json from the fold a moment after the last change, never during a burst of
 * saves (writing it is as costly as the history), one write at a time, and at once on flush.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;
  private done = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly content: () => { portfolio: object; changes: number },
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, SNAPSHOT_DELAY_MS);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Writes now if a change is waiting for it (on shutdown, and in tests). */
  async flush(): Promise<void> {
    if (this.timer) {
      this.cancel();
      await this.write();
    }
    await this.done;
  }

  async write(): Promise<void> {
    const run = this.done.then(async () => {
      const { portfolio, changes } = this.content();
      // "snapshot" comes first, so the file is known as one from its first bytes.
      const text = `${JSON.stringify({ snapshot: { note: SNAPSHOT_NOTE, changes }, ...portfolio }, null, 2)}\n`;
      await writeFileAtomic(this.file, text).catch(() => undefined);
    });
    this.done = run;
    await run;
  }
}
