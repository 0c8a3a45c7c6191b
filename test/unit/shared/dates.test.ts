import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatFileName,
  formatMonth,
  formatPeriod,
  addDays,
  daysBetween,
  parseUkDate,
  ukToday,
} from '../../../src-main/kernel/dates';

describe('formatDate', () => {
  it('writes a calendar date day first with the month in words', () => {
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDate('2025-03-07')).toBe('7 Mar 2025');
    expect(formatDate('2026-09-30')).toBe('30 Sep 2026');
  });

  it('gives the UK day of a moment, across midnight in summer time', () => {
    expect(formatDate('2026-12-02T14:05:00.000Z')).toBe('2 Dec 2026');
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 Jul 2026');
  });

  it('is empty for nothing and leaves text that is not a date as it was', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not recorded')).toBe('not recorded');
  });
});

describe('formatDateTime', () => {
  it('adds the UK clock time to the date', () => {
    expect(formatDateTime('2026-12-02T14:05:09Z')).toBe('2 Dec 2026, 14:05');
    expect(formatDateTime('2026-07-01T08:00:00+00:00')).toBe('1 Jul 2026, 09:00');
    expect(formatDateTime('2026-12-02T09:03:00+02:00')).toBe('2 Dec 2026, 07:03');
  });

  it('shows a calendar date alone without a time', () => {
    expect(formatDateTime('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('formatPeriod', () => {
  it('joins two dates with "to"', () => {
    expect(formatPeriod({ from: '2026-09-01', to: '2027-08-31' })).toBe(
      '1 Sep 2026 to 31 Aug 2027',
    );
  });
});

describe('ukToday', () => {
  it('is the calendar day in the UK', () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-02');
  });
});

describe('parseUkDate', () => {
  it('reads day-first numeric dates', () => {
    expect(parseUkDate('2/12/2026')).toBe('2026-12-02');
    expect(parseUkDate('02/12/2026')).toBe('2026-12-02');
    expect(parseUkDate('02.12.26')).toBe('2026-12-02');
    expect(parseUkDate(' 2-12-2026 ')).toBe('2026-12-02');
  });

  it('reads dates written with the month in words', () => {
    expect(parseUkDate('2 Dec 2026')).toBe('2026-12-02');
    expect(parseUkDate('2 December 2026')).toBe('2026-12-02');
    expect(parseUkDate('2nd December, 2026')).toBe('2026-12-02');
    expect(parseUkDate('30 Sept 2026')).toBe('2026-09-30');
  });

  it('reads the stored form too', () => {
    expect(parseUkDate('2026-12-02')).toBe('2026-12-02');
  });

  it('refuses what is not a real date', () => {
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseUkDate('12/13/2026')).toBeNull();
    expect(parseUkDate('2 Decem 2026')).toBe('2026-12-02');
    expect(parseUkDate('2 Dx 2026')).toBeNull();
    expect(parseUkDate('tomorrow')).toBeNull();
    expect(parseUkDate('')).toBeNull();
  });

  it('reads back whatever formatDate writes', () => {
    for (const iso of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31']) {
      expect(parseUkDate(formatDate(iso))).toBe(iso);
    }
  });
});

describe('dates as witnesses write them on a form', () => {
  it.each([
    ['2026-02-14', '2026-02-14'],
    ['14/02/2026', '2026-02-14'],
    ['4/2/26', '2026-02-04'],
    ['14.02.2026', '2026-02-14'],
    ['14 February 2026', '2026-02-14'],
    ['1st March 2026', '2026-03-01'],
    [' 3 Sept 2026 ', '2026-09-03'],
  ])('reads %j as %s', (text, day) => expect(parseUkDate(text)).toBe(day));

  it.each(['', 'last Tuesday', '31/02/2026', '2026-13-01', '14 Smarch 2026'])(
    'gives up on %j rather than guess',
    (text) => expect(parseUkDate(text)).toBeNull(),
  );
});

describe('formatMonth', () => {
  it('writes a month in words', () => {
    expect(formatMonth('2026-11')).toBe('Nov 2026');
    expect(formatMonth('next month')).toBe('next month');
  });
});

describe('formatFileName', () => {
  it('writes a date in a file name the UK way, leaving the rest as it is', () => {
    expect(formatFileName('2026-11-20 observation.pdf')).toBe('20 Nov 2026 observation.pdf');
    expect(formatFileName('evidence/2026-05-03-customer-feedback-email.pdf')).toBe(
      'evidence/3 May 2026 customer-feedback-email.pdf',
    );
    expect(formatFileName('minutes 2026-02-01.docx')).toBe('minutes 1 Feb 2026.docx');
    expect(formatFileName('report.pdf')).toBe('report.pdf');
    // Not a real date, or part of a longer number: left alone.
    expect(formatFileName('2026-13-45 notes.txt')).toBe('2026-13-45 notes.txt');
    expect(formatFileName('12026-11-20.txt')).toBe('12026-11-20.txt');
  });
});

describe('calendar arithmetic', () => {
  it('counts whole days across month, year and clock changes', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });
});
