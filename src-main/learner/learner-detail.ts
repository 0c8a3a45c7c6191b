import type { Learner, StaffMember } from '../centre/centre-schema';
import { activeMappings } from '../portfolio/mapping-schema';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { unitOfRegistration } from '../portfolio/registered-units';
import { unitProgress } from '../decision/progress';
import { unitRef } from '../kernel/unit-label';
import type { StoredUnit } from '../unit/unit-schema';
import type { LearnerDetail, RegistrationView } from './learner-views';
import { unitCriterionKey } from '../kernel/criterion-key';
import { unitOutline } from '../unit/unit-outline';

interface Names {
  staff: readonly StaffMember[];
  person: (id: string) => string;
  witness: (id: string | undefined) => string | null;
}

type Mapping = ReturnType<typeof activeMappings>[number];
type Target = { unitId: string; criterionRef: string; partRef: string | null };

/** Each registration with its unit's title, reference, assessor and progress. */
function registrationViews(
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  names: Names,
): RegistrationView[] {
  return portfolio.registrations.map((r): RegistrationView => {
    const unit = unitOfRegistration(units, r);
    const progress = unit
      ? unitProgress(portfolio, unit, names.staff)
      : { criteria: { total: 0, met: 0, evidenced: 0 }, signedOff: false };
    return {
      id: r.id,
      unitId: r.unitId,
      unitVersion: r.unitVersion,
      unitTitle: unit?.title ?? 'A unit this workspace no longer holds',
      unitRef: unit ? unitRef(unit) : r.unitId,
      assessorId: r.assessorId,
      assessorName: names.person(r.assessorId),
      qualification: r.qualification,
      withdrawn: r.withdrawn,
      progress: { ...progress.criteria, signedOff: progress.signedOff },
    };
  });
}

/** The units the learner is on, outlined with the evidence mapped to each criterion and part. */
function criteriaTree(portfolio: Portfolio, units: readonly StoredUnit[], mappings: Mapping[]) {
  const evidenceFor = (unitId: string, criterionRef: string, partRef: string | null) =>
    mappings
      .filter(
        (m) => m.unitId === unitId && m.criterionRef === criterionRef && m.partRef === partRef,
      )
      .map((m) => m.evidenceId);
  return portfolio.registrations
    .filter((r) => !r.withdrawn)
    .flatMap((r) => {
      const unit = unitOfRegistration(units, r);
      if (!unit) return [];
      return [
        {
          unitId: unit.id,
          unitVersion: unit.version,
          title: unit.title,
          ref: unitRef(unit),
          outcomes: unitOutline(unit.outcomes, (c) => ({
            evidenceIds: evidenceFor(unit.id, c.ref, null),
            parts: c.parts.map((p) => ({ ...p, evidenceIds: evidenceFor(unit.id, c.ref, p.ref) })),
          })),
        },
      ];
    });
}

/** Where each criterion and part stands in the units as the specifications list them. */
function specificationOrder(tree: ReturnType<typeof criteriaTree>): (t: Target) => number {
  const position = new Map<string, number>();
  for (const unit of tree) {
    for (const o of unit.outcomes) {
      for (const c of o.criteria) {
        for (const partRef of [null, ...c.parts.map((p) => p.ref)]) {
          const key = unitCriterionKey({ unitId: unit.unitId, criterionRef: c.ref, partRef });
          position.set(key, position.size);
        }
      }
    }
  }
  return (t) => position.get(unitCriterionKey(t)) ?? Number.MAX_SAFE_INTEGER;
}

/** What the learner's page shows, assembled from the roster, the portfolio and the units. */
export function learnerDetail(
  learner: Learner,
  portfolio: Portfolio,
  units: readonly StoredUnit[],
  names: Names,
  unreadableChanges: readonly string[] = [],
): LearnerDetail {
  const mappings = activeMappings(portfolio);
  const tree = criteriaTree(portfolio, units, mappings);
  const unitOrder = specificationOrder(tree);
  const { dateOfBirth, updatedAt: _a, updatedBy: _b, ...rest } = learner;
  return {
    unreadableChanges: [...unreadableChanges],
    learner: { ...rest, dateOfBirth: dateOfBirth ?? '' },
    registrations: registrationViews(portfolio, units, names),
    units: tree,
    evidence: portfolio.evidence.map((e) => ({
      id: e.id,
      title: e.title,
      producedOn: e.producedOn,
      method: e.method,
      location: e.location,
      producedBy: e.producedBy,
      notes: e.notes,
      record: e.record,
      witnessId: e.witnessId ?? null,
      witnessName: names.witness(e.witnessId),
      file: e.file,
      addedAt: e.addedAt,
      archived: e.archived,
      thirdPartyData: e.thirdPartyData === true,
      targets: mappings
        .filter((m) => m.evidenceId === e.id)
        .map((m) => ({ unitId: m.unitId, criterionRef: m.criterionRef, partRef: m.partRef }))
        .sort((a, b) => unitOrder(a) - unitOrder(b)),
    })),
  };
}
