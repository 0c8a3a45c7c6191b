import type { LearnerHeadline } from '../learner/learner-contract';

/**
 * What a visit pack says, as `pack.json` beside `index.html` and inlined in it. Everything about
 * a learner here is about a learner the visit samples: nobody else is named.
 */

export interface PackFile {
  /** Relative to the pack folder, with forward slashes. */
  path: string;
  title: string;
  mediaType: string;
}

export interface PackEvidence {
  id: string;
  /** "E1", "E2"…: how the criteria below refer to it. */
  ref: string;
  title: string;
  method: string;
  producedOn: string;
  producedBy: string;
  location: string;
  notes: string;
  /** The record itself for evidence written in the workbench (observation, discussion…). */
  record: string;
  /** The copy in the pack, with the SHA-256 the portfolio noted when the file was added. */
  file: (PackFile & { sha256: string; originalName: string; size: number }) | null;
  /**
   * Why the item's file and record are not in the pack ("left out: contains other people's
   * personal data"); null when they are.
   */
  leftOut?: string | null;
}

export interface PackTarget {
  /** "3.1" or "9.1 b". */
  label: string;
  text: string;
  decision: 'met' | 'not yet met' | 'not yet assessed';
  decidedOn: string | null;
  feedback: string;
  evidence: string[];
}

export interface PackUnit {
  id: string;
  ref: string;
  title: string;
  level: string | null;
  assessor: string;
  signedOff: boolean;
  countersigned: boolean;
  feedback: string;
  learnerComments: string;
  outcomes: { ref: string; text: string; targets: PackTarget[] }[];
  /** Records of this unit in the pack (PDFs open in place). */
  records: PackFile[];
  /** The IQA's review, when the unit was sampled and the review is complete. */
  review: { iqa: string; decision: string; feedback: string; on: string } | null;
}

export interface PackLearner extends LearnerHeadline {
  units: PackUnit[];
  evidence: PackEvidence[];
}

export interface PackSample {
  learner: string;
  unit: string;
  assessor: string;
  iqa: string;
  type: string;
  plannedDate: string;
  actualDate: string | null;
  reasons: string[];
}

/** A section of documents and rows made elsewhere (standardisation, staff competence). */
export interface PackSection {
  id: string;
  title: string;
  /** What the section is, in a sentence for someone who has not seen the workbench. */
  intro: string;
  rows: { heading: string; cells: { label: string; value: string }[] }[];
  documents: PackFile[];
}

export interface PackData {
  schemaVersion: 1;
  kind: 'eqa-visit-pack';
  /** The visit the centre recorded for this pack: the EQA's report names it. */
  visit: { id: string; centreId: string };
  madeAt: string;
  madeBy: string;
  centre: { name: string; demo: boolean };
  period: { from: string; to: string } | null;
  learners: PackLearner[];
  plan: {
    qualification: string;
    period: { from: string; to: string };
    samples: PackSample[];
    /** Samples of learners outside this visit, counted and never named. */
    otherSamples: number;
  } | null;
  /** Sampling records and reports in the pack. */
  sampling: PackFile[];
  sections: PackSection[];
  centreCertificate: string;
  /** The signature over MANIFEST.sha256, when the pack is signed. */
  signedBy: string | null;
}
