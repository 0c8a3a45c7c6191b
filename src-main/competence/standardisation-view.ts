import { listQualifications } from '../qualification/qualification-store';
import { samplingContext } from '../sampling/sampling-context';
import { strategyFor } from '../sampling/strategy-operations';
import { competenceStore } from './competence-store';
import type { Workspace } from '../workspace/workspace';
import { rateProposals, type RateProposal } from './standardisation-proposals';
import type { StandardisationFile } from './standardisation-schema';
import type { EvidenceFile } from '../portfolio/evidence-schema';

export interface StandardisationView {
  meetings: Omit<StandardisationFile, 'audit'>[];
  /** Names of the people, learners and units the records mention, by id. */
  names: Record<string, string>;
  proposals: RateProposal[];
  /** The evidence item each record refers to, by meeting id, as the portfolio has it now. */
  judgedEvidence: Record<string, JudgedEvidence>;
  problems: string[];
}

export interface JudgedEvidence {
  id: string;
  title: string;
  file: EvidenceFile | null;
  /** The portfolio no longer has it, or its file is not the one the record noted. */
  missing: boolean;
  changed: boolean;
}

/** The evidence items the records refer to, read from the learners' portfolios. */
async function judgedEvidenceOf(
  workspace: Workspace,
  meetings: readonly StandardisationFile[],
  problems: string[],
): Promise<Record<string, JudgedEvidence>> {
  const found: Record<string, JudgedEvidence> = {};
  for (const m of meetings) {
    const { learnerId, evidenceId, sha256 } = m.sample;
    if (!learnerId || !evidenceId) continue;
    const portfolio = await workspace.portfolio(learnerId).then(
      (doc) => doc.data,
      () => null,
    );
    if (!portfolio)
      problems.push('A portfolio a standardisation record refers to could not be read.');
    const e = portfolio?.evidence.find((x) => x.id === evidenceId);
    found[m.id] = e
      ? {
          id: e.id,
          title: e.title,
          file: e.file,
          missing: false,
          changed: sha256 !== null && e.file?.sha256 !== sha256,
        }
      : {
          id: evidenceId,
          title: 'An evidence item no longer in the portfolio',
          file: null,
          missing: true,
          changed: false,
        };
  }
  return found;
}

/** Every qualification's proposals to raise an assessor's rate after standardisation. */
export async function allProposals(
  workspace: Workspace,
  meetings: readonly StandardisationFile[],
  today: string,
): Promise<RateProposal[]> {
  if (!meetings.some((m) => m.judgements.some((j) => j.decision !== m.agreed.decision))) return [];
  const { qualifications } = await listQualifications(workspace.dir);
  const proposals: RateProposal[] = [];
  for (const q of qualifications) {
    const units = new Set([...q.mandatoryUnitIds, ...q.optionalGroups.flatMap((g) => g.unitIds)]);
    if (!meetings.some((m) => units.has(m.unitId))) continue;
    const context = await samplingContext(workspace, q.id, today);
    const { strategy } = await strategyFor(workspace, q.id, today);
    proposals.push(...rateProposals(meetings, strategy, units, context.population.assessors));
  }
  return proposals;
}

export async function standardisationView(
  workspace: Workspace,
  today: string,
): Promise<StandardisationView> {
  const { meetings, problems } = await competenceStore(workspace).listMeetings();
  const names: Record<string, string> = {};
  for (const s of workspace.centre.staff) names[s.id] = s.name;
  for (const l of workspace.centre.learners) names[l.id] = l.name;
  return {
    meetings: meetings.map(({ audit: _, ...m }) => m),
    names,
    proposals: await allProposals(workspace, meetings, today),
    judgedEvidence: await judgedEvidenceOf(workspace, meetings, problems),
    problems,
  };
}
