import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { ulnCheckDigit } from '../../src-main/centre/uln';
import { createDemoCentre } from '../../src-main/demo/demo-centre';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { addEvidenceFile } from '../../src-main/evidence/evidence-store';
import { registerOnUnit } from '../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';
import { openIdentity } from '../../src-main/record/identity-store/identity-store';
import type { SigningIdentity } from '../../src-main/record/identity/signing-identity';
import { issueRecord } from '../../src-main/record/issue/issue-record';
import { loadRecordFonts } from '../../src-main/record/pdf/fonts';
import { newId } from '../../src-main/shared/ids';
import type { Actor } from '../../src-main/shared/record';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import type { WantedSample } from '../../src-main/visit-pack/pack-selection';
import type { Workspace } from '../../src-main/workspace/workspace';

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
 * A learner's evidence as it usually comes: two photos, a scanned PDF, a Word document and a
 * screenshot, in shares of the learner's bytes that differ a little from learner to learner.
 * The bytes are random (as compressed media look) behind each kind's own signature.
 */
const kinds = [
  { title: 'Photo of the work', name: 'photo-1.jpg', share: 0.32, magic: [0xff, 0xd8, 0xff, 0xe0] },
  { title: 'Photo of the result', name: 'photo-2.jpg', share: 0.26, magic: [0xff, 0xd8, 0xff] },
  { title: 'Signed witness statement', name: 'witness.pdf', share: 0.2, magic: [...'%PDF-1.7\n'] },
  { title: 'Reflective account', name: 'reflection.docx', share: 0.08, magic: [...'PK\x03\x04'] },
  { title: 'Screenshot of the log', name: 'log.png', share: 0.14, magic: [0x89, ...'PNG\r\n'] },
];

function evidenceBytes(learnerBytes: number, learner: number): Buffer[] {
  const skew = (f: number) => 1 + (((learner * 7 + f * 3) % 5) - 2) / 10;
  const weights = kinds.map((k, f) => k.share * skew(f));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, f) => {
    const bytes = randomBytes(Math.floor((learnerBytes * w) / sum));
    Buffer.from(kinds[f]!.magic.map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c))).copy(
      bytes,
    );
    return bytes;
  });
}

/** Mapped to the unit's criteria, each met, the unit signed off by the assessor. */
function assessed(p: Portfolio, u: StoredUnit, assessorId: string): Portfolio {
  const base = { updatedAt: now.toISOString(), updatedBy: actor.id, unitId: u.id, unitVersion: 1 };
  const registered = registerOnUnit(p, { unitId: u.id, unitVersion: 1, assessorId }, actor, now);
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
        assessorId,
        feedback: 'Met: the photos and documents show it clearly.',
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
}

export interface PackCentre {
  workspace: Workspace;
  samples: WantedSample[];
  /** The IQA's identity, which signs the pack. */
  identity: SigningIdentity;
  iqaName: string;
  /** Each sampled learner's evidence folder, as `cp -r` copies them. */
  evidenceFolders: string[];
}

/**
 * The demo centre with `learnerCount` learners on one unit holding `totalBytes` of evidence
 * between them, assessed and signed off, each with the assessor's signed unit record issued
 * before the visit, as records usually are.
 */
export async function packCentre(
  root: string,
  learnerCount: number,
  totalBytes: number,
): Promise<PackCentre> {
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
  const ids: string[] = [];
  for (let i = 0; i < learnerCount; i += 1) {
    const learner = await workspace.addLearner(
      { name: `Pack Learner ${i + 1}`, uln: uln(i * 10) },
      actor,
      now,
    );
    ids.push(learner.id);
    for (const [f, bytes] of evidenceBytes(totalBytes / learnerCount, i).entries()) {
      const kind = kinds[f]!;
      const file = path.join(source, `l${i}-${kind.name}`);
      await writeFile(file, bytes);
      await addEvidenceFile(
        workspace,
        learner.id,
        { title: kind.title, producedOn: '2026-11-20', method: 'product evidence' },
        { originalName: kind.name, source: { file } },
        actor,
        () => now,
      );
    }
    const doc = await workspace.portfolio(learner.id);
    await doc.update((p) => assessed(p, u, assessor.id));
    await issueRecord(
      workspace,
      { learnerId: learner.id, kind: 'unit-record', unit: u.id, format: 'pdf', signer },
      actor,
      now,
      { fonts },
    );
  }
  await rm(source, { recursive: true, force: true });
  const learnersDir = path.join(workspace.dir, 'learners');
  const folders = (await readdir(learnersDir)).filter((d) => d.startsWith('pack-learner'));
  return {
    workspace,
    samples: ids.map((id) => ({ learner: id, unit: u.id })),
    identity: await openIdentity(workspace.dir, iqa.id, iqa.name, DEMO_PASSPHRASE),
    iqaName: iqa.name,
    evidenceFolders: folders.map((f) => path.join(learnersDir, f, 'evidence')),
  };
}
