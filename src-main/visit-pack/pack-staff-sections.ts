import { readFile } from 'node:fs/promises';
import { roleLabels } from '../centre/centre-schema';
import path from 'node:path';
import { formatDate } from '../kernel/dates';
import { mediaTypeOf } from '../evidence/media-types';
import {
  visitPackStaffSections,
  type PackFile,
  type PackMeeting,
} from '../competence/visit-pack-staff';
import { mapLimit } from '../shared/map-limit';
import type { Workspace } from '../workspace/workspace';
import type { PackSectionSource, SectionContent, SectionDocument } from './pack-sections';

const day = (d: string | null) => (d ? formatDate(d) : '—');
const list = (items: string[]) => (items.length > 0 ? items.join('; ') : 'None recorded');

async function documentOf(workspaceDir: string, file: PackFile): Promise<SectionDocument | null> {
  const bytes = await readFile(path.join(workspaceDir, ...file.path.split('/'))).catch(() => null);
  if (!bytes) return null;
  return {
    name: path.posix.basename(file.path),
    title: file.originalName,
    mediaType: mediaTypeOf(file.path),
    bytes,
  };
}

/**
 * The work a standardisation record says was judged. A learner outside the visit's sample is not
 * named, nor is their evidence, nor the description (it may name them); a learner in the pack is
 * named with the unit and the evidence item chosen from their portfolio, and its SHA-256.
 */
async function workJudged(
  workspace: Workspace,
  meeting: PackMeeting,
  inVisit: ReadonlySet<string>,
): Promise<string> {
  const { learnerId, evidenceId, sha256, description } = meeting.sample;
  if (!learnerId) return description;
  if (!inVisit.has(learnerId)) return 'A learner’s work (not in this pack)';
  const learner = workspace.centre.learners.find((l) => l.id === learnerId)?.name ?? 'A learner';
  let evidence = '';
  if (evidenceId) {
    const portfolio = await workspace.portfolio(learnerId).then(
      (doc) => doc.data,
      () => null,
    );
    const title = portfolio?.evidence.find((e) => e.id === evidenceId)?.title ?? 'evidence item';
    evidence = `: “${title}”${sha256 ? ` (SHA-256 ${sha256})` : ''}`;
  }
  return `${learner}, ${meeting.unitTitle}${evidence}. ${description}`;
}

type StaffSections = Awaited<ReturnType<typeof visitPackStaffSections>>;
type PackStaffMember = StaffSections['staff'][number];

/** Every CPD certificate of the staff, as documents of the pack (one no longer on disk is left out). */
async function cpdDocuments(
  workspace: Workspace,
  staff: readonly PackStaffMember[],
): Promise<SectionDocument[]> {
  const documents: SectionDocument[] = [];
  for (const member of staff) {
    for (const entry of member.cpd) {
      for (const file of entry.files) {
        const doc = await documentOf(workspace.dir, file);
        if (doc) documents.push(doc);
      }
    }
  }
  return documents;
}

/** One person's competence: roles, qualifications, experience, CPD, checks and what is flagged. */
function staffRow(m: PackStaffMember) {
  return {
    heading: m.name,
    cells: [
      { label: 'Roles', value: m.roles.map((r) => roleLabels[r]).join(', ') },
      {
        label: 'Qualifications',
        value: list(
          m.qualifications.map(
            (q) =>
              `${q.title} (${q.kind}, ${q.status}${q.awardedOn ? `, ${day(q.awardedOn)}` : ''}${q.expiresOn ? `, expires ${day(q.expiresOn)}` : ''})`,
          ),
        ),
      },
      {
        label: 'Occupational experience',
        value: list(
          m.experience.map(
            (e) => `${e.role}, ${e.organisation} (${day(e.from)} to ${e.to ? day(e.to) : 'now'})`,
          ),
        ),
      },
      {
        label: 'CPD',
        value: list(m.cpd.map((c) => `${day(c.date)}: ${c.activity} (${c.hours} h)`)),
      },
      {
        label: 'Checks',
        value: list(
          m.checks.map(
            (c) =>
              `${c.name}, ${day(c.checkedOn)}${c.expiresOn ? `, expires ${day(c.expiresOn)}` : ''}`,
          ),
        ),
      },
      {
        label: 'Standardisation',
        value: list(m.standardisation.map((p) => `${day(p.date)}: ${p.unitTitle}`)),
      },
      { label: 'Flagged', value: list(m.flags.map((f) => f.message)) },
    ],
  };
}

/** One standardisation activity: who took part, each assessor's judgement, the agreed outcome. */
async function standardisationRow(
  workspace: Workspace,
  m: PackMeeting,
  inVisit: ReadonlySet<string>,
) {
  return {
    heading: `${day(m.date)}: ${m.unitTitle}`,
    cells: [
      { label: 'Led by', value: m.ledBy },
      { label: 'Attended', value: m.attendees.join(', ') },
      { label: 'Criteria', value: m.criteria.join(', ') },
      { label: 'Work judged', value: await workJudged(workspace, m, inVisit) },
      ...m.judgements.map((j) => ({
        label: j.assessor,
        value: `${j.decision}${j.matched ? '' : ' (differed from the agreed outcome)'}: ${j.reasoning}`,
      })),
      { label: 'Agreed', value: `${m.agreed.decision}: ${m.agreed.rationale}` },
      {
        label: 'Actions',
        value: list(
          m.actions.map(
            (a) =>
              `${a.what} (${a.owner}, due ${day(a.dueOn)}${a.closedOn ? `, closed ${day(a.closedOn)}` : ', open'})`,
          ),
        ),
      },
    ],
  };
}

/**
 * The staff competence records and standardisation records an EQA asks for, as two sections of
 * the visit pack: each person's qualifications, experience, CPD (with its certificates) and
 * checks, and each standardisation activity in the visit's period. Work standardised from a
 * learner outside the visit's sample is described without naming them.
 */
export const staffSectionSource: PackSectionSource = async (workspace, visit) => {
  const data = await visitPackStaffSections(workspace, {
    today: visit.today,
    ...(visit.period ? { from: visit.period.from, to: visit.period.to } : {}),
  });
  const staff: SectionContent = {
    section: {
      id: 'staff-competence',
      title: 'Staff competence and CPD',
      intro:
        'Each assessor’s and IQA’s qualifications, occupational experience, continuing professional development and checks, with what the centre flags as missing or expiring.',
      rows: data.staff.map(staffRow),
    },
    documents: await cpdDocuments(workspace, data.staff),
  };
  const inVisit = new Set(visit.learnerIds);
  const standardisation: SectionContent = {
    section: {
      id: 'standardisation',
      title: 'Standardisation',
      intro:
        'Standardisation activities: what each assessor judged on their own, the outcome agreed, and the actions that followed.',
      rows: await mapLimit(data.standardisation, 4, (m) =>
        standardisationRow(workspace, m, inVisit),
      ),
    },
    documents: [],
  };
  return [staff, standardisation];
};
