export * from './model/record-document';
export * from './build/record-inputs';
export { formatDate } from './build/record-common';
export { buildUnitRecord } from './build/unit-record';
export { buildObservationRecord } from './build/observation-record';
export { buildDiscussionRecord } from './build/discussion-record';
export { buildProgressRecord } from './build/progress-record';
export { buildEvidenceIndex } from './build/evidence-index';
export * from './build/sampling-inputs';
export { buildSamplingRecord, buildSamplingReport } from './build/sampling-report';
export type { RecordFonts } from './pdf/fonts';
export { loadRecordFonts } from './pdf/fonts';
export { CREATOR, layOutRecordPdf, renderRecordPdf, saveRecordPdf } from './pdf/render-record-pdf';
export { renderRecordDocx } from './docx/render-record-docx';
export type { IssuedDocxCheck, IssuedRecord } from '../portfolio/issued-record';
export {
  issuedRecordEntry,
  issuedRecordSchema,
  sha256Hex,
  verifyIssuedDocx,
} from '../portfolio/issued-record';
export type { CertificateInfo } from './identity/certificate-info';
export { describeCertificate } from './identity/certificate-info';
export type { GeneratedIdentity, IdentityRequest } from './identity/generate-identity';
export { generateIdentity } from './identity/generate-identity';
export { IdentityError } from './identity/identity-error';
export type { SigningIdentity } from './identity/signing-identity';
export { exportCertificatePem, importP12 } from './identity/signing-identity';
export type { SignOptions } from './seal/sign-options';
export { SealError } from './seal/sign-options';
export { signDocument, signPdf } from './seal/sign-pdf';
export { countersignPdf } from './seal/countersign-pdf';
export type { EvidenceFileCheck } from './verify/check-evidence';
export type {
  RecordVerification,
  SignatureReport,
  VerifyOptions,
} from './verify/verify-record-pdf';
export { verifyRecordPdf } from './verify/verify-record-pdf';
