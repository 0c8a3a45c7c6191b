export { assessQualification } from './assess-qualification';
export type { GroupProgress, QualificationAssessment, UnitCredit } from './assess-qualification';
export { isAtOrAbove, levelRank } from './level';
export { optionalGroupSchema, qualificationSchema } from './qualification-schema';
export type { OptionalGroup, Qualification, QualificationInput } from './qualification-schema';
