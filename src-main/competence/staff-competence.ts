import type { StaffMember } from '../centre/centre-schema';
import { formatDate } from '../kernel/dates';
import type { StandardisationFile } from './standardisation-schema';
import type { StaffQualification, StaffRecordFile } from './staff-record-schema';

export interface CompetenceFlag {
  severity: 'missing' | 'expired' | 'expiring';
  message: string;
}

export interface Participation {
  meetingId: string;
  date: string;
  unitTitle: string;
  criteria: string[];
  /** The person's own decision, when they judged the piece; null when they attended only. */
  decision: 'met' | 'not-yet-met' | null;
  agreed: 'met' | 'not-yet-met';
  /** Whether their own decision matched the outcome the group agreed. */
  matched: boolean | null;
}

/** The day `days` after a calendar date (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

const live = <T extends { archived: boolean }>(items: readonly T[]) =>
  items.filter((i) => !i.archived);

/**
 * Qualifications the person's role needs (an assessor's award, or one the centre marked as
 * required) whose expiry date has passed. A lapsed one is what the sign-off warns about.
 */
export function lapsedRequired(
  record: StaffRecordFile | null,
  today: string,
): StaffQualification[] {
  return live(record?.qualifications ?? []).filter(
    (q) =>
      q.status === 'achieved' &&
      (q.kind === 'assessor-award' || q.required) &&
      q.expiresOn !== null &&
      q.expiresOn < today,
  );
}

/** What the sign-off says about an assessor whose required qualification has lapsed. */
export function lapsedWarning(
  person: Pick<StaffMember, 'name'>,
  record: StaffRecordFile | null,
  today: string,
): string | null {
  const lapsed = lapsedRequired(record, today);
  if (!lapsed.length) return null;
  const what = lapsed.map((q) => `${q.title} (expired ${formatDate(q.expiresOn)})`).join(', ');
  return `${person.name}'s required qualification has lapsed: ${what}. Record the renewal on their staff record on the Centre page.`;
}

export function participationOf(
  personId: string,
  meetings: readonly StandardisationFile[],
): Participation[] {
  return meetings
    .filter((m) => m.attendees.includes(personId))
    .map((m) => {
      const own = m.judgements.find((j) => j.assessorId === personId);
      return {
        meetingId: m.id,
        date: m.date,
        unitTitle: m.unitTitle,
        criteria: m.criteria,
        decision: own?.decision ?? null,
        agreed: m.agreed.decision,
        matched: own ? own.decision === m.agreed.decision : null,
      };
    });
}

function expiryFlag(what: string, expiresOn: string | null, today: string, warnDays: number) {
  if (!expiresOn) return null;
  if (expiresOn < today) {
    return { severity: 'expired', message: `${what} expired on ${formatDate(expiresOn)}` } as const;
  }
  if (expiresOn <= addDays(today, warnDays)) {
    return {
      severity: 'expiring',
      message: `${what} expires on ${formatDate(expiresOn)}`,
    } as const;
  }
  return null;
}

/**
 * What an EQA would ask about and not find, or find out of date, for one assessor or IQA:
 * their awards, occupational competence, CPD in the last year, standardisation, and expiry dates.
 */
export function competenceFlags(
  person: StaffMember,
  record: StaffRecordFile | null,
  participation: readonly Participation[],
  today: string,
  warnDays: number,
): CompetenceFlag[] {
  const flags: CompetenceFlag[] = [];
  const quals = live(record?.qualifications ?? []);
  const has = (kind: StaffQualification['kind']) => quals.some((q) => q.kind === kind);
  const assessor = person.roles.includes('assessor');
  const iqa = person.roles.includes('iqa');
  if (!assessor && !iqa) return flags;
  const missing = (message: string) => flags.push({ severity: 'missing', message });
  if (assessor && !has('assessor-award')) missing('No assessor award recorded');
  if (iqa && !has('iqa-award')) missing('No IQA award recorded');
  if (!has('occupational')) missing('No occupational qualification recorded');
  if (!live(record?.experience ?? []).length) missing('No occupational experience recorded');
  const yearAgo = addDays(today, -365);
  if (!live(record?.cpd ?? []).some((c) => c.date >= yearAgo && c.date <= today)) {
    missing('No CPD recorded in the last 12 months');
  }
  if (assessor && !participation.some((p) => p.date >= yearAgo && p.date <= today)) {
    missing('No standardisation attended in the last 12 months');
  }
  for (const q of quals) {
    const flag = expiryFlag(q.title, q.expiresOn, today, warnDays);
    if (flag) flags.push(flag);
  }
  for (const c of live(record?.checks ?? [])) {
    const flag = expiryFlag(c.name, c.expiresOn, today, warnDays);
    if (flag) flags.push(flag);
  }
  return flags;
}
