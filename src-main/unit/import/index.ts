export { importUnitSpec } from './import-unit-spec';
export { importGuidance } from './guidance';
export type {
  Diagnostic,
  ImportOptions,
  ImportResult,
  LineUse,
  LineUseKind,
  Severity,
} from './import-types';
export { lineUseKinds } from './import-types';
