import type { AuditView } from '../audit/audit-contract';
import type { PackEvidence, PackFile, PackUnit } from '../visit-pack/pack-model';

/**
 * What a learner's own copy of their data says, as `copy.json` beside `index.html`. Everything
 * in it is about this one learner: no other learner is named.
 */
export interface LearnerCopyData {
  schemaVersion: 1;
  kind: 'learner-copy';
  madeAt: string;
  madeBy: string;
  centre: { name: string; demo: boolean };
  learner: {
    name: string;
    uln: string;
    dateOfBirth: string;
    employer: string;
    workplace: string;
    cohort: string;
    /** Needs and reasonable adjustments, in the centre's words. */
    needs: string;
    archived: boolean;
  };
  registrations: {
    unit: string;
    version: number;
    assessor: string;
    registeredAt: string;
    qualification: string;
    withdrawn: boolean;
  }[];
  units: PackUnit[];
  /** Every evidence item held, archived ones too. */
  evidence: (PackEvidence & { archived: boolean; addedAt: string })[];
  testimonies: {
    evidence: string;
    unit: string;
    witness: string;
    witnessRole: string;
    activityDate: string;
    venue: string;
    description: string;
    criteria: { label: string; how: string }[];
    signedOn: string;
    leftOut: string | null;
  }[];
  /** Records issued from the portfolio, exactly as issued, and the IQA's records of its samples. */
  records: (PackFile & { issuedAt: string; signedBy: string[] })[];
  signOffs: {
    unit: string;
    signedOffBy: string;
    signedOffAt: string;
    countersignedBy: string | null;
    countersignedAt: string | null;
    voided: { by: string; at: string; reason: string } | null;
  }[];
  reviews: { unit: string; iqa: string; on: string; decision: string; feedback: string }[];
  audit: AuditView[];
  /** What is not in the copy and why, in sentences. */
  notes: string[];
}
