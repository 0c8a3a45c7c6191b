import type { Learner } from '../centre/centre-schema';
import type { EvidenceFile, EvidenceMethod } from '../evidence/evidence-views';
import type { CriterionTarget } from '../portfolio/mapping-schema';
import type { CriterionCounts } from '../decision/progress';
import type { OutcomeKind } from '../unit/unit-schema';

export interface RegistrationView {
  id: string;
  unitId: string;
  unitVersion: number;
  unitTitle: string;
  unitRef: string;
  assessorId: string;
  assessorName: string;
  qualification: string;
  withdrawn: boolean;
  progress: CriterionCounts & { signedOff: boolean };
}

export interface CriterionView {
  ref: string;
  text: string;
  evidenceIds: string[];
  parts: { ref: string; text: string; evidenceIds: string[] }[];
}

export interface UnitTreeView {
  unitId: string;
  unitVersion: number;
  title: string;
  ref: string;
  outcomes: { ref: string; text: string; kind: OutcomeKind; criteria: CriterionView[] }[];
}

export interface EvidenceView {
  id: string;
  title: string;
  producedOn: string;
  method: EvidenceMethod;
  location: string;
  producedBy: string;
  notes: string;
  record: string;
  witnessId: string | null;
  witnessName: string | null;
  file: EvidenceFile | null;
  addedAt: string;
  archived: boolean;
  /** Marked by an assessor as holding other people's personal data. */
  thirdPartyData: boolean;
  targets: CriterionTarget[];
}

export interface LearnerDetail {
  learner: Omit<Learner, 'dateOfBirth' | 'updatedAt' | 'updatedBy'> & { dateOfBirth: string };
  registrations: RegistrationView[];
  units: UnitTreeView[];
  evidence: EvidenceView[];
  /**
   * Saved changes in the portfolio's change files that could not be read (damaged by a copy, or
   * written by a newer version), each in a sentence. They are left on disk as they are.
   */
  unreadableChanges: string[];
}
