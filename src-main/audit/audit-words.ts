import { formatDate, formatDateTime } from '../kernel/dates';

/** The name a person reads for an id (a person, unit, evidence item…), if it is one. */
export type NameOf = (id: string) => string | undefined;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const enumWord = /^[a-z]+(-[a-z]+)+$/;
const hash = /^[0-9a-f]{40,}$/;

/** "signedOffBy" → "signed off by"; "sha256" stays. */
function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function text(value: string, nameOf: NameOf): string {
  const named = nameOf(value);
  if (named) return named;
  if (isoDate.test(value)) return formatDate(value);
  if (isoMoment.test(value)) return formatDateTime(value);
  if (hash.test(value)) return `${value.slice(0, 12)}…`;
  if (value.includes(', ')) {
    const parts = value.split(', ');
    if (parts.some((p) => nameOf(p))) return parts.map((p) => text(p, nameOf)).join(', ');
  }
  if (enumWord.test(value)) return value.replace(/-/g, ' ');
  return value;
}

function shown(value: unknown, nameOf: NameOf): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? '(empty)' : text(value, nameOf);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => shown(v, nameOf)).join(', ') || 'none';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${words(key)}: ${shown(v, nameOf)}`)
      .join('; ');
  }
  return String(value);
}

/**
 * A before or after value of the audit trail as a person reads it: names instead of ids, dates
 * written the UK way, words instead of field names ("signed off by: Priya Sharma").
 */
export function auditValue(value: unknown, nameOf: NameOf): string | null {
  if (value === undefined) return null;
  return shown(value, nameOf) || '—';
}

/** What an entry is about with its ids named: "unit unit-j-508-4003" → "unit J/508/4003". */
export function auditTarget(target: string, nameOf: NameOf): string {
  return target
    .split(' ')
    .map((word) => nameOf(word) ?? word)
    .join(' ');
}
