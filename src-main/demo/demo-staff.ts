import { Readable } from 'node:stream';
import type { StaffMember } from '../centre/centre-schema';
import { dayOf, type Actor } from '../shared/record';
import { competenceStore } from '../competence/competence-store';
import { addCpdEvidence } from '../competence/staff-evidence';
import { saveEntry, type EntryInput, type EntryList } from '../competence/staff-record-actions';
import { recordMeeting } from '../competence/standardisation-actions';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';

const DAY = 86_400_000;
const day = (now: Date, offset: number) => dayOf(new Date(now.getTime() + offset * DAY));

async function add<L extends EntryList>(
  workspace: Workspace,
  person: StaffMember,
  list: L,
  entry: EntryInput<L>,
  actor: Actor,
  now: Date,
): Promise<string> {
  let id = '';
  await competenceStore(workspace).changeStaffRecord(person.id, actor, now, (record) => {
    const result = saveEntry(record, list, entry, actor, now);
    id = result.id;
    return result.record;
  });
  return id;
}

type Who = 'priya' | 'tom' | 'margaret';
type People = Record<Who, StaffMember>;
/** One entry of a demo person's record; `cpdCertificate` adds a certificate file to a CPD entry. */
type DemoEntry = {
  [L in EntryList]: { who: Who; list: L; entry: EntryInput<L>; cpdCertificate?: string };
}[EntryList];

const none = { expiresOn: null, required: false, archived: false } as const;
const q = (kind: EntryInput<'qualifications'>['kind'], title: string, awardedOn: string | null) =>
  ({ ...none, kind, title, status: 'achieved', awardedOn }) as const;
const ASSESSOR_AWARD = 'Level 3 Certificate in Assessing Vocational Achievement';

/** Priya, a qualified assessor: CPD with a certificate and a check well in date. */
function priyaEntries(now: Date): DemoEntry[] {
  return [
    {
      who: 'priya',
      list: 'qualifications',
      entry: q('assessor-award', ASSESSOR_AWARD, '2019-06-14'),
    },
    {
      who: 'priya',
      list: 'qualifications',
      entry: q('occupational', 'Level 4 Diploma in Customer Service', '2016-07-01'),
    },
    {
      who: 'priya',
      list: 'experience',
      entry: {
        role: 'Customer service team leader',
        organisation: 'Harrow Retail Ltd',
        from: '2012-03-01',
        to: '2018-08-31',
        summary: 'Led a team of twelve handling complaints by phone, email and in store.',
        archived: false,
      },
    },
    {
      who: 'priya',
      list: 'cpd',
      entry: {
        date: day(now, -40),
        activity: 'Awarding body update on the customer service units',
        hours: 3,
        learned: 'How the new guidance on witness testimony applies to criteria 9.1 and 9.2.',
        archived: false,
      },
      cpdCertificate: `Certificate of attendance\nPriya Sharma attended the awarding body update on ${day(now, -40)} (3 hours).\nDemo data.\n`,
    },
    {
      who: 'priya',
      list: 'checks',
      entry: {
        name: 'DBS enhanced check',
        checkedOn: '2024-09-02',
        expiresOn: day(now, 400),
        reference: 'DEMO-001234',
        archived: false,
      },
    },
  ];
}

/** Tom, working towards the assessor award, with a required qualification lapsed. */
function tomEntries(now: Date): DemoEntry[] {
  return [
    {
      who: 'tom',
      list: 'qualifications',
      entry: { ...q('assessor-award', ASSESSOR_AWARD, null), status: 'working-towards' },
    },
    // The demo's lapsed qualification: one the centre requires for Tom's role.
    {
      who: 'tom',
      list: 'qualifications',
      entry: {
        ...q('occupational', 'Customer Service Practitioner licence', '2023-05-10'),
        required: true,
        expiresOn: day(now, -45),
      },
    },
    {
      who: 'tom',
      list: 'experience',
      entry: {
        role: 'Contact centre adviser',
        organisation: 'Northgate Energy',
        from: '2019-01-07',
        to: null,
        summary: 'Handles customer problems and complaints; mentors new advisers.',
        archived: false,
      },
    },
    {
      who: 'tom',
      list: 'cpd',
      entry: {
        date: day(now, -20),
        activity: 'Shadowed Priya Sharma at two observations',
        hours: 4,
        learned: 'Questioning to pair with an observation for knowledge criteria.',
        archived: false,
      },
    },
  ];
}

/** Margaret, the IQA, with a check about to expire. */
function margaretEntries(now: Date): DemoEntry[] {
  return [
    {
      who: 'margaret',
      list: 'qualifications',
      entry: q(
        'iqa-award',
        'Level 4 Award in the Internal Quality Assurance of Assessment Processes and Practice',
        '2017-11-20',
      ),
    },
    {
      who: 'margaret',
      list: 'qualifications',
      entry: q('occupational', 'Level 5 Diploma in Customer Service', '2014-06-30'),
    },
    {
      who: 'margaret',
      list: 'experience',
      entry: {
        role: 'Customer experience manager',
        organisation: 'Leeds City Council',
        from: '2008-04-01',
        to: '2015-12-31',
        summary: 'Ran the council’s complaints and customer feedback service.',
        archived: false,
      },
    },
    {
      who: 'margaret',
      list: 'cpd',
      entry: {
        date: day(now, -60),
        activity: 'EQA network standardisation event',
        hours: 5,
        learned: 'Sampling across CAMERA with small cohorts.',
        archived: false,
      },
    },
    {
      who: 'margaret',
      list: 'checks',
      entry: {
        name: 'DBS enhanced check',
        checkedOn: '2023-12-01',
        expiresOn: day(now, 30),
        reference: 'DEMO-004321',
        archived: false,
      },
    },
  ];
}

const staffEntries = (now: Date): DemoEntry[] => [
  ...priyaEntries(now),
  ...tomEntries(now),
  ...margaretEntries(now),
];

/**
 * The standardisation meeting: Priya's own decision differed from the agreed outcome, so the
 * strategy has a proposal for the IQA to decide on.
 */
async function addDemoMeeting(
  workspace: Workspace,
  { priya, tom, margaret }: People,
  unit: StoredUnit,
  iqa: Actor,
  now: Date,
): Promise<void> {
  const criteria = (unit.outcomes[0]?.criteria ?? []).slice(0, 2).map((c) => c.ref);
  const meetingDay = new Date(now.getTime() - 30 * DAY);
  const sample = {
    learnerId: null,
    unitId: null,
    evidenceId: null,
    sha256: null,
    description:
      'An anonymised witness testimony and observation record from last year’s cohort (learner names removed).',
  };
  const meeting = recordMeeting(
    {
      date: dayOf(meetingDay),
      attendees: [margaret.id, priya.id, tom.id],
      unitId: unit.id,
      criteria,
      sample,
      judgements: [
        {
          assessorId: priya.id,
          decision: 'not-yet-met',
          reasoning:
            'The testimony describes the learner’s manner, not what they did to resolve the complaint.',
        },
        {
          assessorId: tom.id,
          decision: 'met',
          reasoning: 'The observation record shows the procedure followed within the agreed time.',
        },
      ],
      agreed: {
        decision: 'met',
        rationale:
          'The observation is the main evidence and covers each criterion; the testimony only supports it.',
      },
      actions: [
        {
          what: 'Re-read the unit guidance on witness testimony as supporting evidence',
          ownerId: priya.id,
          dueOn: day(now, 14),
          closedOn: null,
        },
        {
          what: 'Circulate the agreed notes to all assessors',
          ownerId: margaret.id,
          dueOn: day(now, -25),
          closedOn: day(now, -28),
        },
      ],
    },
    sample,
    undefined,
    workspace.centre.staff,
    unit,
    iqa,
    meetingDay,
  );
  await competenceStore(workspace).createMeeting(meeting);
}

/**
 * The demo's staff competence records (one with a lapsed required qualification, one check about
 * to expire, CPD with a certificate) and a standardisation meeting where Priya's own decision
 * differed from the agreed outcome, so the strategy has a proposal for the IQA to decide on.
 */
export async function addDemoStaffRecords(
  workspace: Workspace,
  people: People,
  unit: StoredUnit,
  now: Date,
): Promise<void> {
  const iqa: Actor = { id: people.margaret.id, role: 'iqa' };
  for (const { who, list, entry, cpdCertificate } of staffEntries(now)) {
    const person = people[who];
    const id = await add(workspace, person, list, entry, iqa, now);
    if (cpdCertificate === undefined) continue;
    const source = Readable.from([Buffer.from(cpdCertificate)]);
    await addCpdEvidence(
      workspace,
      person.id,
      id,
      { originalName: 'cpd-certificate.txt', source },
      iqa,
      () => now,
    );
  }
  await addDemoMeeting(workspace, people, unit, iqa, now);
}
