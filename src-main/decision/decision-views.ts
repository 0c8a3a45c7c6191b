import type { DecisionStatus, Flag } from './marking-types';
import type { SignaturePurpose } from '../portfolio/decision-schema';
import type { SignOffStatus } from './sign-off';
import type { UnitGaps } from './gaps';

/** What the marking screen is told; types only, so the renderer can share them. */

export interface TargetView {
  /** "7.1" or "9.1|b": stable within a unit. */
  key: string;
  criterionRef: string;
  partRef: string | null;
  label: string;
  criterionText: string;
  partText: string | null;
  outcomeRef: string;
  outcomeKind: 'knowledge' | 'competence';
  status: DecisionStatus;
  /** The visit an agreed plan named it for, when that is past and it still has no decision. */
  plannedFor: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  feedback: string;
  evidenceIds: string[];
  methods: string[];
  flags: Flag[];
}

export interface OutlineCriterion {
  ref: string;
  text: string;
  /** The keys of its targets: itself, or each of its parts. */
  targets: string[];
}

export interface OutlineOutcome {
  ref: string;
  text: string;
  kind: 'knowledge' | 'competence';
  criteria: OutlineCriterion[];
}

export interface MarkingEvidenceView {
  id: string;
  title: string;
  method: string;
  producedOn: string;
  producedBy: string;
  hasFile: boolean;
  fileName: string | null;
}

export interface SignatureView {
  purpose: SignaturePurpose;
  personName: string;
  role: string;
  signedAt: string;
  method: 'drawn' | 'typed';
  image: string | null;
  typedName: string | null;
  hash: string;
}

export interface SignOffView {
  status: SignOffStatus;
  /** Shown before sign-off when the assessor's required qualification has lapsed. */
  competence: { warning: string; blocks: boolean } | null;
  locked: boolean;
  signedOffAt: string | null;
  signedOffBy: string | null;
  countersignedAt: string | null;
  countersignedBy: string | null;
  /** The named countersigner when the signing assessor is working towards their qualification. */
  countersignerName: string | null;
  /** Whether the current user may countersign or unlock. */
  canCountersign: boolean;
  canUnlock: boolean;
  /** Earlier sign-offs voided by unlocking, with their reasons, newest first. */
  unlocks: { at: string; by: string; reason: string }[];
}

/** A true conflict between two computers' changes, for the assessor to choose on. */
export interface ConflictView {
  id: string;
  kind: 'decision' | 'feedback' | 'sign-off';
  /** The criterion or part, for a decision conflict. */
  target: string | null;
  sides: { choice: string | null; kind: string; by: string; at: string; summary: string }[];
  choices: { choice: string; label: string }[];
}

export interface MarkingView {
  learner: { id: string; name: string; uln: string };
  unit: {
    id: string;
    version: number;
    title: string;
    ref: string;
    level: string | null;
    credits: number | null;
    guidance: string[];
    methods: { name: string; use: 'prescribed' | 'optional' }[];
  };
  outline: OutlineOutcome[];
  targets: TargetView[];
  evidence: MarkingEvidenceView[];
  unitFeedback: string;
  learnerComments: string;
  gaps: UnitGaps;
  signOff: SignOffView;
  signatures: SignatureView[];
  declarations: Record<SignaturePurpose, string>;
  allowTypedSignatures: boolean;
  today: string;
  /** The current user, who records decisions and signs the assessor's declaration. */
  user: { id: string; name: string; role: string } | null;
  /** Conflicts between changes made apart, shown until the assessor chooses. */
  conflicts: ConflictView[];
  /** What the current assessor's Undo and Redo would change, in words; null when nothing. */
  history: { undo: string | null; redo: string | null };
}

/** The parts of the marking view a decision, undo or redo can change. */
export type MarkingUpdate = Pick<
  MarkingView,
  'targets' | 'gaps' | 'signOff' | 'signatures' | 'conflicts' | 'history'
>;

export interface MatrixCell {
  unitId: string;
  total: number;
  met: number;
  evidenced: number;
  notYetMet: number;
  warnings: number;
  signOff: SignOffStatus;
  readyToSignOff: boolean;
  lastAssessedOn: string | null;
}

export interface MatrixRow {
  learnerId: string;
  name: string;
  employer: string;
  workplace: string;
  cohort: string;
  assessorName: string;
  assessorIds: string[];
  cells: MatrixCell[];
  /** The last decision or evidence date on any unit: how long since someone saw them. */
  lastActivityOn: string | null;
  problem: string | null;
}

export interface ProgressMatrix {
  units: { id: string; ref: string; title: string }[];
  rows: MatrixRow[];
}
