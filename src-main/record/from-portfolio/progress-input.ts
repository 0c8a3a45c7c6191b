import { assessQualification } from '../../qualification/assess-qualification';
import { unitProgress } from '../../decision/progress';
import { unitRef } from '../../kernel/unit-label';
import type { StoredUnit } from '../../unit/unit-schema';
import type { EvidenceIndexInput, ProgressInput } from '../build/record-inputs';
import { evidenceRefs, hashEvidence, manifestName } from './evidence-refs';
import { person, recordContext, type RecordStamp } from './record-context';
import { learnersQualification, staffMember, type RecordSource } from './record-source';
import { registeredUnits } from '../../portfolio/registered-units';
import { activeMappings } from '../../portfolio/mapping-schema';
import { activeSignOff } from './unit-record-input';
import { criterionLabel } from '../../kernel/criterion-key';
import { reviewSignedByBoth, reviewStands } from '../../kernel/progress-review-words';

function firstAssessor(source: RecordSource) {
  const reg = registeredUnits(source)[0]?.registration;
  return person(
    reg ? staffMember(source, reg.assessorId) : null,
    'Assessor not recorded',
    'Assessor',
  );
}

/** Where the learner stands against the qualification's rules of combination, in words. */
function rulesPosition(
  source: RecordSource,
  qualification: ReturnType<typeof learnersQualification>,
  achievedIds: string[],
): ProgressInput['rulesOfCombination'] {
  if (!qualification) {
    return {
      position: [
        'No qualification is recorded for this learner, so the rules of combination cannot be checked.',
      ],
    };
  }
  const library = source.units.map((u) => ({
    id: u.id,
    credits: u.credits,
    level: u.level,
    title: u.title,
  }));
  const position = assessQualification(qualification, library, achievedIds);
  return {
    position: [
      position.achieved
        ? `The rules of combination of ${qualification.title} are met.`
        : `The rules of combination of ${qualification.title} are not yet met:`,
      ...position.missing,
      ...position.notes,
    ],
    creditsAchieved: position.creditsAchieved,
    creditsRequired: qualification.minTotalCredits,
  };
}

/**
 * Every unit of the learner's qualification with where they are on it, and the rules of
 * combination position worded by `assessQualification`, the same rule the Units page applies.
 */
export async function progressInput(
  source: RecordSource,
  stamp: RecordStamp,
): Promise<ProgressInput> {
  const qualification = learnersQualification(source);
  const registered = registeredUnits(source);
  const latest = (id: string): StoredUnit | undefined =>
    registered.find((r) => r.unit.id === id)?.unit ??
    source.units.filter((u) => u.id === id).sort((a, b) => b.version - a.version)[0];

  const groups: { group: string; ids: string[] }[] = qualification
    ? [
        { group: 'Mandatory', ids: qualification.mandatoryUnitIds },
        ...qualification.optionalGroups.map((g) => ({ group: g.title, ids: g.unitIds })),
      ]
    : [{ group: 'Registered units', ids: registered.map((r) => r.unit.id) }];

  const achievedIds: string[] = [];
  const seen = new Set<string>();
  const units = groups.flatMap(({ group, ids }) =>
    ids.flatMap((id) => {
      const unit = latest(id);
      if (!unit || seen.has(id)) return [];
      seen.add(id);
      const reg = registered.find((r) => r.unit.id === id);
      const progress = unitProgress(source.portfolio, unit, source.centre.staff);
      const signOff = reg ? activeSignOff(source, reg) : null;
      const achieved = progress.signedOff;
      if (achieved) achievedIds.push(id);
      const started = reg && (progress.criteria.evidenced > 0 || progress.criteria.met > 0);
      return [
        {
          title: unit.title,
          // A unit without codes is known by its title alone; its storage id means nothing on paper.
          ref: unit.codes.ofqual ?? unit.codes.awardingBody ?? '—',
          ...(unit.level ? { level: unit.level } : {}),
          ...(unit.credits !== null ? { credits: unit.credits } : {}),
          group: reg ? group : `${group} (not registered)`,
          criteriaMet: progress.criteria.met,
          criteriaTotal: progress.criteria.total,
          status: achieved
            ? ('achieved' as const)
            : started
              ? ('in progress' as const)
              : ('not started' as const),
          ...(achieved && signOff ? { achievedDate: signOff.signedOffAt.slice(0, 10) } : {}),
        },
      ];
    }),
  );

  const rulesOfCombination = rulesPosition(source, qualification, achievedIds);
  const evidence = source.portfolio.evidence.filter((e) => !e.archived);
  return {
    ...recordContext(source, stamp, await hashEvidence(source.portfolioDir, evidence)),
    asAt: stamp.generatedAt.slice(0, 10),
    assessor: firstAssessor(source),
    units,
    rulesOfCombination,
    ...lastReviewTargets(source),
  };
}

/** The targets of the learner's last standing progress review signed by learner and assessor. */
function lastReviewTargets(source: RecordSource): Pick<ProgressInput, 'lastReview'> {
  const last = source.portfolio.progressReviews
    .filter((r) => reviewStands(r) && reviewSignedByBoth(r))
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id))[0];
  if (!last) return {};
  return {
    lastReview: {
      heldOn: last.heldOn,
      targets: last.targets.map(({ what, byWhen, who }) => ({ what, byWhen, who })),
    },
  };
}

/** Every live evidence item of the portfolio, with its file and the criteria it covers. */
export async function evidenceIndexInput(
  source: RecordSource,
  stamp: RecordStamp,
): Promise<EvidenceIndexInput> {
  const refs = evidenceRefs(source.portfolio);
  const units = registeredUnits(source);
  const several = units.length > 1;
  const evidence = source.portfolio.evidence
    .filter((e) => !e.archived)
    .sort((a, b) =>
      (refs.get(a.id) ?? '').localeCompare(refs.get(b.id) ?? '', 'en', { numeric: true }),
    );
  const mappings = activeMappings(source.portfolio);
  return {
    ...recordContext(source, stamp, await hashEvidence(source.portfolioDir, evidence)),
    assessor: firstAssessor(source),
    items: evidence.map((e) => ({
      ref: refs.get(e.id) ?? e.id,
      title: e.title,
      methods: [e.method],
      date: e.producedOn,
      fileName: manifestName(e) ?? 'Written in the workbench',
      criteriaRefs: mappings
        .filter((m) => m.evidenceId === e.id)
        .map((m) => {
          const unit = units.find((u) => u.unit.id === m.unitId)?.unit;
          const ref = criterionLabel(m.criterionRef, m.partRef);
          return several && unit ? `${unitRef(unit)} ${ref}` : ref;
        }),
    })),
  };
}
