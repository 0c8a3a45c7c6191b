import { formatDate } from '../kernel/dates';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { learnerTab } from './links';
import type { TimelineEntry, TimelineNames, TimelineSource } from './timeline-entry';

type Plan = Portfolio['assessmentPlans'][number];

const roleWords = { learner: 'Learner', assessor: 'Assessor', employer: 'Employer' } as const;

/**
 * Assessment plans: each drafted (a first plan, or a new version revising an agreed one), each
 * signature given on it, and its agreement. Every entry opens the plan on the Plans tab.
 */
export const planSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.assessmentPlans.flatMap((plan) => {
    const link = learnerTab(learnerId, 'plans', { plan: plan.id });
    const entry = (key: string, at: string, who: string, what: string): TimelineEntry => ({
      key,
      kind: 'plan',
      at,
      who,
      what,
      link,
      items: [],
    });
    const called = planName(plan);
    const out: TimelineEntry[] = [];
    const drafted = portfolio.audit.find((a) => a.target === `plan ${plan.id}`);
    if (drafted && drafted.action.startsWith('drafted')) {
      out.push(
        entry(
          `plan-drafted:${plan.id}`,
          drafted.at,
          names.person(drafted.by),
          plan.revises
            ? `Assessment plan revised: version ${plan.version} drafted${visitWords(plan)}`
            : `Assessment plan drafted${visitWords(plan)}`,
        ),
      );
    }
    for (const s of plan.signatures) {
      out.push(
        entry(
          `plan-signed:${plan.id}:${s.role}`,
          s.signedAt,
          s.name,
          `${roleWords[s.role]} signed ${called} (${s.method === 'drawn' ? 'drawn' : 'typed'} signature)`,
        ),
      );
    }
    if (plan.status === 'agreed') {
      out.push(
        entry(
          `plan:${plan.id}`,
          agreedAt(plan),
          names.person(plan.assessorId ?? plan.updatedBy),
          agreedWords(plan, names),
        ),
      );
    }
    return out;
  });

/** "version 2 of the assessment plan for the visit on 20 Nov 2026" */
function planName(plan: Plan): string {
  return `${plan.version > 1 ? `version ${plan.version} of ` : ''}the assessment plan${visitWords(plan)}`;
}

function visitWords(plan: Plan): string {
  return plan.visitDate ? ` for the visit on ${formatDate(plan.visitDate)}` : '';
}

/**
 * The moment a plan became agreed: the later of the learner's and the assessor's signatures; a
 * plan kept before plans were signed has only its day.
 */
export function agreedAt(plan: Plan): string {
  const both = plan.signatures
    .filter((s) => s.role !== 'employer')
    .map((s) => s.signedAt)
    .sort();
  return both.length === 2 ? both[1]! : (plan.agreedOn ?? plan.updatedAt);
}

function agreedWords(plan: Plan, names: TimelineNames): string {
  const units = [...new Set([...plan.unitIds, ...plan.criteria.map((c) => c.unitId)])];
  const experts = plan.expertWitnessIds.map(names.person);
  return [
    `Assessment plan agreed${visitWords(plan)}${plan.version > 1 ? ` (version ${plan.version}, replacing version ${plan.version - 1})` : ''}`,
    plan.criteria.length
      ? `${plan.criteria.length} ${plan.criteria.length === 1 ? 'criterion' : 'criteria'} of ${units.map(names.unit).join(', ')}`
      : units.length
        ? `for ${units.map(names.unit).join(', ')}`
        : '',
    experts.length
      ? `naming ${experts.join(', ')} as expert ${experts.length === 1 ? 'witness' : 'witnesses'}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
}
