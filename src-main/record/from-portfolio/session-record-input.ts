import { UserError } from '../../kernel/user-error';
import type { Evidence } from '../../portfolio/evidence-schema';
import { activeMappings } from '../../portfolio/mapping-schema';
import { unitRef } from '../../kernel/unit-label';
import type { DiscussionInput, ObservationInput } from '../build/record-inputs';
import { evidenceRefs, hashEvidence } from './evidence-refs';
import { person, recordContext, type RecordStamp } from './record-context';
import { staffMember, type RecordSource } from './record-source';
import { registeredUnits } from '../../portfolio/registered-units';
import { criterionLabel, unitCriterionKey } from '../../kernel/criterion-key';
import { sessionMethods } from '../../kernel/assessment-methods';

/** Records written in the app whose method makes them an observation or a discussion. */
export function sessionEvidence(
  source: RecordSource,
  kind: keyof typeof sessionMethods,
): Evidence[] {
  const methods: readonly string[] = sessionMethods[kind];
  return source.portfolio.evidence.filter((e) => !e.archived && methods.includes(e.method));
}

function pick(source: RecordSource, kind: keyof typeof sessionMethods, evidenceId: string) {
  const item = sessionEvidence(source, kind).find((e) => e.id === evidenceId);
  if (!item) {
    throw new UserError(
      'not-found',
      kind === 'observation'
        ? 'That evidence is not an observation recorded in this portfolio. Choose an item whose method is direct observation.'
        : 'That evidence is not a professional discussion recorded in this portfolio.',
    );
  }
  return item;
}

/** The criteria an item covers, per unit, as "unit ref" and criterion refs ("9.1 a"). */
function targeted(source: RecordSource, evidenceId: string) {
  const units = registeredUnits(source);
  const byUnit = new Map<string, string[]>();
  for (const m of activeMappings(source.portfolio)) {
    if (m.evidenceId !== evidenceId) continue;
    const unit = units.find((u) => u.unit.id === m.unitId)?.unit;
    const ref = unit ? unitRef(unit) : m.unitId;
    byUnit.set(ref, [...(byUnit.get(ref) ?? []), criterionLabel(m.criterionRef, m.partRef)]);
  }
  return [...byUnit].map(([ref, criteriaRefs]) => ({
    unitRef: ref,
    criteriaRefs: [...new Set(criteriaRefs)].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }),
    ),
  }));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Splits an assessor's written record into what was seen and the questions asked, where the
 * record writes them as "Question(s)…: … ? Answer: …", which is how assessors write them.
 */
export function splitQuestions(record: string): {
  narrative: string[];
  questions: { question: string; answer: string }[];
} {
  const at = record.search(/\bquestions?\b[^:]{0,40}:/i);
  const head = at >= 0 ? record.slice(0, at) : record;
  const tail = at >= 0 ? record.slice(record.indexOf(':', at) + 1) : '';
  const segments = tail.split(/\bAnswer:\s*/i);
  const questions: { question: string; answer: string }[] = [];
  let question = (segments[0] ?? '').trim();
  for (let i = 1; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    // The next question is the last sentence of this segment that ends with a question mark.
    const next = i < segments.length - 1 ? /([^.!?]*\?)\s*$/.exec(segment) : null;
    questions.push({
      question: capitalise(question),
      answer: capitalise((next ? segment.slice(0, next.index) : segment).trim()),
    });
    question = (next?.[1] ?? '').trim();
  }
  const narrative = head
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    narrative: narrative.length ? narrative : [record.trim() || 'No account was written.'],
    questions:
      questions.length || !tail.trim() ? questions : [{ question: tail.trim(), answer: '' }],
  };
}

function assessorFor(source: RecordSource, item: Evidence) {
  const units = registeredUnits(source);
  const mappedUnit = activeMappings(source.portfolio).find((m) => m.evidenceId === item.id)?.unitId;
  const registration =
    units.find((u) => u.unit.id === mappedUnit)?.registration ?? units[0]?.registration;
  const assessor = registration ? staffMember(source, registration.assessorId) : null;
  return person(assessor, item.producedBy || 'Assessor not recorded', 'Assessor');
}

/** Work products mapped to the same criteria, for the observation's cross-references. */
function products(source: RecordSource, item: Evidence) {
  const refs = evidenceRefs(source.portfolio);
  const mine = activeMappings(source.portfolio).filter((m) => m.evidenceId === item.id);
  const unitCriterion = (m: { unitId: string; criterionRef: string }) =>
    unitCriterionKey({ unitId: m.unitId, criterionRef: m.criterionRef, partRef: null });
  const keys = new Set(mine.map(unitCriterion));
  const ids = new Set(
    activeMappings(source.portfolio)
      .filter((m) => m.evidenceId !== item.id && keys.has(unitCriterion(m)))
      .map((m) => m.evidenceId),
  );
  return source.portfolio.evidence
    .filter((e) => ids.has(e.id) && !e.archived && e.method === 'product evidence')
    .map((e) => ({ evidence: e, ref: refs.get(e.id) ?? e.title }));
}

export async function observationInput(
  source: RecordSource,
  evidenceId: string,
  stamp: RecordStamp,
): Promise<ObservationInput> {
  const item = pick(source, 'observation', evidenceId);
  const targets = targeted(source, item.id);
  const { narrative, questions } = splitQuestions(item.record);
  const cross = products(source, item);
  const allRefs = targets.flatMap((t) => t.criteriaRefs);
  return {
    ...recordContext(
      source,
      stamp,
      await hashEvidence(source.portfolioDir, [item, ...cross.map((c) => c.evidence)]),
    ),
    unitRef: targets.map((t) => t.unitRef).join(', '),
    assessor: assessorFor(source, item),
    date: item.producedOn,
    startTime: 'Not recorded',
    location: item.location || 'Not recorded',
    targeted: targets,
    narrative,
    questions: questions.map((q) => ({ ...q, criteriaRefs: allRefs })),
    ...(questions.length === 0 && /\bquestion/i.test(item.record)
      ? {
          questionsNote:
            'The questions asked are described in the account of what was observed, above; they were not recorded one by one.',
        }
      : {}),
    feedback: [],
    notes: item.notes.trim() ? [item.notes.trim()] : [],
    learnerComments: [],
    decision: targets.length
      ? `Evidence towards ${allRefs.join(', ')}; decisions are recorded on the unit assessment record.`
      : 'Not mapped to any criterion yet.',
    productRefs: cross.map((c) => ({ ref: c.ref, description: c.evidence.title })),
    // Nobody has signed an observation written in the app: blank boxes, undated, to sign.
    learnerSignature: { date: null },
    assessorSignature: { date: null },
  };
}

/** What was recorded of a discussion, as the portfolio knows it: the file kept, or nothing. */
function recordingOf(item: Evidence): string {
  if (item.file) {
    const kind = item.file.mediaType.startsWith('audio/')
      ? 'Audio recording'
      : item.file.mediaType.startsWith('video/')
        ? 'Video recording'
        : 'Recording';
    return `${kind} kept as evidence: ${item.file.originalName}`;
  }
  return /\b(record(ed|ing)?|audio|video)\b/i.test(item.notes)
    ? "No recording is attached to this evidence; the assessor's notes below say what was recorded."
    : 'Not recorded';
}

export async function discussionInput(
  source: RecordSource,
  evidenceId: string,
  stamp: RecordStamp,
): Promise<DiscussionInput> {
  const item = pick(source, 'discussion', evidenceId);
  const targets = targeted(source, item.id);
  const minutes = /(\d{1,3})\s*(?:min|minutes)\b/i.exec(`${item.notes} ${item.record}`)?.[1];
  const paragraphs = item.record
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const allRefs = targets.flatMap((t) => t.criteriaRefs);
  return {
    ...recordContext(source, stamp, await hashEvidence(source.portfolioDir, [item])),
    unitRef: targets.map((t) => t.unitRef).join(', '),
    assessor: assessorFor(source, item),
    date: item.producedOn,
    ...(minutes && Number(minutes) > 0 ? { durationMinutes: Number(minutes) } : {}),
    ...(item.location ? { location: item.location } : {}),
    criteriaAgreed: targets,
    account: (paragraphs.length ? paragraphs : ['No account was written.']).map((text) => ({
      text,
      criteriaRefs: allRefs,
    })),
    consentToRecording: item.file !== null,
    ...(item.file ? { recordingFile: item.file.originalName } : {}),
    recording: recordingOf(item),
    feedback: [],
    notes: item.notes.trim() ? [item.notes.trim()] : [],
    nextSteps: [],
    learnerSignature: { date: null },
    assessorSignature: { date: null },
  };
}
