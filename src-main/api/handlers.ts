import { auditHandlers } from '../audit/audit-handlers';
import { centreHandlers } from '../centre/centre-handlers';
import { decisionHandlers } from '../decision/decision-handlers';
import { evidenceHandlers } from '../evidence/evidence-handlers';
import { learnerHandlers } from '../learner/learner-handlers';
import { progressReviewHandlers } from '../progress-review/review-handlers';
import { qualificationHandlers } from '../qualification/qualification-handlers';
import { mappingHandlers } from '../mapping/mapping-handlers';
import { planHandlers } from '../planning/plan-handlers';
import { recordHandlers } from '../record/record-handlers';
import { registrationHandlers } from '../registration/registration-handlers';
import { retentionHandlers } from '../retention/retention-handlers';
import { samplingHandlers } from '../sampling/sampling-handlers';
import { sessionHandlers } from '../session/session-handlers';
import { staffHandlers } from '../staff/staff-handlers';
import { staffRecordHandlers } from '../competence/staff-record-handlers';
import { standardisationHandlers } from '../competence/standardisation-handlers';
import { unitHandlers } from '../unit/unit-handlers';
import { unitImportHandlers } from '../unit/unit-import-handlers';
import { witnessHandlers } from '../witness/witness-handlers';
import { testimonyHandlers } from '../witness/testimony-handlers';
import { timelineHandlers } from '../timeline/timeline-handlers';
import { visitHandlers } from '../visit-pack/visit-handlers';
import { packViewHandlers } from '../visit-pack/pack-view-handlers';
import { learnerCopyHandlers } from '../learner-copy/learner-copy-handlers';
import { workspaceHandlers } from '../workspace/workspace-handlers';
import type { OperationName } from './contract';
import type { HandlerMap } from './handler';

/** One handler per declared operation; a missing one fails to compile. */
export const handlers: HandlerMap<OperationName> = {
  ...auditHandlers,
  ...centreHandlers,
  ...decisionHandlers,
  ...evidenceHandlers,
  ...learnerHandlers,
  ...learnerCopyHandlers,
  ...qualificationHandlers,
  ...mappingHandlers,
  ...progressReviewHandlers,
  ...planHandlers,
  ...recordHandlers,
  ...registrationHandlers,
  ...retentionHandlers,
  ...samplingHandlers,
  ...sessionHandlers,
  ...staffHandlers,
  ...staffRecordHandlers,
  ...standardisationHandlers,
  ...unitHandlers,
  ...unitImportHandlers,
  ...witnessHandlers,
  ...testimonyHandlers,
  ...timelineHandlers,
  ...visitHandlers,
  ...packViewHandlers,
  ...workspaceHandlers,
};
