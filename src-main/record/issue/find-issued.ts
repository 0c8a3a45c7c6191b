import path from 'node:path';
import type { Learner } from '../../centre/centre-schema';
import { mapLimit } from '../../shared/map-limit';
import type { Workspace } from '../../workspace/workspace';
import type { Erasure } from '../../portfolio/erasure-schema';
import type { StoredIssuedRecord } from '../../portfolio/issued-record';

export interface IssuedIn {
  learner: Learner;
  entry: StoredIssuedRecord;
  /** Every record issued from the same portfolio (a DOCX is matched against all of them). */
  all: StoredIssuedRecord[];
  evidenceDir: string;
  /** The portfolio's erasures: evidence a record relied on may have been erased since. */
  erasures: readonly Erasure[];
}

/** Finds which learner's portfolio issued a record, by its record id. */
export async function findIssued(workspace: Workspace, recordId: string): Promise<IssuedIn | null> {
  const learners = workspace.centre.learners;
  const found = await mapLimit(learners, 16, async (learner) =>
    workspace.portfolios
      .summarise(learner, (p) => {
        const entry = p.issuedRecords.findLast((r) => r.recordId === recordId);
        return entry ? { learner, entry, all: p.issuedRecords, erasures: p.erasures } : null;
      })
      .catch(() => null),
  );
  const hit = found.find((f) => f !== null);
  if (!hit) return null;
  const folder = await workspace.portfolios.folderOf(hit.learner);
  return { ...hit, evidenceDir: path.join(folder, 'evidence') };
}
