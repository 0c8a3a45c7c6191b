import { SnapshotWriter as LogSnapshotWriter } from '../storage/change-log/snapshot-writer';

const SNAPSHOT_NOTE =
  'Made from the files in changes/, which hold every change; this copy is only for reading. Editing or losing it changes nothing.';

/** portfolio.json: the portfolio folded from changes/, written a moment after the last change. */
export class SnapshotWriter extends LogSnapshotWriter {
  constructor(file: string, content: () => { portfolio: object; changes: number }) {
    super(file, () => {
      const { portfolio, changes } = content();
      return { header: { note: SNAPSHOT_NOTE, changes }, body: portfolio };
    });
  }
}
