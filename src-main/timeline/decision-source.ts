import { formatDate } from '../kernel/dates';
import type { CriterionDecision } from '../portfolio/decision-schema';
import { markingLink } from './links';
import { instantOf, type TimelineEvent, type TimelineSource } from './timeline-entry';

const outcomeWords: Record<CriterionDecision['outcome'], string> = {
  met: 'met',
  'not-yet-met': 'not yet met',
  'not-assessed': 'not assessed',
};

function criterionWords(d: CriterionDecision): string {
  return d.partRef ? `${d.criterionRef} ${d.partRef}` : d.criterionRef;
}

function decisionWords(d: CriterionDecision): string {
  const criterion = criterionWords(d);
  if (d.revises) {
    const step = d.revises.kind === 'undo' ? 'Undone' : 'Made again';
    return `${step}: ${criterion} now ${outcomeWords[d.outcome]}`;
  }
  if (d.outcome === 'not-assessed') return `${criterion} set back to not assessed`;
  return `${criterion} ${outcomeWords[d.outcome]}`;
}

/**
 * When a decision happened: the moment it was recorded when that is on the day the assessor
 * gave, else the day alone (a decision recorded later for an earlier assessment).
 */
function momentOf(d: CriterionDecision): string {
  const recorded = instantOf(d.updatedAt);
  const day = instantOf(d.decidedOn);
  return recorded >= day && recorded < day + 86_400_000 ? d.updatedAt : d.decidedOn;
}

/**
 * Every decision on a criterion. The decisions one assessor made on one unit on one day are one
 * entry that lists them, so a learner with thousands of decisions still reads as a journey.
 */
export const decisionSource: TimelineSource = ({ learnerId, portfolio, names }) => {
  const bursts = new Map<string, CriterionDecision[]>();
  for (const d of portfolio.decisions) {
    const key = `${d.unitId}\u0000${d.decidedOn}\u0000${d.assessorId}`;
    const burst = bursts.get(key);
    if (burst) burst.push(d);
    else bursts.set(key, [d]);
  }
  return [...bursts.values()].map((burst) => {
    const first = burst[0]!;
    const unit = names.unit(first.unitId);
    const who = names.person(first.assessorId);
    const items: TimelineEvent[] = burst.map((d) => ({
      key: `decision:${d.id}`,
      at: momentOf(d),
      who,
      what: decisionWords(d),
      link: markingLink(learnerId, d.unitId, d),
    }));
    if (items.length === 1) {
      const only = items[0]!;
      return {
        ...only,
        kind: 'decision' as const,
        what: `Decision on ${unit}: ${only.what}`,
        items: [],
      };
    }
    const latest = items.reduce((a, b) => (instantOf(b.at) > instantOf(a.at) ? b : a));
    return {
      key: `decisions:${first.unitId}:${first.decidedOn}:${first.assessorId}`,
      kind: 'decision' as const,
      at: latest.at,
      who,
      what: `${burst.length} decisions on ${unit}, assessed ${formatDate(first.decidedOn)}: ${tally(burst)}`,
      link: markingLink(learnerId, first.unitId),
      items,
    };
  });
};

function tally(burst: readonly CriterionDecision[]): string {
  const counts = new Map<string, number>();
  for (const d of burst) {
    const word = d.revises ? 'undone or made again' : outcomeWords[d.outcome];
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].map(([word, n]) => `${n} ${word}`).join(', ');
}
