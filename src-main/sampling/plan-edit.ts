import { UserError } from '../kernel/user-error';
import type { Sample, SamplingPlan } from './plan-schema';
import {
  assessmentKey,
  madeBy,
  sampleTypeFor,
  type PopulationAssessment,
  type SampleType,
  type SamplingPopulation,
} from './population';
import { derivedId } from './random';
import { formatDate } from '../kernel/dates';

/** The IQA's own changes to a proposed plan. Each returns a new plan; none changes its input. */

export interface NewSample {
  learnerId: string;
  unitId: string;
  iqaId: string;
  plannedDate: string;
  /** Defaults to interim for work in progress and summative for a completed unit. */
  type?: SampleType;
  reason?: string;
}

function findAssessment(
  population: SamplingPopulation,
  learnerId: string,
  unitId: string,
): PopulationAssessment {
  const key = assessmentKey({ learnerId, unitId });
  const found = population.assessments.find((a) => assessmentKey(a) === key);
  if (!found) {
    throw new UserError(
      'not-found',
      'That learner is not registered on that unit, so there is nothing to sample. Check the learner and unit and try again.',
    );
  }
  return found;
}

function findSample(plan: SamplingPlan, sampleId: string): Sample {
  const sample = plan.samples.find((s) => s.id === sampleId);
  if (!sample) {
    throw new UserError(
      'not-found',
      'That sample is not in the plan any more. Reload the plan and try again.',
    );
  }
  return sample;
}

function checkDate(
  plan: SamplingPlan,
  assessment: PopulationAssessment,
  type: SampleType,
  date: string,
): void {
  const { from, to } = plan.period;
  if (date < from || date > to) {
    throw new UserError(
      'invalid-input',
      `Plan the sample between ${formatDate(from)} and ${formatDate(to)}, the period this plan covers.`,
    );
  }
  if (type === 'summative' && assessment.decidedAt && date < assessment.decidedAt) {
    throw new UserError(
      'invalid-input',
      `The unit decision was made on ${formatDate(assessment.decidedAt)}; a summative sample can only follow it. Choose that day or later.`,
    );
  }
}

export function addSample(
  plan: SamplingPlan,
  population: SamplingPopulation,
  input: NewSample,
): SamplingPlan {
  const assessment = findAssessment(population, input.learnerId, input.unitId);
  if (madeBy(assessment).includes(input.iqaId)) {
    throw new UserError(
      'forbidden',
      'An IQA cannot sample a decision they made as assessor. Choose another IQA for this sample.',
    );
  }
  if (!population.iqas.some((q) => q.id === input.iqaId)) {
    throw new UserError('invalid-input', "Choose an IQA from the centre's staff for this sample.");
  }
  const type = input.type ?? sampleTypeFor(assessment);
  if (type === 'summative' && assessment.stage !== 'completed') {
    throw new UserError(
      'invalid-input',
      'This unit is still in progress, so it can be sampled as interim only. Plan a summative sample once the unit decision is made.',
    );
  }
  checkDate(plan, assessment, type, input.plannedDate);
  const id = derivedId('sm', `${assessmentKey(assessment)}\u0000${type}`);
  if (plan.samples.some((s) => s.id === id)) {
    throw new UserError(
      'conflict',
      `This learner's unit already has a ${type} sample in the plan. Reschedule that one instead.`,
    );
  }
  const sample: Sample = {
    id,
    learnerId: assessment.learnerId,
    unitId: assessment.unitId,
    assessorId: assessment.assessorId,
    iqaId: input.iqaId,
    type,
    methods: [...assessment.methods],
    location: assessment.location,
    plannedDate: input.plannedDate,
    reasons: [input.reason?.trim() || 'added by the IQA'],
    origin: 'added',
  };
  return { ...plan, samples: [...plan.samples, sample] };
}

/** A removed sample is kept with the reason, because the EQA may ask what was dropped and why. */
export function removeSample(
  plan: SamplingPlan,
  sampleId: string,
  removal: { reason: string; by: string; on: string },
): SamplingPlan {
  const sample = findSample(plan, sampleId);
  if (sample.actualDate) {
    throw new UserError(
      'conflict',
      `This sample was carried out on ${formatDate(sample.actualDate)}, so it stays in the plan as a record of the work.`,
    );
  }
  if (!removal.reason.trim()) {
    throw new UserError('invalid-input', 'Say why the sample is being taken out of the plan.');
  }
  return {
    ...plan,
    samples: plan.samples.filter((s) => s.id !== sampleId),
    removed: [
      ...plan.removed,
      { sample, reason: removal.reason.trim(), removedBy: removal.by, removedOn: removal.on },
    ],
  };
}

export function rescheduleSample(
  plan: SamplingPlan,
  population: SamplingPopulation,
  sampleId: string,
  plannedDate: string,
): SamplingPlan {
  const sample = findSample(plan, sampleId);
  if (sample.actualDate) {
    throw new UserError(
      'conflict',
      `This sample was already carried out on ${formatDate(sample.actualDate)}; there is nothing left to reschedule.`,
    );
  }
  checkDate(
    plan,
    findAssessment(population, sample.learnerId, sample.unitId),
    sample.type,
    plannedDate,
  );
  return {
    ...plan,
    samples: plan.samples.map((s) => (s.id === sampleId ? { ...s, plannedDate } : s)),
  };
}

/** Records the day the sample was actually carried out; the planned date is kept beside it. */
export function recordActualDate(
  plan: SamplingPlan,
  population: SamplingPopulation,
  sampleId: string,
  actualDate: string,
  today: string,
): SamplingPlan {
  const sample = findSample(plan, sampleId);
  if (actualDate > today) {
    throw new UserError(
      'invalid-input',
      "A sample cannot be recorded as done on a day still to come. Use today's date or an earlier one.",
    );
  }
  const assessment = findAssessment(population, sample.learnerId, sample.unitId);
  if (sample.type === 'summative' && assessment.decidedAt && actualDate < assessment.decidedAt) {
    throw new UserError(
      'invalid-input',
      `The unit decision was made on ${formatDate(assessment.decidedAt)}; the summative sample cannot be dated before it.`,
    );
  }
  return {
    ...plan,
    samples: plan.samples.map((s) => (s.id === sampleId ? { ...s, actualDate } : s)),
  };
}
