import { describe, expect, it } from 'vitest';
import { summariseCoverage } from '../../../src-main/sampling/coverage';
import {
  addSample,
  recordActualDate,
  removeSample,
  rescheduleSample,
} from '../../../src-main/sampling/plan-edit';
import { planSample } from '../../../src-main/sampling/plan-sample';
import { centre, strategy } from './example-centre';

const proposed = planSample(centre, strategy, { seed: 1 }).plan;
const amys = proposed.samples.find((s) => s.learnerId === 'ln-amy');

describe("the IQA's changes to a plan", () => {
  it('adds a sample with its reason and refuses one the IQA assessed', () => {
    const withFin = addSample(proposed, centre, {
      learnerId: 'ln-fin',
      unitId: 'u-service',
      iqaId: 'iq-ann',
      plannedDate: '2026-05-01',
      reason: 'assessor asked for a second look',
    });
    expect(withFin.samples.at(-1)).toMatchObject({
      type: 'summative',
      origin: 'added',
      reasons: ['assessor asked for a second look'],
    });
    expect(() =>
      addSample(proposed, centre, {
        learnerId: 'ln-fin',
        unitId: 'u-food',
        iqaId: 'iq-ann',
        plannedDate: '2026-05-01',
      }),
    ).toThrow('An IQA cannot sample a decision they made as assessor.');
  });

  it('keeps summative samples after the unit decision and inside the period', () => {
    expect(() =>
      addSample(proposed, centre, {
        learnerId: 'ln-cal',
        unitId: 'u-service',
        iqaId: 'iq-ann',
        plannedDate: '2026-05-01',
        type: 'summative',
      }),
    ).toThrow('This unit is still in progress, so it can be sampled as interim only.');
    expect(() => rescheduleSample(proposed, centre, amys?.id ?? '', '2026-02-01')).toThrow(
      'The unit decision was made on 10 Feb 2026; a summative sample can only follow it.',
    );
    expect(() => rescheduleSample(proposed, centre, amys?.id ?? '', '2026-07-01')).toThrow(
      'Plan the sample between 1 Jan 2026 and 30 Jun 2026',
    );
    const moved = rescheduleSample(proposed, centre, amys?.id ?? '', '2026-06-01');
    expect(moved.samples.find((s) => s.id === amys?.id)?.plannedDate).toBe('2026-06-01');
    expect(proposed.samples.find((s) => s.id === amys?.id)?.plannedDate).not.toBe('2026-06-01');
  });

  it('keeps the planned date beside the actual one, which cannot be in the future', () => {
    const done = recordActualDate(proposed, centre, amys?.id ?? '', '2026-03-02', '2026-03-02');
    expect(done.samples.find((s) => s.id === amys?.id)).toMatchObject({
      plannedDate: amys?.plannedDate,
      actualDate: '2026-03-02',
    });
    expect(() =>
      recordActualDate(proposed, centre, amys?.id ?? '', '2026-03-03', '2026-03-02'),
    ).toThrow('A sample cannot be recorded as done on a day still to come.');
  });

  it('keeps a removed sample with its reason, and then names the gap it leaves', () => {
    const removal = { reason: 'learner on leave', by: 'iq-ann', on: '2026-02-01' };
    const without = removeSample(proposed, amys?.id ?? '', removal);
    expect(without.samples.some((s) => s.id === amys?.id)).toBe(false);
    expect(without.removed[0]).toMatchObject({ reason: 'learner on leave', removedBy: 'iq-ann' });
    expect(summariseCoverage(centre, strategy, without).gaps).toContain(
      "no sample covers location 'Scarborough seafront hotel' yet: add one of its 1 assessment",
    );
    expect(() => removeSample(proposed, amys?.id ?? '', { ...removal, reason: ' ' })).toThrow(
      'Say why the sample is being taken out of the plan.',
    );
    const done = recordActualDate(proposed, centre, amys?.id ?? '', '2026-03-02', '2026-03-02');
    expect(() => removeSample(done, amys?.id ?? '', removal)).toThrow(
      'This sample was carried out on 2 Mar 2026, so it stays in the plan',
    );
  });
});
