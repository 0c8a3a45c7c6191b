import type { MigrationPlan } from '../storage/migrations';
import { PORTFOLIO_VERSION } from './portfolio-schema';

type Json = Record<string, unknown>;

/**
 * Layout 2's sign-off (a date, an assessor and a withdrawn flag) as layout 3 keeps it: the
 * moment and who signed, and a withdrawal as a void whose reason was not recorded.
 */
function signOffV3(old: Json): Json {
  const { signedOn, assessorId, withdrawn, ...rest } = old;
  const voided = withdrawn === true;
  return {
    ...rest,
    signedOffAt: `${String(signedOn)}T00:00:00.000Z`,
    signedOffBy: assessorId,
    countersignedAt: null,
    countersignedBy: null,
    voidedAt: voided ? rest.updatedAt : null,
    voidedBy: voided ? rest.updatedBy : null,
    voidReason: voided ? 'Withdrawn before reasons were recorded.' : null,
  };
}

/**
 * Every layout a portfolio.json has had. Layout 1 (the first release) held registrations and
 * the audit trail only; layout 2 adds evidence, mappings, decisions and sign-offs; layout 3
 * adds signatures, unit feedback and learner comments, and sign-offs that record
 * countersigning and unlocking.
 */
export const portfolioMigrations: MigrationPlan = {
  current: PORTFOLIO_VERSION,
  steps: {
    1: (v1) => ({
      ...v1,
      evidence: [],
      mappings: [],
      decisions: [],
      signOffs: [],
    }),
    2: (v2) => ({
      ...v2,
      signOffs: (Array.isArray(v2.signOffs) ? (v2.signOffs as Json[]) : []).map(signOffV3),
      signatures: [],
      unitFeedback: [],
    }),
  },
};
