import { describe, expect, it } from 'vitest';
import { raiseAction, respondToAction } from '../../../src-main/sampling/action-loop';
import {
  actionDashboard,
  coverageMatrix,
  planVsActual,
  rateCompliance,
} from '../../../src-main/sampling/dashboard';
import { recordActualDate } from '../../../src-main/sampling/plan-edit';
import { planSample } from '../../../src-main/sampling/plan-sample';
import { centre, strategy } from './example-centre';

const { plan } = planSample(centre, strategy, { seed: 1 });
const toms = plan.samples.filter((s) => s.assessorId === 'as-tom');
let done = plan;
for (const s of toms) {
  done = recordActualDate(done, centre, s.id, s.plannedDate, '2026-06-30');
}

describe('the sampling dashboards', () => {
  it('sets the plan against what has been done', () => {
    const view = planVsActual(done, '2026-07-01');
    expect(view.planned).toBe(plan.samples.length);
    expect(view.done).toBe(toms.length);
    expect(view.overdue).toBe(plan.samples.length - toms.length);
    expect(view.byMonth.reduce((n, m) => n + m.planned, 0)).toBe(plan.samples.length);
    expect(planVsActual(plan, '2025-12-31').upcoming).toBe(plan.samples.length);
  });

  it('draws assessors against methods, with the gaps visible', () => {
    const matrix = coverageMatrix(centre, plan, 'method');
    expect(matrix.rows.map((r) => r.name).sort()).toEqual([
      'Ann Lee',
      'Priya Shah',
      'Tom Fletcher',
    ]);
    const ann = matrix.rows.findIndex((r) => r.assessorId === 'iq-ann');
    const simulation = matrix.columns.findIndex((c) => c.value === 'simulation');
    expect(matrix.cells[ann]?.[simulation]).toEqual({ assessments: 1, sampled: 0 });
    const units = coverageMatrix(centre, plan, 'unit');
    expect(units.columns.map((c) => c.label).sort()).toEqual([
      "unit 'Customer service'",
      "unit 'Food safety'",
    ]);
    expect(coverageMatrix(centre, plan, 'location').columns).toHaveLength(2);
  });

  it('marks each assessor compliant once the samples carried out reach their rate', () => {
    const view = rateCompliance(centre, strategy, done);
    expect(view.find((r) => r.assessorId === 'as-tom')).toMatchObject({
      rate: 100,
      assessments: 2,
      done: 2,
      share: 100,
      status: 'compliant',
    });
    expect(view.find((r) => r.assessorId === 'as-priya')?.status).toBe('not compliant');
  });

  it('lists open and overdue actions by owner', () => {
    const a = raiseAction({
      id: 'ap-1',
      sampleId: 'sm-1',
      what: 'Record the questions asked',
      owner: 'as-tom',
      raisedBy: 'iq-ann',
      raisedOn: '2026-03-20',
      due: '2026-04-03',
    });
    const b = respondToAction(
      { ...a, id: 'ap-2' },
      { by: 'as-tom', on: '2026-03-25', text: 'Done' },
    );
    const view = actionDashboard([a, b], '2026-04-10');
    expect(view.overdue.map((x) => x.id)).toEqual(['ap-1']);
    expect(view.answered.map((x) => x.id)).toEqual(['ap-2']);
    expect(view.byOwner).toEqual([{ owner: 'as-tom', outstanding: 2, overdue: 1 }]);
  });
});
