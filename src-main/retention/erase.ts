import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { auditEntry } from '../audit/audit';
import { portfolioReadme } from '../portfolio/portfolio-readme';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Learner, StaffMember } from '../centre/centre-schema';
import { retentionPolicyOf } from '../centre/retention-policy';
import { erasedLearnerFields } from '../centre/roster-tombstones';
import { erasedPortfolioFolder } from '../centre/portfolio-folder';
import { eraseFromVisitPacks } from '../visit-pack/pack-erasure';
import { UserError } from '../kernel/user-error';
import type { Erasure, ErasureBasis, ErasureScope } from '../portfolio/erasure-schema';
import { identitySalt, valueHash } from '../portfolio/erasure-scrub';
import { wordCount } from '../storage/learner-tombstones';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { assertCentreStanding } from '../record/identity-store/centre-authority';
import type { Signer } from '../record/issue/issue-record';
import { appended } from '../shared/appended-list';
import { dayOf, stamp, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { scrubCentreFiles, scrubQaFiles } from './centre-scrub';
import { emptyFolder, removeEvidenceCopies } from './erase-files';
import { issueErasureRecord, newErasureRecordId } from './erasure-record';
import { erasedValues, identityValues } from './erased-values';
import { eraseFromQaText } from './qa-text-erasure';
import { learnerRetention, pseudonymOf } from './retention-due';

export interface EraseRequest {
  learnerId: string;
  reason: string;
  scope: ErasureScope;
  /** True to erase before the period ends, because the learner asked and the law allows it. */
  onRequest?: boolean;
}

export interface EraseResult {
  recordId: string;
  recordFile: string;
  pseudonym: string;
  scope: ErasureScope;
  basis: ErasureBasis;
  evidenceErased: number;
  filesRemoved: string[];
  filesRewritten: string[];
}

/** Who may decide an erasure: an internal quality assurer of the centre (its quality lead). */
export function assertMayErase(person: StaffMember): void {
  if (person.archived || !person.roles.includes('iqa')) {
    throw new UserError(
      'forbidden',
      `${person.name} is not one of the centre's internal quality assurers, so cannot erase a learner's data. Ask the IQA or centre lead.`,
    );
  }
}

function words(scope: ErasureScope): { erased: string[]; kept: string[] } {
  return {
    erased: [
      'Every evidence file, in the portfolio and in every copy the workbench keeps (held and staged uploads, conflict copies, visit packs).',
      'Each evidence item’s title, location, author, notes and written record; witnesses’ names, contact details and accounts.',
      ...(scope === 'learner'
        ? [
            'The learner’s name, ULN, date of birth, employer, workplace and needs, replaced by the pseudonym in the portfolio, the centre roster and the audit trails.',
            'The learner’s drawn or typed signatures (their hashes stay) and the record files issued from the portfolio (their hashes stay).',
            'The learner’s part of the centre’s own copies of EQA visit packs: their evidence and records, name and details (the pack names them by the pseudonym and keeps their decisions). Those copies are no longer signed; the EQA keeps each pack as it was sent.',
          ]
        : []),
    ],
    kept: [
      'Assessment decisions, sign-offs, countersignatures and their signed proofs.',
      'The hash of every signature and of every issued record, so records already issued still verify.',
      'The SHA-256 of every erased evidence file.',
      'The audit trail, with what was erased replaced.',
      ...(scope === 'learner'
        ? [
            'QA files made from data (sampling plans and reviews, standardisation records, EQA visit records) name the learner by the pseudonym; signed files already issued (sampling reports, EQA reports) are kept as issued, so their hashes still verify.',
          ]
        : []),
    ],
  };
}

interface Checked {
  learner: Learner;
  doc: Awaited<ReturnType<Workspace['portfolio']>>;
  portfolio: Portfolio;
  reason: string;
  basis: ErasureBasis;
}

/** Who erases, with whose identity, why, and whether the policy (or the learner's request) allows it. */
async function checkErasure(
  workspace: Workspace,
  request: EraseRequest,
  person: StaffMember,
  signer: Signer,
  now: Date,
): Promise<Checked> {
  assertMayErase(person);
  await assertCentreStanding(
    workspace.dir,
    signer.identity,
    `${signer.name}'s signing identity was not issued by this centre's certificate, so the erasure record would not verify.`,
  );
  if (signer.identity.info.commonName !== person.name) {
    throw new UserError(
      'forbidden',
      `This signing identity is ${signer.identity.info.commonName}'s, not ${person.name}'s.`,
    );
  }
  const reason = request.reason.trim();
  if (!reason) throw new UserError('invalid-input', 'Say why the data is being erased.');
  const learner = workspace.learner(request.learnerId);
  const doc = await workspace.portfolio(learner.id);
  const portfolio = doc.data;
  if (portfolio.erasures.some((e) => e.scope === 'learner')) {
    throw new UserError('conflict', `${learner.name}'s personal data was already erased.`);
  }
  const policy = retentionPolicyOf(workspace.centre.centre);
  const standing = learnerRetention(learner, portfolio, policy, dayOf(now));
  const allowed =
    request.scope === 'learner' ? standing.scope === 'learner' : standing.scope !== null;
  if (!allowed && !request.onRequest) {
    throw new UserError(
      'forbidden',
      `${learner.name}'s ${request.scope === 'learner' ? 'portfolio' : 'evidence'} has not reached the end of its retention period under the centre's policy. To erase it because the learner asked, where the law allows, say it is on their request.`,
    );
  }
  return { learner, doc, portfolio, reason, basis: allowed ? 'retention' : 'request' };
}

/** The signed erasure record, then the tombstone that names what it erased (values only hashed). */
async function recordErasure(
  workspace: Workspace,
  checked: Checked,
  scope: ErasureScope,
  person: StaffMember,
  signer: Signer,
  actor: Actor,
  now: Date,
): Promise<{ tombstone: Erasure; recordFile: string; known: string[] }> {
  const { learner, portfolio, reason, basis } = checked;
  const pseudonym = pseudonymOf(learner.id);
  const recordId = newErasureRecordId(now);
  const erasedEvidence = portfolio.evidence
    .filter((e) => !portfolio.erasures.some((x) => x.evidence.some((v) => v.id === e.id)))
    .map((e) => ({ id: e.id, sha256: e.file?.sha256 ?? null, size: e.file?.size ?? null }));
  const known = erasedValues(learner, portfolio, scope);
  const { erased, kept } = words(scope);
  const record = await issueErasureRecord(workspace.dir, {
    recordId,
    centreName: workspace.centre.centre.name,
    learnerId: learner.id,
    pseudonym,
    scope,
    basis,
    reason,
    erased,
    kept,
    evidence: erasedEvidence,
    signer,
    now,
  });
  const salt = randomBytes(16).toString('hex');
  const identity = identityValues(learner, portfolio, scope);
  const centreSalt = identitySalt(workspace.centre.centre.id);
  const tombstone: Erasure = {
    id: `er-${randomBytes(5).toString('hex')}`,
    ...stamp(actor, now),
    erasedAt: now.toISOString(),
    by: person.id,
    byName: person.name,
    role: signer.role,
    reason,
    basis,
    scope,
    pseudonym,
    evidence: erasedEvidence,
    fields: erased,
    salt,
    valueHashes: known.map((v) => valueHash(salt, v)),
    identityHashes: identity.map((v) => valueHash(centreSalt, v)),
    identityWordCounts: [...new Set(identity.map(wordCount))].sort((a, b) => a - b),
    recordId,
    recordSha256: record.sha256,
  };
  return { tombstone, recordFile: record.file, known };
}

/**
 * The tombstone and its audit entry in the portfolio, then every copy on disk the portfolio's
 * folder and the workspace keep rewritten or removed.
 */
async function eraseFromPortfolio(
  workspace: Workspace,
  { learner, doc }: Checked,
  tombstone: Erasure,
  known: string[],
  actor: Actor,
  now: Date,
): Promise<{ filesRemoved: string[]; filesRewritten: string[] }> {
  const { recordId, scope, basis, reason, evidence } = tombstone;
  const entry = auditEntry(actor, now, 'erased under the retention policy', `erasure ${recordId}`, {
    after: { recordId, scope, basis, reason, evidence: evidence.length },
    subject: { learnerId: learner.id },
  });
  await doc.update((p) => ({
    ...p,
    erasures: appended(p.erasures, tombstone),
    audit: appended(p.audit, entry),
  }));
  const folder = await workspace.portfolioFolder(learner.id);
  const filesRemoved = await removeEvidenceCopies(workspace.dir, folder, evidence);
  if (scope === 'learner') {
    filesRemoved.push(...(await emptyFolder(path.join(folder, 'records'), workspace.dir)));
    const readme = path.join(folder, 'README.txt');
    await writeFileAtomic(
      readme,
      portfolioReadme(tombstone.pseudonym, workspace.centre.centre.name),
    );
  }
  const rel = (f: string) =>
    path.relative(workspace.dir, path.join(folder, f)).split(path.sep).join('/');
  const filesRewritten = (await doc.scrubOnDisk(known)).map(rel);
  await rm(path.join(folder, 'portfolio.json'), { force: true });
  await doc.flush();
  return { filesRemoved, filesRewritten };
}

/**
 * Erases a learner's evidence (and, for scope "learner", their personal details) as the centre's
 * retention policy allows, or on the learner's request: a signed erasure record first, then a
 * tombstone in the portfolio that wins over every change of what it names, then every copy on
 * disk rewritten or removed, and the erasure on the centre's audit trail.
 */
export async function eraseLearner(
  workspace: Workspace,
  request: EraseRequest,
  person: StaffMember,
  signer: Signer,
  actor: Actor,
  now: Date,
): Promise<EraseResult> {
  const checked = await checkErasure(workspace, request, person, signer, now);
  const { tombstone, recordFile, known } = await recordErasure(
    workspace,
    checked,
    request.scope,
    person,
    signer,
    actor,
    now,
  );
  const { filesRemoved, filesRewritten } = await eraseFromPortfolio(
    workspace,
    checked,
    tombstone,
    known,
    actor,
    now,
  );
  const fromCentre = await eraseFromCentre(workspace, checked.learner, tombstone, actor, now);
  // The roster now names the portfolio's folder by the pseudonym: the folder follows it.
  await workspace.mergeStrayFolders();
  fromCentre.push(...(await eraseFromQaText(workspace)));
  // After the QA files: a pack's own files are made again, with a manifest of what it holds.
  const full = request.scope === 'learner';
  const fromPacks = await eraseFromVisitPacks(workspace.dir, {
    learnerId: checked.learner.id,
    pseudonym: tombstone.pseudonym,
    full,
    evidenceIds: tombstone.evidence.map((e) => e.id),
    // Only what names the learner: an employer may be another learner's in the pack too.
    replace: full ? naming(checked.learner, tombstone.pseudonym) : [],
    note: `erased on ${dayOf(now)} (erasure record ${tombstone.recordId})`,
  });
  return {
    recordId: tombstone.recordId,
    recordFile,
    pseudonym: tombstone.pseudonym,
    scope: request.scope,
    basis: tombstone.basis,
    evidenceErased: tombstone.evidence.length,
    filesRemoved,
    filesRewritten: [...filesRewritten, ...fromCentre, ...fromPacks],
  };
}

/** The learner's roster entry as a full erasure leaves it: the pseudonym, no details. */
function erasedRosterEntry(l: Learner, tombstone: Erasure, actor: Actor, now: Date): Learner {
  const { dateOfBirth: _dob, ...rest } = l;
  return {
    ...rest,
    name: tombstone.pseudonym,
    uln: '',
    employer: '',
    workplace: '',
    needs: '',
    archived: true,
    portfolio: erasedPortfolioFolder(l.id, tombstone.pseudonym),
    erased: {
      pseudonym: tombstone.pseudonym,
      erasedAt: tombstone.erasedAt,
      recordId: tombstone.recordId,
    },
    ...stamp(actor, now),
  };
}

/** What names the learner (their name, their ULN) in any text, and what stands instead. */
function naming(learner: Learner, pseudonym: string): [string, string][] {
  return [
    [learner.name, pseudonym],
    [learner.uln, ''],
  ];
}

/** The learner's values others may share (an employer, needs), and what stands instead. */
function ownValues(learner: Learner): [string, string][] {
  return [learner.employer, learner.needs].filter((v) => v).map((v) => [v, '[erased]']);
}

/**
 * The erasure on the centre's audit trail and, for a full one, the roster pseudonymised and
 * the learner taken out of the centre's copies and the QA files.
 */
async function eraseFromCentre(
  workspace: Workspace,
  learner: Learner,
  tombstone: Erasure,
  actor: Actor,
  now: Date,
): Promise<string[]> {
  const full = tombstone.scope === 'learner';
  const entry = auditEntry(
    actor,
    now,
    full ? 'erased learner data' : 'erased learner evidence',
    `learner ${learner.id}`,
    {
      after: {
        recordId: tombstone.recordId,
        recordSha256: tombstone.recordSha256,
        basis: tombstone.basis,
        reason: tombstone.reason,
        pseudonym: tombstone.pseudonym,
      },
      subject: { learnerId: learner.id },
    },
  );
  await workspace.changeCentre((c) => ({
    centre: {
      ...c,
      learners: full
        ? c.learners.map((l) =>
            l.id === learner.id ? erasedRosterEntry(l, tombstone, actor, now) : l,
          )
        : c.learners,
      audit: [...c.audit, entry],
    },
    result: null,
  }));
  if (!full) return [];
  await workspace.flushCentre();
  const { learnerId, pseudonym } = { learnerId: learner.id, pseudonym: tombstone.pseudonym };
  const fields = erasedLearnerFields(pseudonym);
  const erasure = { learnerId, pseudonym, fields, replace: naming(learner, pseudonym) };
  const own = ownValues(learner);
  const rewritten = [
    ...(await scrubCentreFiles(workspace.dir, { ...erasure, own })),
    ...(await scrubQaFiles(workspace.dir, { ...erasure, own })),
  ];
  await workspace.reopenCentre();
  return rewritten;
}
