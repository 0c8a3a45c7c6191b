import type { MigrationPlan } from '../storage/migrations';
import { CENTRE_VERSION } from './centre-schema';

/** Layout 1 had staff and learners only; layout 2 adds witnesses and the roster's audit trail. */
export const centreMigrations: MigrationPlan = {
  current: CENTRE_VERSION,
  steps: {
    1: (v1) => ({ ...v1, witnesses: [], audit: [] }),
  },
};
