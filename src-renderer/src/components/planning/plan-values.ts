import type { PlanView } from '../../../../src-main/planning/plan-contract';

/** What the plan form holds while it is being filled in. */
export interface PlanValues {
  visitDate: string;
  visitTime: string;
  place: string;
  /** The criteria (or parts) to cover, each as one key from `targetKey`. */
  targets: string[];
  methods: string[];
  witnessIds: string[];
  expertIds: string[];
  others: string;
  preparation: string;
  adjustments: string;
  agreedHow: string;
  notes: string;
}

export type SetPlanValue = <K extends keyof PlanValues>(key: K, value: PlanValues[K]) => void;

const SEP = '\u0001';

export const targetKey = (unitId: string, criterionRef: string, partRef: string | null) =>
  [unitId, criterionRef, partRef ?? ''].join(SEP);

/** A draft's values, or an empty plan: nothing chosen for the assessor. */
export function planValues(plan: PlanView | undefined): PlanValues {
  return {
    visitDate: plan?.visitDate ?? '',
    visitTime: plan?.visitTime ?? '',
    place: plan?.place ?? '',
    targets: plan?.criteria.map((c) => targetKey(c.unitId, c.criterionRef, c.partRef)) ?? [],
    methods: plan?.methods ?? [],
    witnessIds: plan?.witnessIds ?? [],
    expertIds: plan?.expertWitnessIds ?? [],
    others: plan?.others ?? '',
    preparation: plan?.preparation ?? '',
    adjustments: plan?.adjustments ?? '',
    agreedHow: plan?.agreedHow ?? '',
    notes: plan?.notes ?? '',
  };
}

/** The plan's content as the workbench saves it. */
export function planContent(values: PlanValues, unitIds: string[]) {
  const criteria = values.targets.map((key) => {
    const [unitId = '', criterionRef = '', partRef = ''] = key.split(SEP);
    return { unitId, criterionRef, partRef: partRef || null };
  });
  return {
    visitDate: values.visitDate || null,
    visitTime: values.visitTime,
    place: values.place,
    unitIds,
    criteria,
    methods: values.methods,
    witnessIds: values.witnessIds,
    expertWitnessIds: values.expertIds,
    others: values.others,
    preparation: values.preparation,
    adjustments: values.adjustments,
    agreedHow: values.agreedHow,
    notes: values.notes,
  };
}
