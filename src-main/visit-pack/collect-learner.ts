import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { currentSignOff } from '../decision/lock';
import { unitFeedbackOf } from '../decision/marking';
import { latestDecisions, decisionOf } from '../decision/latest-decisions';
import { activeMappings } from '../portfolio/mapping-schema';
import { unitProgress } from '../decision/progress';
import { unitRef } from '../kernel/unit-label';
import type { RecordSource } from '../record/from-portfolio/record-source';
import type { RegisteredUnit } from '../portfolio/registered-units';
import { mapLimit } from '../shared/map-limit';
import { resolveInside } from '../storage/resolve-inside';
import { reviewDecisionLabels } from '../sampling/review-schema';
import type { PackEvidence, PackLearner, PackTarget, PackUnit } from './pack-model';
import { criterionLabel } from '../kernel/criterion-key';
import { THIRD_PARTY_LEFT_OUT } from './third-party';

const printed = {
  met: 'met',
  'not-yet-met': 'not yet met',
  'not-assessed': 'not yet assessed',
} as const;

const WHOLE = 8 * 1024 * 1024;

/** Where the bytes of a pack file go besides its folder (the pack's zip), as it is written. */
export type PackSink = (relative: string, bytes: Uint8Array) => Promise<void>;

/**
 * A small file's bytes in one read where the disk allows (fs.readFile reads 512 KiB at a time,
 * each a trip to the thread pool); null for a large one, which is streamed instead.
 */
async function readWhole(handle: FileHandle): Promise<Buffer | null> {
  const { size } = await handle.stat();
  if (size > WHOLE) return null;
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(bytes, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === size ? bytes : bytes.subarray(0, at);
}

/** Writes a new file in as few writes as the disk takes (fs.writeFile writes 512 KiB at a time). */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let at = 0;
    while (at < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, at);
      at += bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Copies a file and hashes it in one read, as evidence is ingested: a small file (most photos
 * and documents) is read whole, written to the copy and the sink together, a large one (video)
 * streamed to the copy (the zip reads it from there once the pack is written).
 */
export async function copyHashed(
  from: string,
  to: string,
  sink?: { relative: string; add: PackSink },
): Promise<string> {
  await mkdir(path.dirname(to), { recursive: true });
  const source = await open(from, 'r');
  let bytes: Buffer | null;
  try {
    bytes = await readWhole(source);
  } finally {
    await source.close();
  }
  if (bytes) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    await Promise.all([writeWhole(to, bytes), sink?.add(sink.relative, bytes)]);
    return hash;
  }
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(from, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(to),
  );
  return hash.digest('hex');
}

export interface CollectedLearner {
  learner: PackLearner;
  /** Evidence files whose copy does not match the SHA-256 the portfolio noted. */
  changed: string[];
}

/**
 * One sampled learner as the pack shows them: the chosen units with every criterion's decision,
 * feedback and evidence, and copies of the evidence files mapped to those units (no others).
 */
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

export async function collectLearner(
  source: RecordSource,
  units: readonly RegisteredUnit[],
  packDir: string,
  folder: string,
  add?: PackSink,
  options: CollectOptions = {},
): Promise<CollectedLearner> {
  const { portfolio, centre } = source;
  const staffName = (id: string | null | undefined) =>
    centre.staff.find((s) => s.id === id)?.name ?? '';
  const unitIds = new Set(units.map((u) => u.unit.id));
  const mapped = activeMappings(portfolio).filter((m) => unitIds.has(m.unitId));
  const items = evidenceInShare(source, units, options.allEvidence);
  const leaveOut = options.leaveOut ?? new Set<string>();
  const refs = new Map(items.map((e, i) => [e.id, `E${i + 1}`]));
  const changed: string[] = [];
  const copies = await mapLimit(items, 4, async (e) => {
    if (!e.file || leaveOut.has(e.id)) return null;
    const from = await resolveInside(source.portfolioDir, e.file.path);
    const relative = `${folder}/${e.file.path}`;
    const hash = await copyHashed(
      from,
      path.join(packDir, relative),
      add ? { relative, add } : undefined,
    );
    if (hash !== e.file.sha256) changed.push(relative);
    return {
      path: relative,
      title: e.title,
      mediaType: e.file.mediaType,
      sha256: e.file.sha256,
      originalName: e.file.originalName,
      size: e.file.size,
    };
  });
  const evidence: PackEvidence[] = items.map((e, i) => ({
    id: e.id,
    ref: refs.get(e.id)!,
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

  const packUnits: PackUnit[] = units.map(({ unit, registration }) => {
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
      units: packUnits,
      evidence,
    },
    changed,
  };
}
