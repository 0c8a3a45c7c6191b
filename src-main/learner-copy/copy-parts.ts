import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDate } from '../kernel/dates';
import { UserError } from '../kernel/user-error';
import { unitRef } from '../kernel/unit-label';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { RecordSource } from '../record/from-portfolio/record-source';
import { sha256Hex } from '../portfolio/issued-record';
import { reviewDecisionLabels, isCompleteReview } from '../sampling/review-schema';
import { samplingReportFile } from '../record/issue/sampling-report';
import { samplingStore } from '../sampling/sampling-store';
import { put, recordTitles } from '../visit-pack/pack-records';
import { THIRD_PARTY_LEFT_OUT } from '../visit-pack/third-party';
import type { Workspace } from '../workspace/workspace';
import type { LearnerCopyData } from './copy-model';

type Data = LearnerCopyData;

export function namesOf(source: RecordSource) {
  const staff = (id: string | null | undefined) =>
    source.centre.staff.find((s) => s.id === id)?.name ?? (id ? 'someone no longer listed' : '');
  const unitLabel = (id: string) => {
    const unit = source.units.find((u) => u.id === id);
    return unit ? `${unitRef(unit)} ${unit.title}` : id;
  };
  return { staff, unitLabel };
}

/** Every record issued from the portfolio, copied exactly as issued (PDF and Word alike). */
export async function issuedRecords(
  source: RecordSource,
  dir: string,
  hashes: Map<string, string>,
  notes: string[],
): Promise<Data['records']> {
  const records: Data['records'] = [];
  for (const entry of source.portfolio.issuedRecords) {
    const bytes = await readFile(path.join(source.portfolioDir, entry.file)).catch(() => null);
    const title = `${recordTitles[entry.kind] ?? 'Record'} ${entry.recordId}${entry.unitRef ? ` (${entry.unitRef})` : ''}`;
    if (!bytes) {
      notes.push(`${title} is listed as issued, but its file could not be found in the portfolio.`);
      continue;
    }
    if (sha256Hex(bytes) !== entry.sha256)
      notes.push(`${title} is not the file as issued: it has changed since.`);
    const relative = `portfolio/${entry.file}`;
    await put({ dir, hashes }, relative, bytes);
    records.push({
      path: relative,
      title: `${title}, ${entry.format === 'pdf' ? 'PDF' : 'Word'}`,
      mediaType:
        entry.format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      issuedAt: entry.issuedAt,
      signedBy: entry.signatures.map((s) => s.name),
    });
  }
  return records;
}

/**
 * The IQA's record of each sample of this learner's work, made now from the review as saved.
 * The plans and whole reports name other learners too, so they stay out (the notes say so).
 */
export async function samplingRecords(
  workspace: Workspace,
  source: RecordSource,
  dir: string,
  hashes: Map<string, string>,
  now: Date,
): Promise<Data['records']> {
  const records: Data['records'] = [];
  for (const { planId, reviews } of await samplingStore(workspace).allReviews()) {
    for (const review of reviews) {
      if (review.learnerId !== source.learner.id || !isCompleteReview(review)) continue;
      const bytes = await samplingReportFile(workspace, planId, {
        format: 'pdf',
        now,
        sampleId: review.sampleId,
      }).catch((error: unknown) => {
        if (error instanceof UserError) return null;
        throw error;
      });
      if (!bytes) continue;
      const relative = `sampling/sampling-record-${review.sampleId}.pdf`;
      await put({ dir, hashes }, relative, bytes);
      records.push({
        path: relative,
        title: `IQA sampling record of ${namesOf(source).unitLabel(review.unitId)}, reviewed ${formatDate(review.reviewedOn)}`,
        mediaType: 'application/pdf',
        issuedAt: now.toISOString(),
        signedBy: [],
      });
    }
  }
  return records;
}

export function testimonies(
  source: RecordSource,
  refs: ReadonlyMap<string, string>,
  leaveOut: ReadonlySet<string>,
): Data['testimonies'] {
  const { unitLabel } = namesOf(source);
  return source.portfolio.testimonies.map((t) => {
    const out = leaveOut.has(t.evidenceId);
    return {
      evidence: refs.get(t.evidenceId) ?? '',
      unit: unitLabel(t.unitId),
      witness: out ? '' : t.witness.name,
      witnessRole: out
        ? ''
        : [t.witness.jobTitle, t.witness.relationship].filter(Boolean).join(', '),
      activityDate: t.activityDate,
      venue: out ? '' : t.venue,
      description: out ? '' : t.description,
      criteria: t.criteria.map((c) => ({
        label: c.partRef ? `${c.criterionRef} ${c.partRef}` : c.criterionRef,
        how: out ? '' : c.how,
      })),
      signedOn: t.signedOn,
      leftOut: out ? THIRD_PARTY_LEFT_OUT : null,
    };
  });
}

export function signOffs(source: RecordSource): Data['signOffs'] {
  const { staff, unitLabel } = namesOf(source);
  return source.portfolio.signOffs.map((s) => ({
    unit: unitLabel(s.unitId),
    signedOffBy: staff(s.signedOffBy),
    signedOffAt: s.signedOffAt,
    countersignedBy: s.countersignedBy ? staff(s.countersignedBy) : null,
    countersignedAt: s.countersignedAt,
    voided: s.voidedAt
      ? { by: staff(s.voidedBy), at: s.voidedAt, reason: s.voidReason ?? '' }
      : null,
  }));
}

export function reviews(source: RecordSource): Data['reviews'] {
  const { staff, unitLabel } = namesOf(source);
  return source.reviews.map((r) => ({
    unit: unitLabel(r.unitId),
    iqa: staff(r.reviewerId),
    on: r.reviewedOn,
    decision: reviewDecisionLabels[r.decision],
    feedback: r.feedbackToAssessor,
  }));
}

export function registrations(source: RecordSource): Data['registrations'] {
  const { staff, unitLabel } = namesOf(source);
  return source.portfolio.registrations.map((r) => ({
    unit: unitLabel(r.unitId),
    version: r.unitVersion,
    assessor: staff(r.assessorId),
    registeredAt: r.registeredAt,
    qualification: r.qualification,
    withdrawn: r.withdrawn,
  }));
}

/**
 * The portfolio as held, less what was left out: the notes, records, testimonies and audited
 * values of the items marked as holding other people's personal data.
 */
export function portfolioAsShared(portfolio: Portfolio, leaveOut: ReadonlySet<string>): Portfolio {
  if (!leaveOut.size) return portfolio;
  return {
    ...portfolio,
    evidence: portfolio.evidence.map((e) =>
      leaveOut.has(e.id) ? { ...e, notes: '', record: '' } : e,
    ),
    testimonies: portfolio.testimonies.filter((t) => !leaveOut.has(t.evidenceId)),
    // What a change to such an item said before and after can quote it.
    audit: portfolio.audit.map((a) =>
      a.subject?.evidenceId && leaveOut.has(a.subject.evidenceId)
        ? { ...a, before: undefined, after: undefined }
        : a,
    ),
  };
}
