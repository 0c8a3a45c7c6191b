const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return '';
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as a witness writes it on a form ("14/02/2026", "14 February 2026", "2026-02-14"),
 * as YYYY-MM-DD; '' when it cannot be read. Day first, as in the UK.
 */
export function readDay(text: string): string {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return valid(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = months.indexOf(m[2]!.slice(0, 3)) + 1;
    return month ? valid(Number(m[3]), month, Number(m[1])) : '';
  }
  return '';
}
