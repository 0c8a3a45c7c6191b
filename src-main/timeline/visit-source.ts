import { formatDate } from '../kernel/dates';
import type { EqaSampleJudgement, VisitAction, VisitFile } from '../visit-pack/visit-schema';
import { visitLink } from './links';
import { actionEvents } from './sampling-source';
import type { TimelineEntry, TimelineNames, TimelineSource } from './timeline-entry';

const single = (entry: Omit<TimelineEntry, 'items'>): TimelineEntry => ({ ...entry, items: [] });

/**
 * The EQA visits that sampled the learner's work: the pack made for the EQA, the visit itself
 * with what the EQA said of this learner's units, the EQA's signed report imported, and the
 * EQA's actions for the centre raised at that visit that name the learner or one of their units
 * sampled, with each step on them (an action about the whole centre is on no learner's journey).
 * Every entry opens the visit on the Sampling page.
 */
export const visitSource: TimelineSource = ({ learnerId, visits, names }) =>
  visits.flatMap((v) => {
    const link = visitLink(v.id);
    const units = v.samples.filter((s) => s.learnerId === learnerId).map((s) => s.unit);
    const pack = single({
      key: `visit-pack:${v.id}`,
      kind: 'eqa-visit',
      at: v.packMadeAt,
      who: names.person(v.packMadeBy),
      what: `EQA visit pack made, sampling ${units.join(', ')}`,
      link,
    });
    if (!v.report) return [pack];
    return [
      pack,
      ...reportEvents(v, learnerId, names),
      ...v.actions
        .filter((a) => namesLearner(a, v, learnerId, names))
        .flatMap((a) => actionEvents(a, link, names, 'eqa')),
    ];
  });

/** A unit as people name it in words: its reference ("J/508/4003") and its title. */
function unitWords(label: string): string[] {
  const at = label.indexOf(': ');
  return at < 0 ? [label] : [label.slice(0, at), label.slice(at + 2)];
}

/** Whether an EQA action names the learner, or a unit of theirs the visit sampled. */
function namesLearner(
  action: VisitAction,
  visit: VisitFile,
  learnerId: string,
  names: TimelineNames,
): boolean {
  const text = action.what.toLowerCase();
  const words = [
    names.learner,
    ...visit.samples
      .filter((s) => s.learnerId === learnerId)
      .flatMap((s) => [s.unit, ...unitWords(names.unit(s.unitId))]),
  ];
  return words.some((w) => w.trim() !== '' && text.includes(w.trim().toLowerCase()));
}

function reportEvents(v: VisitFile, learnerId: string, names: TimelineNames): TimelineEntry[] {
  const imported = v.report!;
  const { report } = imported;
  const link = visitLink(v.id);
  const judged = report.samples.filter((s) => s.learnerId === learnerId).map(judgement);
  return [
    single({
      key: `visit:${v.id}`,
      kind: 'eqa-visit',
      at: report.visitedOn,
      who: `${report.eqa.name} (EQA, ${report.eqa.awardingBody})`,
      what: `EQA visit by ${report.eqa.name}${judged.length ? `: ${judged.join('; ')}` : ''}`,
      link,
    }),
    single({
      key: `visit-report:${v.id}`,
      kind: 'eqa-visit',
      at: imported.importedAt,
      who: names.person(imported.importedBy),
      what: `The EQA’s signed report of the visit of ${formatDate(report.visitedOn)} imported, with ${report.actions.length} ${report.actions.length === 1 ? 'action' : 'actions'} for the centre`,
      link,
    }),
  ];
}

const view = (agrees: boolean | null, whom: string) =>
  agrees === null
    ? `no view on the ${whom}`
    : `${agrees ? 'agreed' : 'did not agree'} with the ${whom}`;

/** What the EQA said of one of the learner's units. */
function judgement(s: EqaSampleJudgement): string {
  return `${s.unit}: ${view(s.agreesWithAssessor, 'assessor')}, ${view(s.agreesWithIqa, 'IQA')}${s.comment ? ` (“${s.comment}”)` : ''}`;
}
