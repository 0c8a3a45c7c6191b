import { isOverdue } from './action-loop';
import { daysBetween } from '../kernel/dates';
import type { Sample, SamplingPlan } from './plan-schema';
import { assessmentKey, type SamplingPopulation } from './population';
import type { ActionPoint } from './review-schema';
import { assessorsOf, buildFrame } from './sampling-frame';
import { rateFor, requiredCount, type SamplingStrategy } from './strategy';

export type SampleProgress = 'done' | 'overdue' | 'upcoming';

export interface PlanVsActual {
  planned: number;
  done: number;
  doneLate: number;
  overdue: number;
  upcoming: number;
  byMonth: { month: string; planned: number; done: number }[];
  samples: {
    id: string;
    plannedDate: string;
    actualDate?: string;
    progress: SampleProgress;
    daysLate: number;
  }[];
}

export function sampleProgress(sample: Sample, today: string): SampleProgress {
  if (sample.actualDate) return 'done';
  return sample.plannedDate < today ? 'overdue' : 'upcoming';
}

export function planVsActual(plan: SamplingPlan, today: string): PlanVsActual {
  const months = new Map<string, { planned: number; done: number }>();
  const month = (date: string) => {
    const key = date.slice(0, 7);
    const entry = months.get(key) ?? { planned: 0, done: 0 };
    months.set(key, entry);
    return entry;
  };
  const samples = plan.samples.map((s) => {
    const progress = sampleProgress(s, today);
    month(s.plannedDate).planned++;
    if (s.actualDate) month(s.actualDate).done++;
    const daysLate = Math.max(0, daysBetween(s.plannedDate, s.actualDate ?? today));
    return { id: s.id, plannedDate: s.plannedDate, actualDate: s.actualDate, progress, daysLate };
  });
  return {
    planned: samples.length,
    done: samples.filter((s) => s.progress === 'done').length,
    doneLate: samples.filter((s) => s.progress === 'done' && s.daysLate > 0).length,
    overdue: samples.filter((s) => s.progress === 'overdue').length,
    upcoming: samples.filter((s) => s.progress === 'upcoming').length,
    byMonth: [...months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([m, counts]) => ({ month: m, ...counts })),
    samples,
  };
}

export type MatrixDimension = 'unit' | 'method' | 'location';

export interface CoverageCell {
  assessments: number;
  sampled: number;
}

export interface CoverageMatrix {
  dimension: MatrixDimension;
  rows: { assessorId: string; name: string }[];
  columns: { value: string; label: string }[];
  /** cells[row][column]; a cell with no assessments is a blank on the grid, not a gap. */
  cells: CoverageCell[][];
}

/** Assessors down the side, units, methods or locations across, counts of work and of samples. */
export function coverageMatrix(
  population: SamplingPopulation,
  plan: SamplingPlan,
  dimension: MatrixDimension,
): CoverageMatrix {
  const frame = buildFrame(population, plan.period);
  const sampled = new Set(plan.samples.map((s) => assessmentKey(s)));
  const rows = assessorsOf(frame).map((a) => ({ assessorId: a.id, name: a.name }));
  const columns = frame.targets
    .filter((t) => t.dimension === dimension)
    .sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0))
    .map((t) => ({ value: t.value, label: t.label }));
  const rowIndex = new Map(rows.map((r, i) => [r.assessorId, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.value, i]));
  const cells = rows.map(() => columns.map(() => ({ assessments: 0, sampled: 0 })));
  for (const item of frame.items) {
    const a = item.assessment;
    const values =
      dimension === 'unit'
        ? [a.unitId]
        : dimension === 'location'
          ? [a.location.trim()]
          : [...new Set(a.methods.map((m) => m.trim()))];
    const row = rowIndex.get(a.assessorId);
    for (const value of values) {
      const column = columnIndex.get(value);
      const cell = row === undefined || column === undefined ? undefined : cells[row]?.[column];
      if (!cell) continue;
      cell.assessments++;
      if (sampled.has(item.key)) cell.sampled++;
    }
  }
  return { dimension, rows, columns, cells };
}

export interface AssessorCompliance {
  assessorId: string;
  name: string;
  rate: number;
  assessments: number;
  required: number;
  planned: number;
  done: number;
  /** Percentage of the assessor's assessments sampled so far (done), to one decimal place. */
  share: number;
  compliant: boolean;
  status: 'compliant' | 'not compliant';
}

/**
 * Compliance counts samples carried out, not planned: a plan that meets the rate on paper is
 * not yet evidence that the assessor's work has been quality-assured.
 */
export function rateCompliance(
  population: SamplingPopulation,
  strategy: SamplingStrategy,
  plan: SamplingPlan,
): AssessorCompliance[] {
  const frame = buildFrame(population, plan.period);
  const planned = new Map<string, Set<string>>();
  const done = new Map<string, Set<string>>();
  for (const s of plan.samples) {
    const key = assessmentKey(s);
    if (!frame.byKey.has(key)) continue;
    for (const [map, include] of [
      [planned, true],
      [done, Boolean(s.actualDate)],
    ] as const) {
      if (!include) continue;
      const set = map.get(s.assessorId) ?? new Set<string>();
      set.add(key);
      map.set(s.assessorId, set);
    }
  }
  const counts = new Map<string, number>();
  for (const item of frame.items) {
    counts.set(item.assessment.assessorId, (counts.get(item.assessment.assessorId) ?? 0) + 1);
  }
  return assessorsOf(frame).map((assessor) => {
    const { rate } = rateFor(assessor, strategy);
    const assessments = counts.get(assessor.id) ?? 0;
    const required = requiredCount(rate, assessments);
    const doneCount = done.get(assessor.id)?.size ?? 0;
    const compliant = doneCount >= required;
    return {
      assessorId: assessor.id,
      name: assessor.name,
      rate,
      assessments,
      required,
      planned: planned.get(assessor.id)?.size ?? 0,
      done: doneCount,
      share: assessments === 0 ? 0 : Math.round((doneCount / assessments) * 1000) / 10,
      compliant,
      status: compliant ? 'compliant' : 'not compliant',
    };
  });
}

export interface ActionDashboard {
  open: ActionPoint[];
  answered: ActionPoint[];
  overdue: ActionPoint[];
  closed: number;
  /** Per owner, actions not yet closed (open or answered) and of those, overdue. */
  byOwner: { owner: string; outstanding: number; overdue: number }[];
}

export function actionDashboard(actions: readonly ActionPoint[], today: string): ActionDashboard {
  const owners = new Map<string, { outstanding: number; overdue: number }>();
  for (const a of actions) {
    if (a.state === 'closed') continue;
    const entry = owners.get(a.owner) ?? { outstanding: 0, overdue: 0 };
    entry.outstanding++;
    if (isOverdue(a, today)) entry.overdue++;
    owners.set(a.owner, entry);
  }
  return {
    open: actions.filter((a) => a.state === 'open'),
    answered: actions.filter((a) => a.state === 'answered'),
    overdue: actions.filter((a) => isOverdue(a, today)),
    closed: actions.filter((a) => a.state === 'closed').length,
    byOwner: [...owners.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([owner, counts]) => ({ owner, ...counts })),
  };
}
