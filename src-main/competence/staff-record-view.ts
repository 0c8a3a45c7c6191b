import { UserError } from '../kernel/user-error';
import type { StaffMember, StaffRole } from '../centre/centre-schema';
import type { StandardisationFile } from './standardisation-schema';
import type { Workspace } from '../workspace/workspace';
import { competenceStore } from './competence-store';
import {
  competenceFlags,
  lapsedWarning,
  participationOf,
  type CompetenceFlag,
  type Participation,
} from './staff-competence';
import type { CompetencePolicyFile, StaffRecordFile } from './staff-record-schema';

export interface CompetenceSummary {
  personId: string;
  name: string;
  roles: StaffRole[];
  archived: boolean;
  flags: CompetenceFlag[];
  cpdHoursThisYear: number;
}

export interface StaffRecordView extends CompetenceSummary {
  record: Pick<StaffRecordFile, 'qualifications' | 'experience' | 'cpd' | 'checks'>;
  participation: Participation[];
  /** What sign-off would say about this person today; null when nothing has lapsed. */
  lapsedWarning: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CompetenceOverview {
  people: CompetenceSummary[];
  policy: Pick<CompetencePolicyFile, 'lapsedQualificationAtSignOff' | 'expiringWithinDays'>;
  problems: string[];
}

export function staffMemberOf(workspace: Workspace, personId: string): StaffMember {
  const person = workspace.centre.staff.find((s) => s.id === personId);
  if (!person) throw new UserError('not-found', 'That person is not on the staff of this centre.');
  return person;
}

function summary(
  person: StaffMember,
  record: StaffRecordFile | null,
  meetings: readonly StandardisationFile[],
  today: string,
  warnDays: number,
): CompetenceSummary & { participation: Participation[] } {
  const participation = participationOf(person.id, meetings);
  const yearStart = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return {
    personId: person.id,
    name: person.name,
    roles: person.roles,
    archived: person.archived,
    flags: person.archived ? [] : competenceFlags(person, record, participation, today, warnDays),
    cpdHoursThisYear: (record?.cpd ?? [])
      .filter((c) => !c.archived && c.date > yearStart && c.date <= today)
      .reduce((sum, c) => sum + c.hours, 0),
    participation,
  };
}

/** Every member of staff with what is missing or expiring, for the Centre page. */
export async function competenceOverview(
  workspace: Workspace,
  today: string,
): Promise<CompetenceOverview> {
  const store = competenceStore(workspace);
  const policy = await store.readPolicy();
  const { meetings, problems } = await store.listMeetings();
  const people: CompetenceSummary[] = [];
  for (const person of workspace.centre.staff) {
    let record: StaffRecordFile | null = null;
    try {
      record = await store.readStaffRecord(person.id);
    } catch (error) {
      problems.push(error instanceof UserError ? error.message : String(error));
    }
    const { participation: _, ...rest } = summary(
      person,
      record,
      meetings,
      today,
      policy.expiringWithinDays,
    );
    people.push(rest);
  }
  return {
    people,
    policy: {
      lapsedQualificationAtSignOff: policy.lapsedQualificationAtSignOff,
      expiringWithinDays: policy.expiringWithinDays,
    },
    problems,
  };
}

export async function staffRecordView(
  workspace: Workspace,
  personId: string,
  today: string,
): Promise<StaffRecordView> {
  const person = staffMemberOf(workspace, personId);
  const store = competenceStore(workspace);
  const policy = await store.readPolicy();
  const record = await store.readStaffRecord(personId);
  const { meetings } = await store.listMeetings();
  return {
    ...summary(person, record, meetings, today, policy.expiringWithinDays),
    record: {
      qualifications: record?.qualifications ?? [],
      experience: record?.experience ?? [],
      cpd: record?.cpd ?? [],
      checks: record?.checks ?? [],
    },
    lapsedWarning: person.roles.includes('assessor') ? lapsedWarning(person, record, today) : null,
    updatedAt: record?.updatedAt ?? null,
    updatedBy: record?.updatedBy ?? null,
  };
}

/**
 * The sign-off's question about the assessor: has a qualification their role needs lapsed, and
 * does the centre block or only warn? Null when nothing has lapsed.
 */
export async function signOffCompetence(
  workspace: Workspace,
  personId: string,
  today: string,
): Promise<{ warning: string; blocks: boolean } | null> {
  const person = workspace.centre.staff.find((s) => s.id === personId);
  if (!person) return null;
  const store = competenceStore(workspace);
  const warning = lapsedWarning(person, await store.readStaffRecord(personId), today);
  if (!warning) return null;
  const policy = await store.readPolicy();
  return { warning, blocks: policy.lapsedQualificationAtSignOff === 'block' };
}
