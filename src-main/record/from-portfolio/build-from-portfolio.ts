import { UserError } from '../../api/user-error';
import { unitRef } from '../../portfolio/progress';
import { buildDiscussionRecord } from '../build/discussion-record';
import { buildEvidenceIndex } from '../build/evidence-index';
import { buildObservationRecord } from '../build/observation-record';
import { buildProgressRecord } from '../build/progress-record';
import { buildUnitRecord } from '../build/unit-record';
import type { PortfolioRecordKind, RecordDocument } from '../model/record-document';
import { evidenceIndexInput, progressInput } from './progress-input';
import type { RecordStamp } from './record-context';
import { findRegisteredUnit, type RecordSource } from './record-source';
import { discussionInput, observationInput, sessionEvidence } from './session-record-input';
import { activeMappings } from '../../mapping/mapping';
import { unitRecordInput } from './unit-record-input';

export interface RecordRequest {
  kind: PortfolioRecordKind;
  /** The unit, by id, Ofqual code or title: needed for a unit assessment record. */
  unit?: string;
  /** The observation or discussion evidence item the record is of. */
  evidenceId?: string;
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
  }
}

/**
 * The observation or discussion asked for, or, when only a unit is given, the most recent one
 * mapped to that unit.
 */
function chooseSession(source: RecordSource, request: RecordRequest): string {
  if (request.evidenceId) return request.evidenceId;
  const kind = request.kind === 'discussion' ? 'discussion' : 'observation';
  const unitId = request.unit ? findRegisteredUnit(source, request.unit).unit.id : null;
  const mapped = new Set(
    activeMappings(source.portfolio)
      .filter((m) => !unitId || m.unitId === unitId)
      .map((m) => m.evidenceId),
  );
  const latest = sessionEvidence(source, kind)
    .filter((e) => mapped.has(e.id))
    .sort((a, b) => b.producedOn.localeCompare(a.producedOn))[0];
  if (!latest) {
    throw new UserError(
      'not-found',
      `${source.learner.name} has no ${kind === 'observation' ? 'observation' : 'professional discussion'} recorded${unitId ? ' for that unit' : ''}. Record one as evidence first.`,
    );
  }
  return latest.id;
}
