import { auditEntry } from '../audit/audit';
import {
  DEFAULT_RETENTION,
  retentionPolicyOf,
  type RetentionPolicy,
} from '../centre/retention-policy';
import { mapLimit } from '../shared/map-limit';
import { dayOf, stamp, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { learnerRetention, type LearnerRetention } from './retention-due';

export interface RetentionList {
  policy: RetentionPolicy;
  /** True while the centre has not set its own periods. */
  defaults: boolean;
  today: string;
  /** Learners with anything past its period and not yet erased, then those already erased. */
  learners: LearnerRetention[];
}

/** Every learner whose data has passed a retention period, with what would go and what stays. */
export async function retentionList(workspace: Workspace, now: Date): Promise<RetentionList> {
  const policy = retentionPolicyOf(workspace.centre.centre);
  const today = dayOf(now);
  const rows = await mapLimit(workspace.centre.learners, 8, (learner) =>
    workspace.portfolios.summarise(learner, (p) => learnerRetention(learner, p, policy, today)),
  );
  return {
    policy,
    defaults: !workspace.centre.centre.retention,
    today,
    learners: rows
      .filter((r) => r.scope !== null || r.erasedOn !== null)
      .sort(
        (a, b) =>
          Number(a.scope === null) - Number(b.scope === null) || a.name.localeCompare(b.name),
      ),
  };
}

/** Sets the centre's retention periods, on the centre's audit trail. */
export async function setRetentionPolicy(
  workspace: Workspace,
  policy: RetentionPolicy,
  actor: Actor,
  now: Date,
): Promise<RetentionPolicy> {
  return workspace.changeCentre((c) => {
    const before = c.centre.retention ?? DEFAULT_RETENTION;
    if (JSON.stringify(before) === JSON.stringify(policy) && c.centre.retention) {
      return { centre: c, result: policy };
    }
    const entry = auditEntry(actor, now, 'set retention policy', 'centre', {
      before,
      after: policy,
    });
    return {
      centre: {
        ...c,
        centre: { ...c.centre, ...stamp(actor, now), retention: policy },
        audit: [...c.audit, entry],
      },
      result: policy,
    };
  });
}
