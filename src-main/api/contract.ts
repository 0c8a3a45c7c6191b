import type { z } from 'zod';
import { auditOperations } from '../audit/audit-contract';
import { centreOperations } from '../centre/centre-contract';
import { decisionOperations } from '../decision/decision-contract';
import { evidenceOperations } from '../evidence/evidence-contract';
import { learnerOperations } from '../learner/learner-contract';
import { progressReviewOperations } from '../progress-review/review-contract';
import { learnerCopyOperations } from '../learner-copy/learner-copy-contract';
import { qualificationOperations } from '../qualification/qualification-contract';
import { mappingOperations } from '../mapping/mapping-contract';
import { planOperations } from '../planning/plan-contract';
import { recordOperations } from '../record/record-contract';
import { registrationOperations } from '../registration/registration-contract';
import { retentionOperations } from '../retention/retention-contract';
import { samplingOperations } from '../sampling/sampling-contract';
import { sessionOperations } from '../session/session-contract';
import { staffOperations } from '../staff/staff-contract';
import { staffRecordOperations } from '../competence/staff-record-contract';
import { standardisationOperations } from '../competence/standardisation-contract';
import { unitOperations } from '../unit/unit-contract';
import { witnessOperations } from '../witness/witness-contract';
import { testimonyOperations } from '../witness/testimony-contract';
import { timelineOperations } from '../timeline/timeline-contract';
import { visitOperations } from '../visit-pack/visit-contract';
import { packViewOperations } from '../visit-pack/pack-view-contract';
import { workspaceOperations } from '../workspace/workspace-contract';
import { mergeOperations, type Operation } from '../shared/operation';

/**
 * Every operation the renderer may call, declared once. Both hosts bind these names to the
 * same handlers, and the renderer's client and the preload are typed from this object.
 */
export const contract = mergeOperations(
  auditOperations,
  centreOperations,
  decisionOperations,
  evidenceOperations,
  learnerOperations,
  learnerCopyOperations,
  qualificationOperations,
  mappingOperations,
  progressReviewOperations,
  planOperations,
  recordOperations,
  registrationOperations,
  retentionOperations,
  samplingOperations,
  sessionOperations,
  staffOperations,
  staffRecordOperations,
  standardisationOperations,
  unitOperations,
  witnessOperations,
  testimonyOperations,
  timelineOperations,
  visitOperations,
  packViewOperations,
  workspaceOperations,
);

export type Contract = typeof contract;
export type OperationName = keyof Contract & string;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends OperationName> =
  Contract[K] extends Operation<z.ZodType, infer R> ? R : never;

export const operationNames = Object.keys(contract) as OperationName[];
