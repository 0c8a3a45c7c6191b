import type { Flag } from '../decision/marking-types';
import type { AssessmentPlan, Testimony, WitnessForm } from '../portfolio/testimony-schema';

export interface FormView extends Omit<WitnessForm, 'updatedAt' | 'updatedBy'> {
  unitTitle: string;
  unitRef: string;
}

export interface TestimonyView extends Omit<Testimony, 'updatedAt' | 'updatedBy'> {
  evidenceTitle: string;
  hasFile: boolean;
  flags: Flag[];
}

export interface TestimonyOverview {
  forms: FormView[];
  testimonies: TestimonyView[];
  plans: Omit<AssessmentPlan, 'updatedAt' | 'updatedBy'>[];
}

export interface MadeFormView {
  formId: string;
  fileName: string;
  mediaType: string;
  /** The file itself, base64: small enough (under 1 MB) to travel in an answer. */
  base64: string;
}
