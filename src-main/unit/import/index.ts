export { importUnitSpec } from './import-unit-spec';
export { importGuidance } from './guidance';
export type * from './import-types';
export { lineUseKinds } from './import-types';
export { readSpecFile } from './read-spec-file';
export type { SpecFormat } from './read-spec-file';
export { diffUnits } from './diff-units';
export type { UnitDifference } from './diff-units';
