import { writeFileAtomic } from '../atomic-write';

const SNAPSHOT_DELAY_MS = 1500;

/** What a snapshot holds: the note and counts that head it, and the state folded from the changes. */
export interface SnapshotContent {
  header: Record<string, unknown>;
  body: object;
}

/** A snapshot says so in its first bytes, so it is known without reading it whole. */
export const SNAPSHOT_HEAD = /^\{\s*"snapshot"\s*:/;

/** The text of a snapshot: "snapshot" comes first. */
export const snapshotText = ({ header, body }: SnapshotContent) =>
  `${JSON.stringify({ snapshot: header, ...body }, null, 2)}\n`;

/**
 * Writes a readable snapshot of a record log (portfolio.json, centre.json…) a moment after the
 * last change, never during a burst of saves (writing it is as costly as the history), one
 * write at a time, and at once on flush.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;
  private done = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly content: () => SnapshotContent,
    private readonly onWritten: (text: string) => void = () => undefined,
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

  get pending(): boolean {
    return this.timer !== null;
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
    this.cancel();
    const run = this.done.then(async () => {
      const text = snapshotText(this.content());
      this.onWritten(text);
      await writeFileAtomic(this.file, text).catch(() => undefined);
    });
    this.done = run;
    await run;
  }
}
