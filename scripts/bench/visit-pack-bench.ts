import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { ulnCheckDigit } from '../../src-main/centre/uln';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { registerOnUnit } from '../../src-main/portfolio/portfolio';
import { openIdentity } from '../../src-main/record/identity-store/identity-store';
import { issueRecord } from '../../src-main/record/issue/issue-record';
import { loadRecordFonts } from '../../src-main/record/pdf/fonts';
import { newId } from '../../src-main/shared/ids';
import type { Actor } from '../../src-main/shared/record';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import { writeVisitPack } from '../../src-main/visit-pack/write-pack';
import { mb, median, ms, run, timed } from './timing';

const actor: Actor = { id: 'st-bench', role: 'iqa' };
const now = new Date('2026-11-24T10:00:00Z');

function unit(): StoredUnit {
  return {
    schemaVersion: 1,
    id: 'unit-bench-pack',
    version: 1,
    title: 'Resolve Customer Service Problems',
    level: '2',
    credits: 3,
    glh: 20,
    codes: { ofqual: 'T/600/8888', awardingBody: 'BENCH/PACK' },
    awardingBody: 'OCN London',
    builtIn: false,
    outcomes: [
      {
        ref: '1',
        text: 'Be able to resolve customer service problems',
        kind: 'competence',
        criteria: [1, 2, 3, 4, 5].map((c) => ({
          ref: `1.${c}`,
          text: `Criterion 1.${c}`,
          parts: [],
        })),
      },
    ],
    methods: [],
    guidance: [],
    source: { fileName: 'bench', text: '', importedAt: now.toISOString() },
  };
}

function uln(n: number): string {
  for (let k = n; ; k += 1) {
    const nine = String(300000000 + k).slice(0, 9);
    const check = ulnCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/**
 * A visit pack of 20 learners with 50 MB of evidence (five files each, mapped to the unit),
 * against copying the same evidence folders with `cp -r` and hashing them with `sha256sum`.
 * The records were issued by a first pack, as they are before a real visit.
 */
export async function visitPackBench(
  root: string,
  learnerCount = 20,
  totalBytes = 50 * 1024 * 1024,
) {
  const workspace = await createDemoCentre(
    path.join(root, 'pack-centre'),
    defaultResourcesDir(),
    now,
  );
  const u = unit();
  await workspace.saveUnit(u);
  const assessor = workspace.centre.staff.find((s) => s.name === 'Priya Sharma')!;
  const iqa = workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
  const fonts = await loadRecordFonts();
  const signer = {
    identity: await openIdentity(workspace.dir, assessor.id, assessor.name, DEMO_PASSPHRASE),
    name: assessor.name,
    role: 'Assessor',
  };
  const source = path.join(root, 'pack-source');
  await mkdir(source, { recursive: true });
  const perFile = Math.floor(totalBytes / learnerCount / 5);
  const block = randomBytes(perFile);
  const ids: string[] = [];
  for (let i = 0; i < learnerCount; i += 1) {
    const learner = await workspace.addLearner(
      { name: `Pack Learner ${i + 1}`, uln: uln(i * 10) },
      actor,
      now,
    );
    ids.push(learner.id);
    for (let f = 0; f < 5; f += 1) {
      const file = path.join(source, `l${i}-f${f}.jpg`);
      block.writeUInt32LE(i * 10 + f, 0);
      await writeFile(file, block);
      await addEvidenceFile(
        workspace,
        learner.id,
        { title: `Photo ${f + 1}`, producedOn: '2026-11-20', method: 'product evidence' },
        { originalName: `photo-${f + 1}.jpg`, source: { file } },
        actor,
        () => now,
      );
    }
    const doc = await workspace.portfolio(learner.id);
    const base = {
      updatedAt: now.toISOString(),
      updatedBy: actor.id,
      unitId: u.id,
      unitVersion: 1,
    };
    await doc.update((p) => {
      const registered = registerOnUnit(
        p,
        { unitId: u.id, unitVersion: 1, assessorId: assessor.id },
        actor,
        now,
      );
      return {
        ...registered,
        mappings: [
          ...registered.mappings,
          ...p.evidence.map((e, n) => ({
            id: newId('mp'),
            updatedAt: now.toISOString(),
            updatedBy: actor.id,
            evidenceId: e.id,
            unitId: u.id,
            criterionRef: `1.${n + 1}`,
            partRef: null,
            removed: false,
          })),
        ],
        decisions: [
          ...registered.decisions,
          ...[1, 2, 3, 4, 5].map((n) => ({
            ...base,
            id: newId('dc'),
            criterionRef: `1.${n}`,
            partRef: null,
            outcome: 'met' as const,
            decidedOn: '2026-11-20',
            assessorId: assessor.id,
            feedback: 'Met: the photos show it clearly.',
          })),
        ],
        signOffs: [
          ...registered.signOffs,
          {
            ...base,
            id: newId('so'),
            signedOffAt: '2026-11-21T12:00:00.000Z',
            signedOffBy: assessor.id,
            countersignedAt: null,
            countersignedBy: null,
            voidedAt: null,
            voidedBy: null,
            voidReason: null,
          },
        ],
      };
    });
    // The assessor's signed unit record, issued before the visit as records usually are.
    await issueRecord(
      workspace,
      { learnerId: learner.id, kind: 'unit-record', unit: u.id, format: 'pdf', signer },
      actor,
      now,
      { fonts },
    );
  }
  await rm(source, { recursive: true, force: true });
  const identity = await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE);
  const samples = ids.map((id) => ({ learner: id, unit: u.id }));
  const pack = (out: string) =>
    writeVisitPack(workspace, { out, samples, identity, actor, madeBy: iqa.name, now: new Date() });
  await pack(path.join(root, 'pack-warm'));
  await rm(path.join(root, 'pack-warm'), { recursive: true, force: true });
  await rm(path.join(root, 'pack-warm.zip'), { force: true });

  const learnersDir = path.join(workspace.dir, 'learners');
  const folders = (await readdir(learnersDir)).filter((d) => d.startsWith('pack-learner'));
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const copy = path.join(root, `pack-cp-${round}`);
    await mkdir(copy);
    await run('sync', []);
    baseline.push(
      await timed(async () => {
        await run('cp', ['-r', ...folders.map((f) => path.join(learnersDir, f, 'evidence')), copy]);
        await run('sh', ['-c', 'find . -type f -print0 | xargs -0 sha256sum > /dev/null'], copy);
      }),
    );
    await rm(copy, { recursive: true, force: true });
    const out = path.join(root, `pack-${round}`);
    await run('sync', []);
    ours.push(await timed(() => pack(out)));
    await rm(out, { recursive: true, force: true });
    await rm(`${out}.zip`, { force: true });
  }
  const ratio = median(ours) / median(baseline);
  return {
    text: [
      `EQA visit pack of ${learnerCount} learners, ${mb(totalBytes)} of evidence (copy, hash, records, index.html, signed manifest and .zip):`,
      `  workbench eqa-pack       ${ms(median(ours))}   (runs: ${ours.map(ms).join(', ')})`,
      `  cp -r then sha256sum     ${ms(median(baseline))}   (runs: ${baseline.map(ms).join(', ')})`,
      `  ratio                    ${ratio.toFixed(2)}   (target ≤ 1.50) ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
    ].join('\n'),
    ratio,
  };
}
