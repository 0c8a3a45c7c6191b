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

/**
 * Has a learner achieved the qualification from the units they have achieved, and if not, what
 * is missing. A unit counts once, under the first rule that lists it (mandatory first).
 */
export function assessQualification(
  qualification: Qualification,
  units: UnitCredit[],
  achievedUnitIds: string[],
): QualificationAssessment {
  const library = new Map(units.map((u) => [u.id, u]));
  const achieved = new Set(achievedUnitIds);
  const name = (id: string) => {
    const title = library.get(id)?.title;
    return title ? `"${title}"` : id;
  };
  const missing: string[] = [];
  const notes: string[] = [];
  const counted = new Set<string>();
  let creditsAchieved = 0;
  let levelCredits = 0;
  const level = qualification.minCreditsAtOrAboveLevel?.level;

  const count = (id: string, limit: number) => {
    const credits = Math.min(library.get(id)?.credits ?? 0, Math.max(limit, 0));
    counted.add(id);
    creditsAchieved += credits;
    if (level && isAtOrAbove(library.get(id)?.level ?? null, level)) levelCredits += credits;
    return credits;
  };

  const referenced = [
    ...qualification.mandatoryUnitIds,
    ...qualification.optionalGroups.flatMap((g) => g.unitIds),
  ];
  for (const id of new Set(referenced)) {
    if (!library.has(id)) {
      missing.push(`Unit ${id} is part of the qualification but is not in the unit library.`);
    } else if (library.get(id)?.credits == null) {
      notes.push(`Unit ${name(id)} has no credit value, so it adds no credits.`);
    }
  }

  for (const id of qualification.mandatoryUnitIds) {
    if (counted.has(id)) continue;
    if (achieved.has(id)) count(id, Infinity);
    else missing.push(`Mandatory unit ${name(id)} is not yet achieved.`);
  }

  const groups = qualification.optionalGroups.map((group): GroupProgress => {
    let credits = 0;
    let countedInGroup = 0;
    for (const id of group.unitIds) {
      if (counted.has(id) || !achieved.has(id)) continue;
      credits += library.get(id)?.credits ?? 0;
      const room = group.maxCredits === null ? Infinity : group.maxCredits - countedInGroup;
      countedInGroup += count(id, room);
    }
    const met = credits >= group.minCredits;
    if (!met) {
      missing.push(
        `${group.title}: ${plural(credits, 'credit')} achieved of the ${group.minCredits} needed (${group.minCredits - credits} more).`,
      );
    }
    if (countedInGroup < credits) {
      notes.push(
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
  });

  if (creditsAchieved < qualification.minTotalCredits) {
    missing.push(
      `${plural(creditsAchieved, 'credit')} achieved of the ${qualification.minTotalCredits} the qualification needs (${qualification.minTotalCredits - creditsAchieved} more).`,
    );
  }
  const rule = qualification.minCreditsAtOrAboveLevel;
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
    notes,
  };
}
