import { formatDate } from '../kernel/dates';

/** Calendar-date arithmetic on YYYY-MM-DD strings, in UTC so that no time zone shifts a day. */

const DAY = 86_400_000;

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

/** "12 Mar 2026": the one way the workbench writes a date. */
export function longDate(date: string): string {
  return formatDate(date);
}
