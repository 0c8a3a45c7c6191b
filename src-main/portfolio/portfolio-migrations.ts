import type { MigrationPlan } from '../storage/migrations';
import { PORTFOLIO_VERSION } from './portfolio-schema';

/**
 * Every layout a portfolio.json has had. Layout 1 (the first release) held registrations and
 * the audit trail only; layout 2 adds evidence, mappings, decisions and sign-offs.
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
  },
};
