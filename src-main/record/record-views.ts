import type { CertificateInfo } from './identity/certificate-info';
import type { StoredIssuedRecord } from '../portfolio/issued-record';
export type { RecordCheck, SignatureCheck } from './issue/check-record-file';

export interface IssuedRecordView extends StoredIssuedRecord {
  learnerName: string;
  fileName: string;
}

export interface RecordChoices {
  units: { id: string; ref: string; title: string; signedOff: boolean }[];
  observations: { id: string; title: string; producedOn: string }[];
  discussions: { id: string; title: string; producedOn: string }[];
  /** The learner's assessment plans, newest visit first, each named for the picker. */
  plans: RecordChoice[];
  /** The learner's progress reviews, newest first. */
  reviews: RecordChoice[];
}

/** One plan or review a record can be made of. */
export interface RecordChoice {
  id: string;
  /** "Visit 20 Nov 2026, version 2, agreed" or "Review held 3 Nov 2026, signed". */
  label: string;
}

export interface RecordPreview {
  kind: 'pdf' | 'docx';
  /** A short-lived address of the file, for the preview and for saving a copy. */
  url: string;
  fileName: string;
  /** The Word record as HTML, for its preview. */
  html: string | null;
}

export interface IdentityView {
  personId: string;
  name: string;
  roles: string[];
  certificate: CertificateInfo | null;
}

export interface IdentityList {
  people: IdentityView[];
  /** The desktop app can keep passphrases sealed by the operating system. */
  canSealPassphrases: boolean;
}

export interface ExportedCertificate {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}
