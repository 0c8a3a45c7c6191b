import { UserError } from '../../kernel/user-error';
import { unitRef } from '../../kernel/unit-label';
import { buildDiscussionRecord } from '../build/discussion-record';
import { buildEvidenceIndex } from '../build/evidence-index';
import { buildObservationRecord } from '../build/observation-record';
import { buildProgressRecord } from '../build/progress-record';
import { buildUnitRecord } from '../build/unit-record';
import { buildProgressReviewRecord } from '../build/progress-review-record';
import { chooseReview, progressReviewInput } from './progress-review-input';
import { buildAssessmentPlanRecord } from '../build/assessment-plan-record';
import { assessmentPlanInput, choosePlan } from './assessment-plan-input';
import type { PortfolioRecordKind, RecordDocument } from '../model/record-document';
import { evidenceIndexInput, progressInput } from './progress-input';
import type { RecordStamp } from './record-context';
import { type RecordSource } from './record-source';
import { findRegisteredUnit } from '../../portfolio/registered-units';
import { discussionInput, observationInput, sessionEvidence } from './session-record-input';
import { activeMappings } from '../../portfolio/mapping-schema';
import { unitRecordInput } from './unit-record-input';
import { observationMethods } from '../../kernel/assessment-methods';

export interface RecordRequest {
  kind: PortfolioRecordKind;
  /** The unit, by id, Ofqual code or title: needed for a unit assessment record. */
  unit?: string;
  /** The observation or discussion evidence item the record is of. */
  evidenceId?: string;
  /** The progress review or assessment plan the record is of (its id); without it, the latest
   * review, or the learner's only current plan. */
  id?: string;
}

export interface BuiltRecord {
  document: RecordDocument;
  /** The unit reference the record is filed under ('' for the whole-portfolio records). */
  unitRef: string;
}

/** Maps the portfolio into the record engine's plain inputs and builds the record. */
export async function buildFromPortfolio(
  source: RecordSource,
  request: RecordRequest,
  stamp: RecordStamp,
): Promise<BuiltRecord> {
  switch (request.kind) {
    case 'unit-record': {
      if (!request.unit) throw new UserError('invalid-input', 'Say which unit the record is for.');
      const registered = findRegisteredUnit(source, request.unit);
      const input = await unitRecordInput(source, registered, stamp);
      return { document: buildUnitRecord(input), unitRef: unitRef(registered.unit) };
    }
    case 'observation': {
      const input = await observationInput(source, chooseSession(source, request), stamp);
      return { document: buildObservationRecord(input), unitRef: input.unitRef };
    }
    case 'discussion': {
      const input = await discussionInput(source, chooseSession(source, request), stamp);
      return { document: buildDiscussionRecord(input), unitRef: input.unitRef };
    }
    case 'progress':
      return { document: buildProgressRecord(await progressInput(source, stamp)), unitRef: '' };
    case 'evidence-index':
      return { document: buildEvidenceIndex(await evidenceIndexInput(source, stamp)), unitRef: '' };
    case 'progress-review': {
      const review = chooseReview(source, request.id);
      const input = progressReviewInput(source, review, stamp);
      return { document: buildProgressReviewRecord(input), unitRef: '' };
    }
    case 'assessment-plan': {
      const plan = choosePlan(source, request.id);
      const document = buildAssessmentPlanRecord(assessmentPlanInput(source, plan, stamp));
      return { document, unitRef: document.footer.unitRef };
    }
  }
}

const describe = (e: { id: string; title: string; producedOn: string; method: string }) =>
  `${e.id} "${e.title}" (${e.method}, ${e.producedOn})`;

/**
 * The observation or discussion asked for (by evidence id or exact title), or, when only a unit
 * is given, the one mapped to that unit: a direct observation before a practical demonstration,
 * and never a guess between two of the same.
 */
function chooseSession(source: RecordSource, request: RecordRequest): string {
  const kind = request.kind === 'discussion' ? 'discussion' : 'observation';
  const what = kind === 'observation' ? 'observation' : 'professional discussion';
  const all = sessionEvidence(source, kind);
  if (request.evidenceId) {
    const wanted = request.evidenceId.trim();
    const byId = all.find((e) => e.id === wanted);
    if (byId) return byId.id;
    const byTitle = all.filter((e) => e.title.trim().toLowerCase() === wanted.toLowerCase());
    if (byTitle.length === 1) return byTitle[0]!.id;
    if (byTitle.length > 1)
      throw new UserError(
        'invalid-input',
        `${source.learner.name} has ${byTitle.length} evidence items called "${wanted}": ${byTitle.map(describe).join('; ')}. Give the evidence id instead.`,
      );
    // Left to the record's own check, which says what the item is instead.
    return wanted;
  }
  const unitId = request.unit ? findRegisteredUnit(source, request.unit).unit.id : null;
  const mapped = new Set(
    activeMappings(source.portfolio)
      .filter((m) => !unitId || m.unitId === unitId)
      .map((m) => m.evidenceId),
  );
  const candidates = all.filter((e) => mapped.has(e.id));
  const direct = candidates.filter((e) => observationMethods.has(e.method));
  const choice = direct.length ? direct : candidates;
  if (choice.length === 1) return choice[0]!.id;
  if (choice.length === 0) {
    throw new UserError(
      'not-found',
      `${source.learner.name} has no ${what} recorded${unitId ? ' for that unit' : ''}. Record one as evidence first.`,
    );
  }
  throw new UserError(
    'invalid-input',
    `${source.learner.name} has ${choice.length} ${what}s${unitId ? ' for that unit' : ''}: ${choice
      .sort((a, b) => a.producedOn.localeCompare(b.producedOn))
      .map(describe)
      .join('; ')}. Say which by its evidence id (--evidence ID on the command line).`,
  );
}
