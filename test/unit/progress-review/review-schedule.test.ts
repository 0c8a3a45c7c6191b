import { describe, expect, it } from 'vitest';
import { reviewSchedule, targetOverdue } from '../../../src-main/kernel/progress-review-words';

describe('when a progress review is due', () => {
  const since = '2026-09-01';
  const state = (today: string, weeks = 12) => reviewSchedule(since, null, weeks, today)?.state;

  it('is not due before week 10, due from week 10 to the end of week 12, and overdue after', () => {
    expect(state('2026-11-09')).toBe('not-due'); // 69 days
    expect(state('2026-11-10')).toBe('due'); // 10 weeks
    expect(state('2026-11-24')).toBe('due'); // 12 weeks
    expect(state('2026-11-25')).toBe('overdue');
  });

  it("follows the centre's interval, with the same two-week window before it", () => {
    expect(reviewSchedule(since, null, 8, '2026-10-01')).toMatchObject({
      dueFrom: '2026-10-13',
      dueBy: '2026-10-27',
      state: 'not-due',
    });
    expect(state('2026-10-28', 8)).toBe('overdue');
  });

  it('counts from the first registration until there is a signed review, and not at all without either', () => {
    expect(reviewSchedule(null, '2026-09-01', 12, '2026-12-01')).toMatchObject({
      since: '2026-09-01',
      sinceReview: false,
      state: 'overdue',
    });
    expect(reviewSchedule(null, null, 12, '2026-12-01')).toBeNull();
  });

  it('flags a target past its date unless it was met', () => {
    expect(targetOverdue('2026-11-01', null, '2026-11-24')).toBe(true);
    expect(targetOverdue('2026-11-01', 'partly-met', '2026-11-24')).toBe(true);
    expect(targetOverdue('2026-11-01', 'met', '2026-11-24')).toBe(false);
    expect(targetOverdue('2026-11-24', null, '2026-11-24')).toBe(false);
  });
});
