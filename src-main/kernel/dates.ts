/**
 * How every screen, record, form and report writes a date: "2 Dec 2026", and with a time
 * "2 Dec 2026, 14:05". Day before month and the month in words, so no one reads 12/02 as
 * 2 December or 12 February by mistake.
 *
 * Imports nothing, so the renderer can use it without pulling in zod or Node.
 */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Times are shown as the clocks in the UK show them, whatever the computer's own zone. */
const UK_ZONE = 'Europe/London';

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

let ukParts: Intl.DateTimeFormat | null = null;

/** The UK calendar date and clock time of a moment, as numbers. */
function inUk(time: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  ukParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: UK_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(
    ukParts.formatToParts(time).map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? time.getUTCFullYear(),
    month: parts.month ?? time.getUTCMonth() + 1,
    day: parts.day ?? time.getUTCDate(),
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

const dayMonthYear = (year: number, month: number, day: number) =>
  `${day} ${months[month - 1] ?? month} ${year}`;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-12-02" → "2 Dec 2026". A moment ("2026-12-02T23:30:00Z") gives its UK calendar day.
 * Empty for nothing; text that is not a date comes back as it was.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = calendarDate.exec(value);
  if (day) return dayMonthYear(Number(day[1]), Number(day[2]), Number(day[3]));
  if (!moment.test(value)) return value;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const uk = inUk(time);
  return dayMonthYear(uk.year, uk.month, uk.day);
}

/** "2026-12-02T14:05:09Z" → "2 Dec 2026, 14:05" (UK time); a calendar date alone has no time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (calendarDate.test(value) || !moment.test(value)) return formatDate(value);
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const uk = inUk(time);
  return `${dayMonthYear(uk.year, uk.month, uk.day)}, ${two(uk.hour)}:${two(uk.minute)}`;
}

/**
 * A file name as the screen shows it, with any date in it written the UK way:
 * "2026-11-20 observation.pdf" and "2026-11-20-observation.pdf" → "20 Nov 2026 observation.pdf".
 * The file keeps its name on disk; only what people read changes.
 */
export function formatFileName(name: string): string {
  return name.replace(
    /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d])([-_ ]?)/g,
    (whole, date: string, gap: string) => {
      const shown = formatDate(date);
      if (!/^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(shown)) return whole;
      return gap ? `${shown} ` : shown;
    },
  );
}

/** "2026-11" → "Nov 2026", for months of a plan or report. */
export function formatMonth(value: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  return month ? `${months[Number(month[2]) - 1] ?? month[2]} ${month[1]}` : value;
}

/** "1 Sep 2026 to 31 Aug 2027". */
export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/** Today's calendar date in the UK, as the paperwork stores it (YYYY-MM-DD). */
export function ukToday(now: Date = new Date()): string {
  const uk = inUk(now);
  return `${uk.year}-${two(uk.month)}-${two(uk.day)}`;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * A date as people in the UK type it, to YYYY-MM-DD: "2/12/2026", "02.12.26", "2 Dec 2026",
 * "2 December 2026", or "2026-12-02". Day always before month. Null when it is not a real date.
 */
export function parseUkDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (!t) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})$/.exec(t);
  if (numeric) return isoOf(fullYear(numeric[3]!), Number(numeric[2]), Number(numeric[1]));
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4}|\d{2})$/.exec(t);
  if (words) {
    const name = words[2]!;
    const month = name.length >= 3 ? monthNames.findIndex((m) => m.startsWith(name)) + 1 : 0;
    if (!month) return null;
    return isoOf(fullYear(words[3]!), month, Number(words[1]));
  }
  return null;
}

/* Calendar-date arithmetic on YYYY-MM-DD strings, in UTC so that no time zone shifts a day. */

const DAY = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** "2026-12-02" and 3 → "2026-12-05". */
export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
