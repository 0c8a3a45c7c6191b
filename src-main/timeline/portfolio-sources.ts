import { formatDate } from '../kernel/dates';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { learnerTab, markingLink, recordLink } from './links';
import type { TimelineContext, TimelineEntry, TimelineSource } from './timeline-entry';

const single = (entry: Omit<TimelineEntry, 'items'>): TimelineEntry => ({ ...entry, items: [] });

/** Units the learner was registered on, and registrations withdrawn. */
export const registrationSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.registrations.flatMap((r) => {
    const link = learnerTab(learnerId, 'units');
    const unit = names.unit(r.unitId);
    const registered = single({
      key: `registration:${r.id}`,
      kind: 'registration',
      at: r.registeredAt,
      who: names.person(r.assessorId),
      what: `Registered on ${unit}${r.qualification ? ` towards ${r.qualification}` : ''}, with ${names.person(r.assessorId)} as assessor`,
      link,
    });
    if (!r.withdrawn) return [registered];
    const withdrawn = single({
      key: `withdrawn:${r.id}`,
      kind: 'registration',
      at: r.updatedAt,
      who: names.person(r.updatedBy),
      what: `Registration on ${unit} withdrawn`,
      link,
    });
    return [registered, withdrawn];
  });

/** Evidence added to the portfolio (archived items too: they were added). */
export const evidenceSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.evidence.map((e) =>
    single({
      key: `evidence:${e.id}`,
      kind: 'evidence',
      at: e.addedAt,
      who: names.person(firstAuthor(portfolio, `evidence ${e.id}`) ?? e.updatedBy),
      what: `Evidence added: “${e.title}” (${e.method}, produced ${formatDate(e.producedOn)})${e.archived ? ', since archived' : ''}`,
      link: learnerTab(learnerId, 'evidence', { evidence: e.id }),
    }),
  );

/** Witness testimony forms sent out, and those that came back. */
export const witnessFormSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.witnessForms.flatMap((f) => {
    const unit = names.unit(f.unitId);
    const witness = f.witnessName || 'a witness';
    const sent = single({
      key: `form-sent:${f.id}`,
      kind: 'witness',
      at: f.sentAt,
      who: names.person(firstAuthor(portfolio, `form ${f.id}`) ?? f.updatedBy),
      what: `Witness testimony form sent to ${witness} for ${unit} (${f.criteria.length} ${f.criteria.length === 1 ? 'criterion' : 'criteria'})`,
      link: learnerTab(learnerId, 'witness'),
    });
    if (!f.returnedAt) return [sent];
    const testimony = portfolio.testimonies.find((t) => t.formId === f.id);
    const returned = single({
      key: `form-returned:${f.id}`,
      kind: 'witness',
      at: f.returnedAt,
      who: names.person(testimony?.updatedBy ?? f.updatedBy),
      what: `Witness testimony form returned by ${witness} for ${unit}`,
      link: f.evidenceId
        ? learnerTab(learnerId, 'evidence', { evidence: f.evidenceId })
        : learnerTab(learnerId, 'witness'),
    });
    return [sent, returned];
  });

/** Units signed off, countersigned and unlocked; the learner's and assessor's declarations. */
export const signOffSource: TimelineSource = (context) => [
  ...signOffEvents(context),
  ...declarationEvents(context),
];

function signOffEvents({ learnerId, portfolio, names }: TimelineContext): TimelineEntry[] {
  return portfolio.signOffs.flatMap((s) => {
    const unit = names.unit(s.unitId);
    const link = markingLink(learnerId, s.unitId);
    const out = [
      single({
        key: `sign-off:${s.id}`,
        kind: 'sign-off',
        at: s.signedOffAt,
        who: names.person(s.signedOffBy),
        what: `Signed off ${unit}`,
        link,
      }),
    ];
    if (s.countersignedAt && s.countersignedBy) {
      out.push(
        single({
          key: `countersign:${s.id}`,
          kind: 'sign-off',
          at: s.countersignedAt,
          who: names.person(s.countersignedBy),
          what: `Countersigned the sign-off of ${unit}`,
          link,
        }),
      );
    }
    if (s.voidedAt && s.voidedBy) {
      out.push(
        single({
          key: `unlock:${s.id}`,
          kind: 'sign-off',
          at: s.voidedAt,
          who: names.person(s.voidedBy),
          what: `Unlocked ${unit}${s.voidReason ? `: ${s.voidReason}` : ''}`,
          link,
        }),
      );
    }
    return out;
  });
}

/** Countersignatures are on the sign-off's own line, so only the declarations are listed here. */
function declarationEvents({ learnerId, portfolio, names }: TimelineContext): TimelineEntry[] {
  return portfolio.signatures
    .filter((s) => s.purpose !== 'countersignature')
    .map((s) => {
      const learner = s.purpose === 'learner-declaration';
      return single({
        key: `signature:${s.id}`,
        kind: 'sign-off',
        at: s.signedAt,
        who: learner ? names.learner : names.person(s.personId),
        what: `${learner ? 'Learner' : 'Assessor'} signed the declaration for ${names.unit(s.unitId)}${s.voidedAt ? ' (since voided by an unlock)' : ''}`,
        link: markingLink(learnerId, s.unitId),
      });
    });
}

const recordWords: Record<Portfolio['issuedRecords'][number]['kind'], string> = {
  'unit-record': 'unit assessment record',
  observation: 'observation record',
  discussion: 'professional discussion record',
  progress: 'progress record',
  'evidence-index': 'evidence index',
  'progress-review': 'progress review record',
  'assessment-plan': 'assessment plan record',
};

/** Records issued from the portfolio, and each signature put on them afterwards. */
export const recordSource: TimelineSource = ({ learnerId, portfolio, names }) =>
  portfolio.issuedRecords.flatMap((r) => {
    const link = recordLink(learnerId, r.recordId);
    const title = r.title || `${recordWords[r.kind]}${r.unitRef ? ` for ${r.unitRef}` : ''}`;
    const issued = single({
      key: `record:${r.id}`,
      kind: 'record',
      at: r.issuedAt,
      who: names.person(r.issuedBy),
      what: `Issued ${title} (${r.format.toUpperCase()}, ${r.recordId})`,
      link,
    });
    const signed = r.signatures.map((s, i) =>
      single({
        key: `record-signed:${r.id}:${i}`,
        kind: 'record',
        at: s.signedAt,
        who: s.name,
        what: `Signed ${title} as ${s.role} (${r.recordId})`,
        link,
      }),
    );
    return [issued, ...signed];
  });

/** Who made the first change about a record, from the portfolio's audit trail. */
function firstAuthor(portfolio: Portfolio, target: string): string | undefined {
  return portfolio.audit.find((a) => a.target === target)?.by;
}
