import { isAtOrAbove } from './level';
import type { Qualification } from './qualification-schema';

export interface UnitCredit {
  id: string;
  credits: number | null;
  level: string | null;
  /** Used in the plain-words lines; the id is shown when there is no title. */
  title?: string;
}

export interface GroupProgress {
  title: string;
  credits: number;
  counted: number;
  minCredits: number;
  maxCredits: number | null;
  met: boolean;
}

export interface QualificationAssessment {
  achieved: boolean;
  /** What is still needed, one plain-words line each. */
  missing: string[];
  /** Credits that count towards the qualification (a group's maximum caps what it adds). */
  creditsAchieved: number;
  creditsAtOrAboveLevel: number | null;
  groups: GroupProgress[];
  /** Things worth knowing that do not stop achievement, such as credits over a group's maximum. */
  notes: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the assessment adds up as it goes: credits counted, and what is missing or worth a note. */
class Tally {
  readonly library: Map<string, UnitCredit>;
  readonly missing: string[] = [];
  readonly notes: string[] = [];
  readonly counted = new Set<string>();
  creditsAchieved = 0;
  levelCredits = 0;

  constructor(
    units: UnitCredit[],
    readonly achieved: Set<string>,
    private readonly level: string | undefined,
  ) {
    this.library = new Map(units.map((u) => [u.id, u]));
  }

  name(id: string): string {
    const title = this.library.get(id)?.title;
    return title ? `"${title}"` : id;
  }

  /** Counts a unit's credits, up to `limit`, once. */
  count(id: string, limit: number): number {
    const credits = Math.min(this.library.get(id)?.credits ?? 0, Math.max(limit, 0));
    this.counted.add(id);
    this.creditsAchieved += credits;
    if (this.level && isAtOrAbove(this.library.get(id)?.level ?? null, this.level))
      this.levelCredits += credits;
    return credits;
  }
}

/** Units the qualification names that the library lacks, or that carry no credit value. */
function checkReferenced(qualification: Qualification, tally: Tally): void {
  const referenced = [
    ...qualification.mandatoryUnitIds,
    ...qualification.optionalGroups.flatMap((g) => g.unitIds),
  ];
  for (const id of new Set(referenced)) {
    if (!tally.library.has(id)) {
      tally.missing.push(`Unit ${id} is part of the qualification but is not in the unit library.`);
    } else if (tally.library.get(id)?.credits == null) {
      tally.notes.push(`Unit ${tally.name(id)} has no credit value, so it adds no credits.`);
    }
  }
}

/** An optional group: the credits achieved in it, and how many of them count (its maximum). */
function groupProgress(
  group: Qualification['optionalGroups'][number],
  tally: Tally,
): GroupProgress {
  let credits = 0;
  let countedInGroup = 0;
  for (const id of group.unitIds) {
    if (tally.counted.has(id) || !tally.achieved.has(id)) continue;
    credits += tally.library.get(id)?.credits ?? 0;
    const room = group.maxCredits === null ? Infinity : group.maxCredits - countedInGroup;
    countedInGroup += tally.count(id, room);
  }
  const met = credits >= group.minCredits;
  if (!met) {
    tally.missing.push(
      `${group.title}: ${plural(credits, 'credit')} achieved of the ${group.minCredits} needed (${group.minCredits - credits} more).`,
    );
  }
  if (countedInGroup < credits) {
    tally.notes.push(
      `${group.title}: only ${group.maxCredits} of the ${credits} credits achieved count towards the qualification.`,
    );
  }
  return {
    title: group.title,
    credits,
    counted: countedInGroup,
    minCredits: group.minCredits,
    maxCredits: group.maxCredits,
    met,
  };
}

/**
 * Has a learner achieved the qualification from the units they have achieved, and if not, what
 * is missing. A unit counts once, under the first rule that lists it (mandatory first).
 */
export function assessQualification(
  qualification: Qualification,
  units: UnitCredit[],
  achievedUnitIds: string[],
): QualificationAssessment {
  const rule = qualification.minCreditsAtOrAboveLevel;
  const tally = new Tally(units, new Set(achievedUnitIds), rule?.level);
  const { missing } = tally;
  checkReferenced(qualification, tally);

  for (const id of qualification.mandatoryUnitIds) {
    if (tally.counted.has(id)) continue;
    if (tally.achieved.has(id)) tally.count(id, Infinity);
    else missing.push(`Mandatory unit ${tally.name(id)} is not yet achieved.`);
  }
  const groups = qualification.optionalGroups.map((group) => groupProgress(group, tally));

  const { creditsAchieved, levelCredits } = tally;
  if (creditsAchieved < qualification.minTotalCredits) {
    missing.push(
      `${plural(creditsAchieved, 'credit')} achieved of the ${qualification.minTotalCredits} the qualification needs (${qualification.minTotalCredits - creditsAchieved} more).`,
    );
  }
  if (rule && levelCredits < rule.credits) {
    missing.push(
      `${plural(levelCredits, 'credit')} achieved at level ${rule.level} or above of the ${rule.credits} needed (${rule.credits - levelCredits} more).`,
    );
  }

  return {
    achieved: missing.length === 0,
    missing,
    creditsAchieved,
    creditsAtOrAboveLevel: rule ? levelCredits : null,
    groups,
    notes: tally.notes,
  };
}
