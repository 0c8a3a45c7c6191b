import path from 'node:path';
import type { StaffRole } from '../centre/centre-schema';
import { STANDARDISATION_FOLDER, type JudgedWork } from './standardisation-schema';
import type { Workspace } from '../workspace/workspace';
import { competenceStore } from './competence-store';
import {
  competenceFlags,
  participationOf,
  type CompetenceFlag,
  type Participation,
} from './staff-competence';
import {
  STAFF_FOLDER,
  STAFF_RECORD_FILE,
  qualificationKindLabels,
  type StaffRecordFile,
} from './staff-record-schema';

/** A file the pack copies: where it is in the workspace, and its SHA-256 when it was kept. */
export interface PackFile {
  /** Relative to the workspace folder, with forward slashes. */
  path: string;
  sha256: string | null;
  originalName: string;
}

export interface PackStaffMember {
  personId: string;
  name: string;
  roles: StaffRole[];
  flags: CompetenceFlag[];
  recordFile: PackFile | null;
  qualifications: {
    kind: string;
    title: string;
    status: string;
    awardedOn: string | null;
    expiresOn: string | null;
    required: boolean;
  }[];
  experience: {
    role: string;
    organisation: string;
    from: string;
    to: string | null;
    summary: string;
  }[];
  cpd: { date: string; activity: string; hours: number; learned: string; files: PackFile[] }[];
  checks: { name: string; checkedOn: string; expiresOn: string | null; reference: string }[];
  standardisation: Participation[];
}

export interface PackMeeting {
  id: string;
  file: PackFile;
  date: string;
  unitId: string;
  unitTitle: string;
  criteria: string[];
  ledBy: string;
  attendees: string[];
  /**
   * What was judged, in words, and the reference the IQA chose from a portfolio. `learnerId`
   * names the learner whose work it was, so the pack leaves out a learner who is not in the
   * visit's sample.
   */
  sample: JudgedWork;
  judgements: { assessor: string; decision: string; reasoning: string; matched: boolean }[];
  agreed: { decision: string; rationale: string };
  actions: { what: string; owner: string; dueOn: string; closedOn: string | null }[];
}

export interface PackStaffSections {
  staff: PackStaffMember[];
  standardisation: PackMeeting[];
  /** Every file the sections rely on, once each, for the pack to copy and list in its manifest. */
  files: PackFile[];
}

export interface PackStaffOptions {
  /** The visit's period; CPD and standardisation outside it are left out. Both YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** The day the pack is made (for expiry flags); YYYY-MM-DD. */
  today: string;
}

const decisionWords: Record<string, string> = { met: 'Met', 'not-yet-met': 'Not yet met' };
const rel = (...parts: string[]) => path.posix.join(...parts);

type Meeting = Awaited<
  ReturnType<ReturnType<typeof competenceStore>['listMeetings']>
>['meetings'][number];
type StaffMember = Workspace['centre']['staff'][number];

/** A standardisation meeting as the pack shows it, with people named. */
function packMeeting(m: Meeting, name: (id: string) => string): PackMeeting {
  return {
    id: m.id,
    file: {
      path: rel(STANDARDISATION_FOLDER, `${m.id}.json`),
      sha256: null,
      originalName: `${m.id}.json`,
    },
    date: m.date,
    unitId: m.unitId,
    unitTitle: m.unitTitle,
    criteria: m.criteria,
    ledBy: name(m.ledBy),
    attendees: m.attendees.map(name),
    sample: m.sample,
    judgements: m.judgements.map((j) => ({
      assessor: name(j.assessorId),
      decision: decisionWords[j.decision] ?? j.decision,
      reasoning: j.reasoning,
      matched: j.decision === m.agreed.decision,
    })),
    agreed: {
      decision: decisionWords[m.agreed.decision] ?? m.agreed.decision,
      rationale: m.agreed.rationale,
    },
    actions: m.actions.map((a) => ({
      what: a.what,
      owner: name(a.ownerId),
      dueOn: a.dueOn,
      closedOn: a.closedOn,
    })),
  };
}

/** The entries of a staff record still in use: qualifications, experience and checks. */
function recordEntries(record: StaffRecordFile | null) {
  return {
    qualifications: (record?.qualifications ?? [])
      .filter((q) => !q.archived)
      .map((q) => ({
        kind: qualificationKindLabels[q.kind],
        title: q.title,
        status: q.status === 'achieved' ? 'Achieved' : 'Working towards',
        awardedOn: q.awardedOn,
        expiresOn: q.expiresOn,
        required: q.required || q.kind === 'assessor-award',
      })),
    experience: (record?.experience ?? [])
      .filter((e) => !e.archived)
      .map(({ role, organisation, from, to, summary }) => ({
        role,
        organisation,
        from,
        to,
        summary,
      })),
    checks: (record?.checks ?? [])
      .filter((c) => !c.archived)
      .map(({ name, checkedOn, expiresOn, reference }) => ({
        name,
        checkedOn,
        expiresOn,
        reference,
      })),
  };
}

/** CPD within the visit's period, each with the files kept as its evidence. */
function packCpd(
  person: StaffMember,
  record: StaffRecordFile | null,
  within: (day: string) => boolean,
): PackStaffMember['cpd'] {
  return (record?.cpd ?? [])
    .filter((c) => !c.archived && within(c.date))
    .map((c) => ({
      date: c.date,
      activity: c.activity,
      hours: c.hours,
      learned: c.learned,
      files: c.evidence.map((f) => ({
        path: rel(STAFF_FOLDER, person.id, f.path),
        sha256: f.sha256,
        originalName: f.originalName,
      })),
    }));
}

/**
 * The standardisation records and the staff competence records for the EQA visit pack, as plain
 * data with the workspace paths of their files. Archived staff and archived entries are left out;
 * no learner's name is given here (only the id of a learner whose work was standardised).
 */
export async function visitPackStaffSections(
  workspace: Workspace,
  options: PackStaffOptions,
): Promise<PackStaffSections> {
  const store = competenceStore(workspace);
  const policy = await store.readPolicy();
  const within = (day: string) =>
    (!options.from || day >= options.from) && (!options.to || day <= options.to);
  const { meetings } = await store.listMeetings();
  const name = (id: string) => workspace.centre.staff.find((s) => s.id === id)?.name ?? id;
  const standardisation = meetings.filter((m) => within(m.date)).map((m) => packMeeting(m, name));
  const files: PackFile[] = standardisation.map((m) => m.file);
  const staff: PackStaffMember[] = [];
  for (const person of workspace.centre.staff.filter((s) => !s.archived)) {
    const record: StaffRecordFile | null = await store.readStaffRecord(person.id);
    const participation = participationOf(person.id, meetings);
    const recordFile = record
      ? {
          path: rel(STAFF_FOLDER, person.id, STAFF_RECORD_FILE),
          sha256: null,
          originalName: STAFF_RECORD_FILE,
        }
      : null;
    const cpd = packCpd(person, record, within);
    const { qualifications, experience, checks } = recordEntries(record);
    if (recordFile) files.push(recordFile);
    files.push(...cpd.flatMap((c) => c.files));
    staff.push({
      personId: person.id,
      name: person.name,
      roles: person.roles,
      flags: competenceFlags(
        person,
        record,
        participation,
        options.today,
        policy.expiringWithinDays,
      ),
      recordFile,
      qualifications,
      experience,
      cpd,
      checks,
      standardisation: participation.filter((p) => within(p.date)),
    });
  }
  return { staff, standardisation, files };
}
