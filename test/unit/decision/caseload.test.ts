import { describe, expect, it } from 'vitest';
import { caseload, daysSince, needsVisit } from '../../../src-main/kernel/caseload';
import type { MatrixCell, MatrixRow } from '../../../src-main/decision/decision-views';

const cell = (over: Partial<MatrixCell> = {}): MatrixCell => ({
  unitId: 'unit-a',
  total: 10,
  met: 2,
  evidenced: 3,
  notYetMet: 0,
  warnings: 0,
  signOff: 'open',
  readyToSignOff: false,
  lastAssessedOn: null,
  ...over,
});
const row = (name: string, over: Partial<MatrixRow> = {}): MatrixRow => ({
  learnerId: `ln-${name}`,
  name,
  employer: '',
  workplace: '',
  cohort: '',
  assessorName: 'Priya Sharma',
  assessorIds: ['st-priya'],
  cells: [cell()],
  lastActivityOn: '2026-11-30',
  problem: null,
  ...over,
});
const today = '2026-12-02';

describe('the caseload', () => {
  it('counts whole days since a date', () => {
    expect(daysSince('2026-11-30', today)).toBe(2);
    expect(daysSince(null, today)).toBeNull();
  });

  it('needs a visit after four weeks unseen, or with criteria not yet met', () => {
    expect(needsVisit(row('Seen'), today)).toBe(false);
    expect(needsVisit(row('Unseen', { lastActivityOn: '2026-10-01' }), today)).toBe(true);
    expect(needsVisit(row('Never', { lastActivityOn: null }), today)).toBe(true);
    expect(needsVisit(row('Gaps', { cells: [cell({ notYetMet: 2 })] }), today)).toBe(true);
    const done = row('Done', { lastActivityOn: '2026-01-01', cells: [cell({ met: 10 })] });
    expect(needsVisit(done, today)).toBe(false);
  });

  it('lists visits longest since last activity first, and units ready to sign off', () => {
    const rows = [
      row('Amara', { lastActivityOn: '2026-10-20' }),
      row('Łukasz', { lastActivityOn: '2026-09-01', cells: [cell({ notYetMet: 1 })] }),
      row('Siobhán', { lastActivityOn: null }),
      row('Nguyễn', { cells: [cell({ met: 10, readyToSignOff: true })] }),
      row('Daniel', { assessorIds: ['st-tom'], lastActivityOn: '2026-01-01' }),
    ];
    const mine = caseload(rows, today, 'st-priya');
    expect(mine.visits.map((v) => [v.name, v.daysSince])).toEqual([
      ['Siobhán', null],
      ['Łukasz', 92],
      ['Amara', 43],
    ]);
    expect(mine.readyToSignOff).toEqual([
      { learnerId: 'ln-Nguyễn', name: 'Nguyễn', unitId: 'unit-a' },
    ]);
    expect(caseload(rows, today, null).visits.map((v) => v.name)).toContain('Daniel');
  });
});
