import type { ReviewDue, ReviewSchedule, ReviewSignerRole } from '../kernel/progress-review-words';
import type {
  CarriedTarget,
  ProgressReview,
  ReviewUnit,
} from '../portfolio/progress-review-schema';

/** A signature as the screen lists it (the drawn image stays in the portfolio and the record). */
export interface ReviewSignatureView {
  role: ReviewSignerRole;
  name: string;
  signedAt: string;
  method: 'drawn' | 'typed';
  declarationVersion: number;
  /** The words signed, exactly as signed. */
  words: string;
}

export interface ReviewView extends Omit<ProgressReview, 'signatures'> {
  assessorName: string;
  signatures: ReviewSignatureView[];
  /** What must be settled before anyone signs. */
  blockers: string[];
  complete: boolean;
  /** False when the review was changed after someone signed it. */
  signaturesHold: boolean;
  /** Whether this version stands for its meeting (not superseded, not an unsigned amendment). */
  standing: boolean;
  /** Why it cannot be amended; null when it can. */
  amendBlocker: string | null;
  /** The amendment of it waiting for signatures, if one was started. */
  pendingAmendmentId: string | null;
}

export interface ReviewsView {
  learnerName: string;
  intervalWeeks: number;
  schedule: ReviewSchedule | null;
  /** Newest first. */
  reviews: ReviewView[];
  /** What a new review held today starts from: progress now, and the last review's targets. */
  fresh: { units: ReviewUnit[]; previousTargets: CarriedTarget[]; previousHeldOn: string | null };
  allowTypedSignatures: boolean;
  /** The person using the workbench may record and sign as assessor. */
  canRecord: boolean;
  today: string;
}

export interface ReviewDueRow {
  learnerId: string;
  state: ReviewDue;
  dueFrom: string;
  dueBy: string;
  lastReviewOn: string | null;
}

export type {
  CarriedTarget,
  ProgressReview,
  ReviewTarget,
  ReviewUnit,
} from '../portfolio/progress-review-schema';
