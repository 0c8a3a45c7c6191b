import type { MarkingEvidenceView, TargetView } from '../../../../src-main/decision/decision-views';
import type { DecisionStatus } from '../../../../src-main/decision/marking-types';

export interface CriterionDetailProps {
  learnerId: string;
  target: TargetView;
  evidence: Map<string, MarkingEvidenceView>;
  guidance: string[];
  locked: boolean;
  readOnly: boolean;
  assessmentDate: string;
  onAssessmentDate: (date: string) => void;
  openEvidenceId: string | null;
  onOpenEvidence: (id: string | null) => void;
  onDecide: (status: DecisionStatus) => void;
  onFeedback: (text: string) => void;
  onMapEvidence: () => void;
  onUnmap: (evidenceId: string) => void;
  error: string | null;
}
