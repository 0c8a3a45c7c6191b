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

/**
 * The demo's staff competence records (one with a lapsed required qualification, one check about
 * to expire, CPD with a certificate) and a standardisation meeting where Priya's own decision
 * differed from the agreed outcome, so the strategy has a proposal for the IQA to decide on.
 */
export async function addDemoStaffRecords(
  workspace: Workspace,
  people: { priya: StaffMember; tom: StaffMember; margaret: StaffMember },
  unit: StoredUnit,
  now: Date,
): Promise<void> {
  const { priya, tom, margaret } = people;
  const iqa: Actor = { id: margaret.id, role: 'iqa' };
  const none = { expiresOn: null, required: false, archived: false } as const;
  const q = (kind: EntryInput<'qualifications'>['kind'], title: string, awardedOn: string | null) =>
    ({ ...none, kind, title, status: 'achieved', awardedOn }) as const;

  await add(
    workspace,
    priya,
    'qualifications',
    q('assessor-award', 'Level 3 Certificate in Assessing Vocational Achievement', '2019-06-14'),
    iqa,
    now,
  );
  await add(
    workspace,
    priya,
    'qualifications',
    q('occupational', 'Level 4 Diploma in Customer Service', '2016-07-01'),
    iqa,
    now,
  );
  await add(
    workspace,
    priya,
    'experience',
    {
      role: 'Customer service team leader',
      organisation: 'Harrow Retail Ltd',
      from: '2012-03-01',
      to: '2018-08-31',
      summary: 'Led a team of twelve handling complaints by phone, email and in store.',
      archived: false,
    },
    iqa,
    now,
  );
  const cpd = await add(
    workspace,
    priya,
    'cpd',
    {
      date: day(now, -40),
      activity: 'Awarding body update on the customer service units',
      hours: 3,
      learned: 'How the new guidance on witness testimony applies to criteria 9.1 and 9.2.',
      archived: false,
    },
    iqa,
    now,
  );
  await addCpdEvidence(
    workspace,
    priya.id,
    cpd,
    {
      originalName: 'cpd-certificate.txt',
      source: Readable.from([
        Buffer.from(
          `Certificate of attendance\nPriya Sharma attended the awarding body update on ${day(now, -40)} (3 hours).\nDemo data.\n`,
        ),
      ]),
    },
    iqa,
    () => now,
  );
  await add(
    workspace,
    priya,
    'checks',
    {
      name: 'DBS enhanced check',
      checkedOn: '2024-09-02',
      expiresOn: day(now, 400),
      reference: 'DEMO-001234',
      archived: false,
    },
    iqa,
    now,
  );

  await add(
    workspace,
    tom,
    'qualifications',
    {
      ...q('assessor-award', 'Level 3 Certificate in Assessing Vocational Achievement', null),
      status: 'working-towards',
    },
    iqa,
    now,
  );
  // The demo's lapsed qualification: one the centre requires for Tom's role.
  await add(
    workspace,
    tom,
    'qualifications',
    {
      ...q('occupational', 'Customer Service Practitioner licence', '2023-05-10'),
      required: true,
      expiresOn: day(now, -45),
    },
    iqa,
    now,
  );
  await add(
    workspace,
    tom,
    'experience',
    {
      role: 'Contact centre adviser',
      organisation: 'Northgate Energy',
      from: '2019-01-07',
      to: null,
      summary: 'Handles customer problems and complaints; mentors new advisers.',
      archived: false,
    },
    iqa,
    now,
  );
  await add(
    workspace,
    tom,
    'cpd',
    {
      date: day(now, -20),
      activity: 'Shadowed Priya Sharma at two observations',
      hours: 4,
      learned: 'Questioning to pair with an observation for knowledge criteria.',
      archived: false,
    },
    iqa,
    now,
  );

  await add(
    workspace,
    margaret,
    'qualifications',
    q(
      'iqa-award',
      'Level 4 Award in the Internal Quality Assurance of Assessment Processes and Practice',
      '2017-11-20',
    ),
    iqa,
    now,
  );
  await add(
    workspace,
    margaret,
    'qualifications',
    q('occupational', 'Level 5 Diploma in Customer Service', '2014-06-30'),
    iqa,
    now,
  );
  await add(
    workspace,
    margaret,
    'experience',
    {
      role: 'Customer experience manager',
      organisation: 'Leeds City Council',
      from: '2008-04-01',
      to: '2015-12-31',
      summary: 'Ran the council’s complaints and customer feedback service.',
      archived: false,
    },
    iqa,
    now,
  );
  await add(
    workspace,
    margaret,
    'cpd',
    {
      date: day(now, -60),
      activity: 'EQA network standardisation event',
      hours: 5,
      learned: 'Sampling across CAMERA with small cohorts.',
      archived: false,
    },
    iqa,
    now,
  );
  await add(
    workspace,
    margaret,
    'checks',
    {
      name: 'DBS enhanced check',
      checkedOn: '2023-12-01',
      expiresOn: day(now, 30),
      reference: 'DEMO-004321',
      archived: false,
    },
    iqa,
    now,
  );

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
