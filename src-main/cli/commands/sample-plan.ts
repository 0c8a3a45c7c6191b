import path from 'node:path';
import { listQualifications } from '../../qualification/qualification-store';
import { proposePlan } from '../../sampling/plan-operations';
import { samplingContext } from '../../sampling/sampling-context';
import type { ProposalView } from '../../sampling/sampling-views';
import { dayOf } from '../../shared/record';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';

export const samplePlanHelp = `Usage: workbench sample plan DIR [--seed N] [--from DATE --to DATE] [--qualification ID] [--json]

Proposes an IQA sampling plan for the workspace DIR from its learners' registrations, decisions
and evidence: each assessor's rate met, CAMERA covered, each sample saying why it was chosen.
Nothing is saved. The same workspace and seed always give the same plan (the seed defaults to 1).
Dates are YYYY-MM-DD and default to the strategy's plan period. With one qualification in the
workspace --qualification may be left out. With --json it prints:
  { "qualification": { "id", "title" }, "seed", "period": { "from", "to" },
    "samples": [{ "id", "learner": { "id", "name" }, "unit": { "id", "title" },
                  "assessor": { "id", "name" }, "iqa": { "id", "name" },
                  "type": "interim" | "summative", "plannedDate", "reasons": [...] }],
    "coverage": { "totals": { "samples", "interim", "summative", "assessments" },
                  "rates": [{ "assessor", "rate", "required", "planned", "met" }],
                  "targets": [{ "dimension", "value", "covered", "samples" }], "gaps": [...] } }`;

export async function chooseQualification(dir: string, wanted: string | undefined) {
  const { qualifications } = await listQualifications(dir);
  if (wanted) {
    if (!qualifications.some((q) => q.id === wanted)) {
      throw new UsageError(
        `there is no qualification "${wanted}" in this workspace; it has: ${qualifications.map((q) => q.id).join(', ') || 'none'}.`,
      );
    }
    return wanted;
  }
  if (qualifications.length === 1) return qualifications[0]!.id;
  throw new UsageError(
    qualifications.length === 0
      ? 'this workspace has no qualification to sample; add one first.'
      : `say which qualification with --qualification: ${qualifications.map((q) => q.id).join(', ')}.`,
  );
}

function asJson(proposal: ProposalView, qualification: { id: string; title: string }) {
  const { plan, coverage } = proposal;
  return {
    qualification,
    seed: plan.seed,
    period: plan.period,
    samples: plan.samples.map((s) => ({
      id: s.id,
      learner: { id: s.learnerId, name: s.learnerName },
      unit: { id: s.unitId, title: s.unitTitle },
      assessor: { id: s.assessorId, name: s.assessorName },
      iqa: { id: s.iqaId, name: s.iqaName },
      type: s.type,
      plannedDate: s.plannedDate,
      reasons: s.reasons,
    })),
    coverage: {
      totals: coverage.totals,
      rates: coverage.rates.map((r) => ({
        assessor: r.assessorName,
        rate: r.rate,
        required: r.required,
        planned: r.planned,
        met: r.met,
      })),
      targets: coverage.targets.map((t) => ({
        dimension: t.dimension,
        value: t.value,
        covered: t.covered,
        samples: t.samples,
      })),
      gaps: coverage.gaps,
    },
  };
}

const cut = (text: string, width: number) =>
  [...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text;

function table(proposal: ProposalView): string {
  const header = ['Planned', 'Learner', 'Unit', 'Assessor', 'Type', 'Why'];
  const rows = proposal.plan.samples.map((s) => [
    s.plannedDate,
    s.learnerName,
    cut(s.unitTitle, 40),
    s.assessorName,
    s.type,
    s.reasons.join('; '),
  ]);
  const widths = header.map((_, c) =>
    c === header.length - 1
      ? 0
      : Math.max(...[header, ...rows].map((r) => [...(r[c] ?? '')].length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  const { totals, gaps, rates } = proposal.coverage;
  return [
    format(header),
    widths.map((w) => '-'.repeat(Math.max(w, 3))).join('  '),
    ...rows.map(format),
    '',
    `${totals.samples} samples (${totals.interim} interim, ${totals.summative} summative) of ${totals.assessments} learners' units.`,
    ...rates.map(
      (r) =>
        `${r.assessorName}: ${r.rate}% rate, ${r.planned} of ${r.required} needed planned${r.met ? '' : ' (NOT MET)'}`,
    ),
    gaps.length ? 'Coverage gaps:' : 'No coverage gaps.',
    ...gaps.map((g) => `  - ${g}`),
    ...(proposal.plan.leftOut.length ? ['Not sampled:'] : []),
    ...proposal.plan.leftOut.map(
      (l) => `  - ${l.learnerName}, ${l.unitTitle} (${l.assessorName}): ${l.reason}`,
    ),
  ].join('\n');
}

export async function samplePlanCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      qualification: { type: 'string' },
      json: { type: 'boolean' },
    },
    samplePlanHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only(
    'workbench sample plan takes one folder: workbench sample plan DIR [--json]',
  );
  const [from, to] = [args.date('from'), args.date('to')];
  const seedText = args.optional('seed')?.trim() ?? '1';
  if (!seedText) throw new UsageError('--seed needs a number or a word.');
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  const workspace = await Workspace.open(path.resolve(dir));
  const qualificationId = await chooseQualification(workspace.dir, args.optional('qualification'));
  const context = await samplingContext(workspace, qualificationId, dayOf(new Date()));
  const proposal = await proposePlan(context, { seed, from, to });
  if (args.has('json')) {
    io.out(
      JSON.stringify(
        asJson(proposal, { id: context.qualification.id, title: context.qualification.title }),
        null,
        2,
      ),
    );
  } else {
    io.out(proposal.plan.samples.length ? table(proposal) : 'Nothing to sample in this period.');
  }
  return 0;
}
