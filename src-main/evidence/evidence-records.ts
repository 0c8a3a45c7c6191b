import { UserError } from '../kernel/user-error';
import { auditEntry, changedFields } from '../audit/audit';
import { assertUnitUnlocked } from '../decision/lock';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { newId } from '../shared/ids';
import { stamp, type Actor } from '../shared/record';
import type { Evidence, EvidenceFile, EvidenceMethod } from '../portfolio/evidence-schema';
import { appended } from '../shared/appended-list';

export interface EvidenceDetails {
  title: string;
  producedOn: string;
  method: EvidenceMethod;
  location?: string;
  producedBy?: string;
  notes?: string;
  /** For evidence written in the workbench: what was observed, discussed or witnessed. */
  record?: string;
  witnessId?: string;
}

export type EvidenceChange = Partial<EvidenceDetails> & {
  archived?: boolean;
  thirdPartyData?: boolean;
};

/** The evidence item already holding a file with this hash, if any (duplicates are refused). */
export function findByHash(portfolio: Portfolio, sha256: string): Evidence | undefined {
  return portfolio.evidence.find((e) => !e.archived && e.file?.sha256 === sha256);
}

export function duplicateError(existing: Evidence): UserError {
  return new UserError(
    'conflict',
    `This file is already in the portfolio as "${existing.title}" (added ${existing.addedAt.slice(0, 10)}), so it was not added again. Map that item to more criteria instead.`,
  );
}

export function addEvidence(
  portfolio: Portfolio,
  details: EvidenceDetails,
  file: EvidenceFile | null,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; evidence: Evidence } {
  if (file) {
    const existing = findByHash(portfolio, file.sha256);
    if (existing) throw duplicateError(existing);
  } else if (!details.record?.trim()) {
    throw new UserError(
      'invalid-input',
      'Write the record itself (what was observed, discussed or witnessed), or add a file instead.',
    );
  }
  const evidence: Evidence = {
    id: newId('ev'),
    ...stamp(actor, now),
    title: details.title.trim(),
    producedOn: details.producedOn,
    method: details.method,
    location: details.location ?? '',
    producedBy: details.producedBy ?? '',
    notes: details.notes ?? '',
    record: details.record ?? '',
    witnessId: details.witnessId,
    file,
    addedAt: now.toISOString(),
    archived: false,
  };
  const entry = auditEntry(actor, now, 'added evidence', `evidence ${evidence.id}`, {
    after: {
      title: evidence.title,
      method: evidence.method,
      producedOn: evidence.producedOn,
      ...(file ? { file: file.path, sha256: file.sha256, size: file.size } : {}),
    },
    subject: { learnerId: portfolio.learnerId, evidenceId: evidence.id },
  });
  return {
    portfolio: {
      ...portfolio,
      evidence: appended(portfolio.evidence, evidence),
      audit: appended(portfolio.audit, entry),
    },
    evidence,
  };
}

/** What a change to an item is called on the audit trail. */
function evidenceAction(after: Record<string, unknown>): string {
  if (after.archived === true) return 'archived evidence';
  const keys = Object.keys(after).filter((k) => k !== 'updatedAt' && k !== 'updatedBy');
  if (keys.length === 1 && keys[0] === 'thirdPartyData') {
    return after.thirdPartyData
      ? "marked evidence as holding other people's personal data"
      : "marked evidence as holding no other people's personal data";
  }
  return 'changed evidence details';
}

/** Changes what is recorded about an item; the file itself never changes once added. */
export function updateEvidence(
  portfolio: Portfolio,
  evidenceId: string,
  change: EvidenceChange,
  actor: Actor,
  now: Date,
): { portfolio: Portfolio; evidence: Evidence } {
  const before = portfolio.evidence.find((e) => e.id === evidenceId);
  if (!before) throw new UserError('not-found', 'That evidence item is not in this portfolio.');
  const after: Evidence = {
    ...before,
    ...change,
    title: change.title?.trim() ?? before.title,
    ...stamp(actor, now),
  };
  const diff = changedFields(before, after);
  if (!diff) return { portfolio, evidence: before };
  if (['archived', 'method', 'producedOn'].some((k) => k in diff.after)) {
    // The method, date and presence of mapped evidence are part of what a sign-off rests on.
    for (const unitId of new Set(
      portfolio.mappings
        .filter((m) => !m.removed && m.evidenceId === evidenceId)
        .map((m) => m.unitId),
    )) {
      assertUnitUnlocked(portfolio, unitId, 'A unit this evidence is mapped to');
    }
  }
  const action = evidenceAction(diff.after);
  return {
    portfolio: {
      ...portfolio,
      evidence: portfolio.evidence.map((e) => (e.id === evidenceId ? after : e)),
      audit: appended(
        portfolio.audit,
        auditEntry(actor, now, action, `evidence ${before.id}`, {
          ...diff,
          subject: { learnerId: portfolio.learnerId, evidenceId },
        }),
      ),
    },
    evidence: after,
  };
}
