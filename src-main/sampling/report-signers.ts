import type { Workspace } from '../workspace/workspace';
import { samplingStore } from './sampling-store';

export interface ReportSigners {
  /** Who may seal it: the plan's IQAs (or the review's IQA for one sample's record). */
  iqas: string[];
  /** Whose decisions it samples: never allowed to seal it. */
  sampledAssessors: string[];
}

/**
 * Who may sign a sampling report or sampling record, by name as certificates carry it. Written
 * once so that signing refuses and verifying fails by the same rule.
 */
export async function reportSigners(
  workspace: Workspace,
  recordId: string,
): Promise<ReportSigners | null> {
  const staff = new Map(workspace.centre.staff.map((s) => [s.id, s.name]));
  const name = (id: string) => staff.get(id) ?? id;
  const store = samplingStore(workspace);
  const report = /^sampling-report-(sp-[0-9a-f]+)$/.exec(recordId);
  if (report?.[1]) {
    const plan = await store.plan(report[1]).catch(() => null);
    if (!plan) return null;
    const reviews = await store.readReviews(report[1]);
    const samples = plan.data.plan.samples;
    const sampledAssessors = [...new Set(samples.map((s) => name(s.assessorId)))];
    const iqas = [
      ...new Set([...samples.map((s) => s.iqaId), ...reviews.map((r) => r.reviewerId)]),
    ].map(name);
    return { iqas, sampledAssessors };
  }
  const record = /^sampling-record-(.+)$/.exec(recordId);
  if (record?.[1]) {
    for (const { reviews } of await store.allReviews()) {
      const review = reviews.find((r) => r.id === record[1]);
      if (review) {
        return { iqas: [name(review.reviewerId)], sampledAssessors: [name(review.assessorId)] };
      }
    }
  }
  return null;
}

/** The reason `signerName` may not seal the report, or null when they may. */
export function reportSignerProblem(signers: ReportSigners, signerName: string): string | null {
  if (signers.sampledAssessors.includes(signerName)) {
    return `${signerName} is an assessor whose decisions this report samples, so cannot seal it.`;
  }
  if (!signers.iqas.includes(signerName)) {
    return `Only the plan's IQA (${signers.iqas.join(', ')}) signs its sampling report, not ${signerName}.`;
  }
  return null;
}
