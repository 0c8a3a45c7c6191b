import { UserError } from '../kernel/user-error';
import { auditEntry } from '../audit/audit';
import { formatDate } from '../kernel/dates';
import { stamp, type Actor } from '../shared/record';
import type { PopulationAssessor, RiskRating } from '../sampling/population';
import { rateFor, type SamplingStrategy } from '../sampling/strategy';
import type { StandardisationFile } from './standardisation-schema';

export interface RateProposal {
  meetingId: string;
  qualificationId: string;
  assessorId: string;
  assessorName: string;
  currentRate: number;
  currentBasis: string;
  proposedRisk: RiskRating;
  proposedRate: number;
  /** Why, in words the IQA and the EQA read: the meeting, the unit, and the two decisions. */
  reason: string;
}

const decisionWords = { met: 'met', 'not-yet-met': 'not yet met' } as const;

/**
 * After a standardisation meeting where an assessor's own decision differed from the outcome the
 * group agreed, the sampling strategy proposes a higher risk rating (and so a higher rate) for
 * that assessor on the qualification. It only proposes: the IQA raises it or keeps it as it is,
 * and a decision once made is not proposed again.
 */
export function rateProposals(
  meetings: readonly StandardisationFile[],
  strategy: SamplingStrategy,
  qualificationUnitIds: ReadonlySet<string>,
  assessors: readonly PopulationAssessor[],
): RateProposal[] {
  const proposals: RateProposal[] = [];
  for (const meeting of meetings) {
    if (!qualificationUnitIds.has(meeting.unitId)) continue;
    for (const judgement of meeting.judgements) {
      if (judgement.decision === meeting.agreed.decision) continue;
      const decided = meeting.strategyDecisions.some(
        (d) =>
          d.assessorId === judgement.assessorId && d.qualificationId === strategy.qualificationId,
      );
      const assessor = assessors.find((a) => a.id === judgement.assessorId);
      if (decided || !assessor) continue;
      const current = rateFor(assessor, strategy);
      const rating = strategy.assessors.find((r) => r.assessorId === assessor.id);
      const risk = rating?.risk ?? assessor.risk;
      const proposedRisk: RiskRating = risk === 'amber' || risk === 'red' ? 'red' : 'amber';
      const proposedRate = strategy.riskRates[proposedRisk];
      if (proposedRate <= current.rate) continue;
      proposals.push({
        meetingId: meeting.id,
        qualificationId: strategy.qualificationId,
        assessorId: assessor.id,
        assessorName: assessor.name,
        currentRate: current.rate,
        currentBasis: current.basis,
        proposedRisk,
        proposedRate,
        reason: `At standardisation on ${formatDate(meeting.date)} (${meeting.unitTitle}, ${meeting.criteria.join(', ')}) ${assessor.name} judged the evidence ${decisionWords[judgement.decision]}; the agreed outcome was ${decisionWords[meeting.agreed.decision]}.`,
      });
    }
  }
  return proposals;
}

/** The strategy with the assessor's risk raised as proposed, and the reason kept in their note. */
export function raisedStrategy(
  strategy: SamplingStrategy,
  proposal: RateProposal,
): SamplingStrategy {
  const existing = strategy.assessors.find((r) => r.assessorId === proposal.assessorId);
  const note = [existing?.note, `Raised to ${proposal.proposedRisk} risk: ${proposal.reason}`]
    .filter(Boolean)
    .join(' ');
  const rating = {
    ...existing,
    assessorId: proposal.assessorId,
    risk: proposal.proposedRisk,
    note,
  };
  // A rate set by hand would hide the new risk rating, so it gives way to the raised one.
  delete rating.rate;
  return {
    ...strategy,
    assessors: [...strategy.assessors.filter((r) => r.assessorId !== proposal.assessorId), rating],
  };
}

/** The IQA's decision on a proposal, kept on the standardisation record that raised it. */
export function noteStrategyDecision(
  meeting: StandardisationFile,
  proposal: Pick<RateProposal, 'assessorId' | 'qualificationId'>,
  decision: 'raised' | 'kept',
  actor: Actor,
  now: Date,
): StandardisationFile {
  if (actor.role !== 'iqa') {
    throw new UserError('forbidden', 'An IQA decides on the sampling strategy.');
  }
  const entry = auditEntry(
    actor,
    now,
    decision === 'raised'
      ? 'raised sampling rate after standardisation'
      : 'kept sampling rate after standardisation',
    `assessor ${proposal.assessorId}`,
    {
      after: { qualificationId: proposal.qualificationId, decision },
      subject: { personId: proposal.assessorId },
    },
  );
  return {
    ...meeting,
    strategyDecisions: [
      ...meeting.strategyDecisions,
      {
        id: `${meeting.id}-${proposal.assessorId}-${proposal.qualificationId}`,
        ...stamp(actor, now),
        assessorId: proposal.assessorId,
        qualificationId: proposal.qualificationId,
        decision,
      },
    ],
    audit: [...meeting.audit, entry],
  };
}
