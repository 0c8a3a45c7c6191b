import type { Learner } from '../centre/centre-schema';
import { latestDecisions } from '../decision/latest-decisions';
import { currentSignOff } from '../decision/lock';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitRef } from '../kernel/unit-label';
import type { StoredUnit } from '../unit/unit-schema';
import type { Names } from './sampling-context';
import type { SampledCriterionView, SampledEvidenceView, SampleDetail } from './sampling-views';
import { criterionKey } from '../kernel/criterion-key';

/**
 * What the assessor decided on a learner's unit, on which evidence and with what feedback,
 * copied out of the portfolio so that nothing the IQA does on this screen can change it.
 */
export function sampledWork(
  learner: Learner,
  portfolio: Portfolio,
  unit: StoredUnit | undefined,
  unitId: string,
  names: Names,
): Pick<SampleDetail, 'learner' | 'unit' | 'criteria' | 'evidence' | 'signedOff'> {
  const evidence = portfolio.evidence.filter((e) => !e.archived);
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const mappings = portfolio.mappings.filter((m) => !m.removed && m.unitId === unitId);
  const decisions = latestDecisions(portfolio, unitId);
  const used = new Set<string>();
  const row = (ref: string, partRef: string | null, text: string): SampledCriterionView => {
    const decision = decisions.get(criterionKey(ref, partRef));
    const titles = mappings
      .filter((m) => m.criterionRef === ref && m.partRef === partRef)
      .flatMap((m) => {
        const e = byId.get(m.evidenceId);
        if (!e) return [];
        used.add(e.id);
        return [e.title];
      });
    return {
      ref,
      partRef,
      text,
      outcome:
        !decision || decision.outcome === 'not-assessed' ? 'not yet assessed' : decision.outcome,
      decidedOn: decision?.decidedOn ?? null,
      assessorName: decision ? names.person(decision.assessorId) : null,
      feedback: decision?.feedback ?? '',
      evidenceTitles: titles,
    };
  };
  const criteria: SampledCriterionView[] = [];
  for (const outcome of unit?.outcomes ?? []) {
    for (const c of outcome.criteria) {
      criteria.push(row(c.ref, null, c.text));
      for (const p of c.parts) criteria.push(row(c.ref, p.ref, p.text));
    }
  }
  const signOff = currentSignOff(portfolio, unitId);
  const shown: SampledEvidenceView[] = evidence
    .filter((e) => used.has(e.id))
    .map((e) => ({
      id: e.id,
      title: e.title,
      method: e.method,
      producedOn: e.producedOn,
      location: e.location,
      producedBy: e.producedBy,
      fileName: e.file?.path.replace(/^evidence\//, '') ?? null,
      record: e.record,
    }))
    .sort((a, b) => a.producedOn.localeCompare(b.producedOn) || a.title.localeCompare(b.title));
  return {
    learner: {
      id: learner.id,
      name: learner.name,
      uln: learner.uln,
      employer: learner.employer,
      workplace: learner.workplace,
    },
    unit: { id: unitId, title: unit?.title ?? unitId, ref: unit ? unitRef(unit) : unitId },
    criteria,
    evidence: shown,
    signedOff: signOff
      ? { on: signOff.signedOffAt.slice(0, 10), by: names.person(signOff.signedOffBy) }
      : null,
  };
}
