import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { ulnCheckDigit } from '../../src-main/centre/uln';
import { main } from '../../src-main/cli/main';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { registerOnUnit } from '../../src-main/portfolio/portfolio';
import { loadLibrary } from '../../src-main/record/from-portfolio/record-source';
import { openIdentity } from '../../src-main/record/identity-store/identity-store';
import { issueRecord } from '../../src-main/record/issue/issue-record';
import { loadRecordFonts } from '../../src-main/record/pdf/fonts';
import { newId } from '../../src-main/shared/ids';
import type { Actor } from '../../src-main/shared/record';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import type { Workspace } from '../../src-main/workspace/workspace';
import { median, ms, run, timed } from './timing';

const actor: Actor = { id: 'st-bench', role: 'assessor' };
const now = new Date('2026-11-24T10:00:00Z');

/** A unit of five outcomes with five criteria each: the 25-criterion record the target names. */
function benchUnit(): StoredUnit {
  const verbs = ['Describe', 'Explain', 'Identify', 'Demonstrate', 'Evaluate'];
  return {
    schemaVersion: 1,
    id: 'unit-bench-25',
    version: 1,
    title: 'Maintain Health, Safety and Security in a Customer Service Environment',
    level: '2',
    credits: 4,
    glh: 30,
    codes: { ofqual: 'T/600/9999', awardingBody: 'BENCH/25' },
    awardingBody: 'OCN London',
    builtIn: false,
    outcomes: verbs.map((verb, o) => ({
      ref: String(o + 1),
      text: `Be able to ${verb.toLowerCase()} safe working practices in area ${o + 1}`,
      kind: 'competence' as const,
      criteria: [1, 2, 3, 4, 5].map((c) => ({
        ref: `${o + 1}.${c}`,
        text: `${verb} how the organisation's procedures keep customers and colleagues safe, case ${c}, with examples from the learner's own workplace.`,
        parts: [],
      })),
    })),
    methods: [{ name: 'direct observation', use: 'prescribed' }],
    guidance: [],
    source: { fileName: 'bench', text: '', importedAt: now.toISOString() },
  };
}

function uln(n: number): string {
  for (let k = n; ; k += 1) {
    const nine = String(200000000 + k).slice(0, 9);
    const check = ulnCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** Registers a learner on the unit with every criterion met, its evidence mapped, and signs it off. */
async function achieved(
  workspace: Workspace,
  learnerId: string,
  unit: StoredUnit,
  assessorId: string,
) {
  const doc = await workspace.portfolio(learnerId);
  const evidenceIds = doc.data.evidence.map((e) => e.id);
  const base = {
    updatedAt: now.toISOString(),
    updatedBy: actor.id,
    unitId: unit.id,
    unitVersion: 1,
  };
  await doc.update((p) => {
    const registered = registerOnUnit(
      p,
      { unitId: unit.id, unitVersion: 1, assessorId },
      actor,
      now,
    );
    const criteria = unit.outcomes.flatMap((o) => o.criteria);
    return {
      ...registered,
      mappings: [
        ...registered.mappings,
        ...criteria.map((c, i) => ({
          ...base,
          id: newId('mp'),
          evidenceId: evidenceIds[i % evidenceIds.length] ?? '',
          criterionRef: c.ref,
          partRef: null,
          removed: false,
        })),
      ],
      decisions: [
        ...registered.decisions,
        ...criteria.map((c) => ({
          ...base,
          id: newId('dc'),
          criterionRef: c.ref,
          partRef: null,
          outcome: 'met' as const,
          decidedOn: '2026-11-20',
          assessorId,
          feedback: c.ref.endsWith('.1')
            ? 'Well evidenced by the observation and the work products.'
            : '',
        })),
      ],
      signOffs: [
        ...registered.signOffs,
        {
          ...base,
          id: newId('so'),
          signedOffAt: '2026-11-21T12:00:00.000Z',
          signedOffBy: assessorId,
          countersignedAt: null,
          countersignedBy: null,
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
        },
      ],
    };
  });
}

export async function recordsBench(root: string, batchSize: number): Promise<{ text: string }> {
  const workspace = await createDemoCentre(
    path.join(root, 'records-centre'),
    defaultResourcesDir(),
    now,
  );
  const unit = benchUnit();
  await workspace.saveUnit(unit);
  const assessor = workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
  const first = workspace.centre.learners[0]!;
  await achieved(workspace, first.id, unit, assessor.id);

  const fonts = await loadRecordFonts();
  const library = await loadLibrary(workspace);
  let identity: Awaited<ReturnType<typeof openIdentity>> | null = null;
  const openTime = await timed(async () => {
    identity = await openIdentity(workspace.dir, assessor.id, assessor.name, DEMO_PASSPHRASE);
  });
  const signer = { identity: identity!, name: assessor.name, role: 'Assessor' };
  const request = { learnerId: first.id, kind: 'unit-record' as const, unit: unit.id };

  // The first record of a session also parses the fonts; it is reported on its own.
  const cold = await timed(() =>
    issueRecord(workspace, { ...request, format: 'pdf', signer }, actor, now, { fonts, library }),
  );
  const ours: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    ours.push(
      await timed(() =>
        issueRecord(workspace, { ...request, format: 'pdf', signer }, actor, now, {
          fonts,
          library,
        }),
      ),
    );
  }
  const docx = await issueRecord(workspace, { ...request, format: 'docx' }, actor, now, {
    fonts,
    library,
  });
  const outDir = path.join(root, 'soffice-out');
  await mkdir(outDir, { recursive: true });
  const byHand: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    byHand.push(
      await timed(() =>
        run('soffice', [
          `-env:UserInstallation=file://${path.join(root, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          docx.path,
        ]),
      ),
    );
  }
  const ratio = median(byHand) / median(ours);

  // The batch for an EQA visit: every learner's signed-off unit, signed, through the CLI.
  for (let i = workspace.centre.learners.length; i < batchSize; i += 1) {
    await workspace.addLearner(
      {
        name: `Bench Learner ${i + 1}`,
        uln: uln(i * 10),
        employer: 'Bench Ltd',
        workplace: 'Leeds',
        cohort: 'Bench',
        needs: '',
      },
      actor,
      now,
    );
  }
  for (const learner of workspace.centre.learners.slice(1)) {
    const doc = await workspace.portfolio(learner.id);
    const ids = first.id === learner.id ? [] : doc.data.evidence.map((e) => e.id);
    if (ids.length === 0) {
      await doc.update((p) => ({
        ...p,
        evidence: [
          {
            id: newId('ev'),
            updatedAt: now.toISOString(),
            updatedBy: actor.id,
            title: 'Observation of a fire drill',
            producedOn: '2026-11-10',
            method: 'direct observation',
            location: 'Leeds',
            producedBy: assessor.name,
            notes: '',
            file: null,
            record:
              'The learner led customers to the assembly point and reported to the fire marshal.',
            addedAt: now.toISOString(),
            archived: false,
          },
        ],
      }));
    }
    await achieved(workspace, learner.id, unit, assessor.id);
  }
  const batchDir = path.join(root, 'eqa-batch');
  const lines: string[] = [];
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  const before = process.resourceUsage().maxRSS;
  let code = 0;
  const batchTime = await timed(async () => {
    code = await main(['record', workspace.dir, '--all', '--out', batchDir, '--sign'], {
      out: (s) => lines.push(s),
      err: () => undefined,
    });
  });
  delete process.env.WORKBENCH_PASSPHRASE;
  if (code !== 0) throw new Error(`the batch failed: ${lines.join(' ')}`);
  const count = Number(/^(\d+) records/.exec(lines.at(-1) ?? '')?.[1] ?? 0);
  const peak = process.resourceUsage().maxRSS / 1024;
  await writeFile(path.join(root, 'records-bench.txt'), lines.join('\n'));
  return {
    text: [
      `Records: a signed 25-criterion unit assessment record (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`,
      `  workbench (build, PDF, PAdES signature, filed):  median ${ms(median(ours))} of ${ours.length}`,
      `  by hand (LibreOffice converts the same DOCX):     median ${ms(median(byHand))} of ${byHand.length}`,
      `  ratio: ${ratio.toFixed(1)}× faster (target at least 20×) ${ratio >= 20 ? 'MET' : 'NOT MET'}`,
      `  the first record of a session (parses the fonts): ${ms(cold)}`,
      `  opening the signing identity once (passphrase):   ${ms(openTime)}`,
      `Records: batch of ${count} signed records for an EQA visit (workbench record --all --sign)`,
      `  ${ms(batchTime)}: ${(count / (batchTime / 1000)).toFixed(1)} records per second`,
      `  peak memory (max RSS): ${peak.toFixed(0)} MB (${(before / 1024).toFixed(0)} MB before the batch)`,
    ].join('\n'),
  };
}
