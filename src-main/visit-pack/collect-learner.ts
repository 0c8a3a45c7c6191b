import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { currentSignOff } from '../decision/lock';
import { unitFeedbackOf } from '../decision/marking';
import { latestDecisions, decisionOf } from '../decision/latest-decisions';
import { activeMappings, type Mapping } from '../portfolio/mapping-schema';
import type { Evidence } from '../portfolio/evidence-schema';
import { unitProgress } from '../decision/progress';
import { unitRef } from '../kernel/unit-label';
import type { RecordSource } from '../record/from-portfolio/record-source';
import type { RegisteredUnit } from '../portfolio/registered-units';
import { mapLimit } from '../shared/map-limit';
import { resolveInside } from '../storage/resolve-inside';
import { reviewDecisionLabels } from '../sampling/review-schema';
import type { PackEvidence, PackLearner, PackTarget, PackUnit } from './pack-model';
import { criterionLabel } from '../kernel/criterion-key';
import { copyHashed, type PackSink } from './pack-copy';
import { THIRD_PARTY_LEFT_OUT } from './third-party';

const printed = {
  met: 'met',
  'not-yet-met': 'not yet met',
  'not-assessed': 'not yet assessed',
} as const;

export interface CollectedLearner {
  learner: PackLearner;
  /** Evidence files whose copy does not match the SHA-256 the portfolio noted. */
  changed: string[];
}

export interface CollectOptions {
  /** Every item the portfolio holds (archived too), not only those mapped to the units. */
  allEvidence?: boolean;
  /** Items whose file and record stay out (marked as holding other people's personal data). */
  leaveOut?: ReadonlySet<string>;
}

/** The evidence a share of these units carries: mapped to them, or everything held. */
export function evidenceInShare(
  source: RecordSource,
  units: readonly RegisteredUnit[],
  allEvidence = false,
) {
  if (allEvidence) return source.portfolio.evidence;
  const unitIds = new Set(units.map((u) => u.unit.id));
  const used = new Set(
    activeMappings(source.portfolio)
      .filter((m) => unitIds.has(m.unitId))
      .map((m) => m.evidenceId),
  );
  return source.portfolio.evidence.filter((e) => !e.archived && used.has(e.id));
}

type CopiedFile = NonNullable<PackEvidence['file']>;

/**
 * Copies the items' files into `folder` of the pack (and its zip), several at a time as copying
 * waits on the disk. Returns each item's copy (null for one without a file or left out) and the
 * copies whose SHA-256 is not the one the portfolio noted.
 */
async function copyEvidence(
  source: RecordSource,
  items: readonly Evidence[],
  leaveOut: ReadonlySet<string>,
  into: { packDir: string; folder: string; zip: PackSink | undefined },
): Promise<{ copies: (CopiedFile | null)[]; changed: string[] }> {
  const made = new Set<string>();
  const copied = await mapLimit(items, 4, async (e) => {
    if (!e.file || leaveOut.has(e.id)) return null;
    const from = await resolveInside(source.portfolioDir, e.file.path);
    const relative = `${into.folder}/${e.file.path}`;
    const to = path.join(into.packDir, relative);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    const hash = await copyHashed(from, to, into.zip && { relative, sink: into.zip });
    const file: CopiedFile = {
      path: relative,
      title: e.title,
      mediaType: e.file.mediaType,
      sha256: e.file.sha256,
      originalName: e.file.originalName,
      size: e.file.size,
    };
    return { file, changed: hash !== e.file.sha256 };
  });
  return {
    copies: copied.map((c) => c?.file ?? null),
    changed: copied.flatMap((c) => (c?.changed ? [c.file.path] : [])),
  };
}

/** The items as the pack lists them: an item left out keeps its place but not its words. */
function packEvidence(
  items: readonly Evidence[],
  copies: readonly (CopiedFile | null)[],
  leaveOut: ReadonlySet<string>,
): PackEvidence[] {
  return items.map((e, i) => ({
    id: e.id,
    ref: `E${i + 1}`,
    title: e.title,
    method: e.method,
    producedOn: e.producedOn,
    producedBy: e.producedBy,
    location: e.location,
    notes: leaveOut.has(e.id) ? '' : e.notes,
    record: leaveOut.has(e.id) ? '' : e.record,
    file: copies[i] ?? null,
    leftOut: leaveOut.has(e.id) ? THIRD_PARTY_LEFT_OUT : null,
  }));
}

/**
 * One unit as the pack shows it: every criterion (or part) with its latest decision, feedback
 * and the refs of the evidence mapped to it, the sign-off, and the IQA's review.
 */
function packUnit(
  source: RecordSource,
  { unit, registration }: RegisteredUnit,
  mapped: readonly Mapping[],
  refs: ReadonlyMap<string, string>,
): PackUnit {
  const { portfolio, centre } = source;
  const staffName = (id: string | null | undefined) =>
    centre.staff.find((s) => s.id === id)?.name ?? '';
  const latest = latestDecisions(portfolio, unit.id);
  const target = (criterionRef: string, partRef: string | null, text: string): PackTarget => {
    const d = decisionOf(latest, criterionRef, partRef);
    const linked = mapped.filter(
      (m) =>
        m.unitId === unit.id &&
        m.criterionRef === criterionRef &&
        (m.partRef === partRef || (partRef === null && m.partRef === null)),
    );
    return {
      label: criterionLabel(criterionRef, partRef),
      text,
      decision: printed[d?.outcome ?? 'not-assessed'],
      decidedOn: d && d.outcome !== 'not-assessed' ? d.decidedOn : null,
      feedback: d?.feedback ?? '',
      evidence: [
        ...new Set(linked.map((m) => refs.get(m.evidenceId)).filter((r) => r !== undefined)),
      ],
    };
  };
  const signOff = currentSignOff(portfolio, unit.id);
  const feedback = unitFeedbackOf(portfolio, unit.id);
  const review = source.reviews.find((r) => r.unitId === unit.id);
  return {
    id: unit.id,
    ref: unitRef(unit),
    title: unit.title,
    level: unit.level,
    assessor: staffName(registration.assessorId),
    signedOff: unitProgress(portfolio, unit, centre.staff).signedOff,
    countersigned: Boolean(signOff?.countersignedAt),
    feedback: feedback?.feedback ?? '',
    learnerComments: feedback?.learnerComments ?? '',
    outcomes: unit.outcomes.map((o) => ({
      ref: o.ref,
      text: o.text,
      targets: o.criteria.flatMap((c) =>
        c.parts.length
          ? c.parts.map((p) => target(c.ref, p.ref, `${c.text} ${p.text}`))
          : [target(c.ref, null, c.text)],
      ),
    })),
    records: [],
    review: review
      ? {
          iqa: staffName(review.reviewerId),
          decision: reviewDecisionLabels[review.decision],
          feedback: review.feedbackToAssessor,
          on: review.reviewedOn,
        }
      : null,
  };
}

/**
 * One sampled learner as the pack shows them: the chosen units with every criterion's decision,
 * feedback and evidence, and copies of the evidence files mapped to those units (no others),
 * written into `folder` of the pack and, given a sink, its zip.
 */
export async function collectLearner(
  source: RecordSource,
  units: readonly RegisteredUnit[],
  packDir: string,
  folder: string,
  zip?: PackSink,
  options: CollectOptions = {},
): Promise<CollectedLearner> {
  const unitIds = new Set(units.map((u) => u.unit.id));
  const mapped = activeMappings(source.portfolio).filter((m) => unitIds.has(m.unitId));
  const items = evidenceInShare(source, units, options.allEvidence);
  const leaveOut = options.leaveOut ?? new Set<string>();
  const refs = new Map(items.map((e, i) => [e.id, `E${i + 1}`]));
  const { copies, changed } = await copyEvidence(source, items, leaveOut, {
    packDir,
    folder,
    zip,
  });
  const { learner } = source;
  return {
    learner: {
      id: learner.id,
      name: learner.name,
      uln: learner.uln ?? '',
      employer: learner.employer,
      workplace: learner.workplace,
      cohort: learner.cohort,
      units: units.map((registered) => packUnit(source, registered, mapped, refs)),
      evidence: packEvidence(items, copies, leaveOut),
    },
    changed,
  };
}
