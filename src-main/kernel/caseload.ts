/**
 * The parts of a progress-matrix row (decision/decision-views.ts) the caseload reads, named here so
 * the kernel imports nothing and the screens can count with it too.
 */
export interface CaseloadRow {
  learnerId: string;
  name: string;
  assessorIds: readonly string[];
  lastActivityOn: string | null;
  cells: readonly {
    unitId: string;
    signOff: string;
    met: number;
    total: number;
    notYetMet: number;
    readyToSignOff: boolean;
  }[];
}

/** Four weeks without a decision or new evidence: time someone saw the learner. */
export const STALE_DAYS = 28;

const DAY = 86_400_000;

/** Whole days from a calendar date to today (both YYYY-MM-DD); null when there is no date. */
export function daysSince(date: string | null, today: string): number | null {
  if (!date) return null;
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY);
}

/** Who needs a visit: criteria waiting for further evidence, or nobody has seen them in four weeks. */
export function needsVisit(row: CaseloadRow, today: string): boolean {
  const open = row.cells.filter((c) => c.signOff === 'open' && c.met < c.total);
  const since = daysSince(row.lastActivityOn, today);
  return (
    open.some((c) => c.notYetMet > 0) || (open.length > 0 && (since === null || since > STALE_DAYS))
  );
}

export interface CaseloadVisit {
  learnerId: string;
  name: string;
  lastActivityOn: string | null;
  /** Null when nothing has happened yet. */
  daysSince: number | null;
  notYetMet: number;
}

export interface CaseloadReady {
  learnerId: string;
  name: string;
  unitId: string;
}

export interface Caseload {
  /** Longest since anyone saw them first. */
  visits: CaseloadVisit[];
  readyToSignOff: CaseloadReady[];
}

/**
 * An assessor's caseload at a glance: who needs a visit (longest since last activity first) and
 * which units are ready to sign off. Everyone's, when no assessor is given.
 */
export function caseload(
  rows: readonly CaseloadRow[],
  today: string,
  assessorId: string | null,
): Caseload {
  const mine = rows.filter((r) => !assessorId || r.assessorIds.includes(assessorId));
  const visits = mine
    .filter((r) => needsVisit(r, today))
    .map((r) => ({
      learnerId: r.learnerId,
      name: r.name,
      lastActivityOn: r.lastActivityOn,
      daysSince: daysSince(r.lastActivityOn, today),
      notYetMet: r.cells.reduce((n, c) => n + c.notYetMet, 0),
    }))
    .sort(
      (a, b) =>
        (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
  const readyToSignOff = mine.flatMap((r) =>
    r.cells
      .filter((c) => c.readyToSignOff)
      .map((c) => ({ learnerId: r.learnerId, name: r.name, unitId: c.unitId })),
  );
  return { visits, readyToSignOff };
}
