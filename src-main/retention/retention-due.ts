import { createHash } from 'node:crypto';
import type { Learner } from '../centre/centre-schema';
import {
  retentionEventWords,
  retentionKinds,
  retentionKindWords,
  type RetentionKind,
  type RetentionPolicy,
} from '../centre/retention-policy';
import type { Portfolio } from '../portfolio/portfolio-schema';

/** When each event a period is counted from happened, from the portfolio; null when not yet. */
export interface LearnerEvents {
  certification: string | null;
  withdrawal: string | null;
  'last-activity': string | null;
}

const latest = (dates: readonly string[]): string | null =>
  dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;

/**
 * Certification: every unit the learner is registered on (and not withdrawn from) signed off,
 * on the day of the last sign-off. Withdrawal: every registration withdrawn. Last activity: the
 * newest entry on the learner's audit trail.
 */
export function learnerEvents(portfolio: Portfolio): LearnerEvents {
  const live = portfolio.registrations.filter((r) => !r.withdrawn);
  const signed = live.map(
    (r) =>
      portfolio.signOffs.find(
        (s) =>
          s.unitId === r.unitId &&
          !s.voidedAt &&
          !portfolio.conflicts?.some((c) => c.signOffId === s.id),
      )?.signedOffAt ?? null,
  );
  const certification =
    live.length && signed.every((d) => d !== null) ? latest(signed as string[]) : null;
  const all = portfolio.registrations;
  const withdrawal =
    all.length && all.every((r) => r.withdrawn) ? latest(all.map((r) => r.updatedAt)) : null;
  const activity = latest(
    portfolio.audit.filter((a) => !/^erased|^merged/.test(a.action)).map((a) => a.at),
  );
  return { certification, withdrawal, 'last-activity': activity };
}

/** A date some whole years after an ISO moment, as YYYY-MM-DD. */
export function yearsAfter(moment: string, years: number): string {
  const d = new Date(moment);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export interface RetentionItem {
  kind: RetentionKind;
  words: string;
  /** "3 years from certification". */
  period: string;
  eventOn: string | null;
  /** The day the period ends; null while its event has not happened. */
  endsOn: string | null;
  past: boolean;
}

export interface LearnerRetention {
  learnerId: string;
  name: string;
  items: RetentionItem[];
  /** What an erasure would take, and what it keeps, in words. */
  wouldGo: string[];
  mustStay: string[];
  /** The erasure the periods allow: the evidence alone, or the learner's personal details too. */
  scope: 'evidence' | 'learner' | null;
  erasedOn: string | null;
}

/** The name a learner is known by once their personal details are erased. */
export function pseudonymOf(learnerId: string): string {
  return `Learner ${createHash('sha256').update(learnerId).digest('hex').slice(0, 4).toUpperCase()}`;
}

/** Where one learner stands against the centre's retention policy on `today` (YYYY-MM-DD). */
export function learnerRetention(
  learner: Learner,
  portfolio: Portfolio,
  policy: RetentionPolicy,
  today: string,
): LearnerRetention {
  const events = learnerEvents(portfolio);
  const items = retentionKinds.map((kind): RetentionItem => {
    const { years, from } = policy[kind];
    const eventOn = events[from];
    const endsOn = eventOn ? yearsAfter(eventOn, years) : null;
    return {
      kind,
      words: retentionKindWords[kind],
      period: `${years} year${years === 1 ? '' : 's'} from ${retentionEventWords[from]}`,
      eventOn: eventOn?.slice(0, 10) ?? null,
      endsOn,
      past: endsOn !== null && endsOn <= today,
    };
  });
  const past = (k: RetentionKind) => items.find((i) => i.kind === k)?.past ?? false;
  const erasure = portfolio.erasures.at(-1) ?? null;
  const fully = portfolio.erasures.some((e) => e.scope === 'learner');
  const evidenceLeft = portfolio.evidence.filter(
    (e) => !portfolio.erasures.some((x) => x.evidence.some((v) => v.id === e.id)),
  );
  const scope = fully
    ? null
    : past('portfolio')
      ? 'learner'
      : (past('evidence') || past('witnessContacts')) && evidenceLeft.length
        ? 'evidence'
        : null;
  const files = evidenceLeft.filter((e) => e.file).length;
  const wouldGo =
    scope === null
      ? []
      : [
          `${files} evidence file${files === 1 ? '' : 's'} and the details of ${evidenceLeft.length} evidence item${evidenceLeft.length === 1 ? '' : 's'}`,
          'witnesses’ names and contact details',
          ...(scope === 'learner'
            ? [
                'the learner’s name, ULN, date of birth, employer, workplace and needs (replaced by a pseudonym)',
                'the learner’s drawn or typed signatures (their hashes stay)',
                'issued record files in the portfolio (their hashes stay)',
                'the learner’s part of the centre’s copies of EQA visit packs',
              ]
            : []),
        ];
  const mustStay =
    scope === null
      ? []
      : [
          'assessment decisions, sign-offs and their signatures’ hashes',
          'issued records’ hashes, so records already issued still verify',
          'each evidence file’s SHA-256',
          `the audit trail${scope === 'learner' ? ', with the learner pseudonymised' : ''}`,
          ...(past('qa') ? [] : ['QA records (their period has not ended)']),
        ];
  return {
    learnerId: learner.id,
    name: learner.name,
    items,
    wouldGo,
    mustStay,
    scope,
    erasedOn: erasure?.erasedAt.slice(0, 10) ?? null,
  };
}
