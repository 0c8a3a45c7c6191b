import { z } from 'zod';
import { operation } from '../shared/operation';
import type { StaffRole } from './centre-schema';

export interface StaffView {
  id: string;
  name: string;
  roles: StaffRole[];
  assessorStatus: 'qualified' | 'working-towards' | null;
  countersignerName: string | null;
  archived: boolean;
}

export interface CentreView {
  workspaceDir: string;
  name: string;
  number: string;
  demo: boolean;
  /** Whether signatures at sign-off may be typed as well as drawn. */
  allowTypedSignatures: boolean;
  /** Weeks between a learner's progress reviews. */
  reviewIntervalWeeks: number;
  awardingBodies: string[];
  staff: StaffView[];
  learnerCount: number;
  unitCount: number;
}

export const centreOperations = {
  'centre:get': operation<CentreView>()(z.object({})),
};
