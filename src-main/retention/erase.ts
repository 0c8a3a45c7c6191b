import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { auditEntry } from '../audit/audit';
import { portfolioReadme } from '../portfolio/portfolio-readme';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Learner, StaffMember } from '../centre/centre-schema';
import { retentionPolicyOf } from '../centre/retention-policy';
import { erasedLearnerFields } from '../centre/roster-tombstones';
import { UserError } from '../kernel/user-error';
import type { Erasure, ErasureBasis, ErasureScope } from '../portfolio/erasure-schema';
import { valueHash } from '../portfolio/erasure-scrub';
import type { Portfolio } from '../portfolio/portfolio-schema';
import { assertCentreStanding } from '../record/identity-store/centre-authority';
import type { Signer } from '../record/issue/issue-record';
import { appended } from '../shared/appended-list';
import { dayOf, stamp, type Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import { scrubCentreFiles, scrubQaFiles } from './centre-scrub';
import { emptyFolder, removeEvidenceCopies } from './erase-files';
import { issueErasureRecord, newErasureRecordId } from './erasure-record';
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

/** Every personal value the erasure takes, so text holding one anywhere is found. */
function erasedValues(learner: Learner, portfolio: Portfolio, scope: ErasureScope): string[] {
  const values: string[] = [];
  for (const e of portfolio.evidence) {
    values.push(e.title, e.location, e.producedBy, e.notes, e.record);
    if (e.file) values.push(e.file.originalName, path.posix.basename(e.file.path));
  }
  for (const t of portfolio.testimonies) {
    const w = t.witness;
    values.push(
      w.name,
      w.contact,
      w.jobTitle,
      w.relationship,
      w.competence,
      t.venue,
      t.description,
    );
    for (const c of t.criteria) values.push(c.how);
  }
  for (const f of portfolio.witnessForms) values.push(f.witnessName);
  if (scope === 'learner') {
    values.push(learner.name, learner.uln, learner.employer, learner.workplace, learner.needs);
    if (learner.dateOfBirth) values.push(learner.dateOfBirth);
    for (const s of portfolio.signatures)
      if (s.role === 'learner' && s.typedName) values.push(s.typedName);
  }
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
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
            'QA files made from data (sampling plans and reviews, standardisation records, EQA visit records) name the learner by the pseudonym; signed files already issued (sampling reports, visit packs sent to the EQA) are kept as issued, so their hashes still verify.',
          ]
        : []),
    ],
  };
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
  const basis: ErasureBasis = allowed ? 'retention' : 'request';
  const pseudonym = pseudonymOf(learner.id);
  const recordId = newErasureRecordId(now);
  const erasedEvidence = portfolio.evidence
    .filter((e) => !portfolio.erasures.some((x) => x.evidence.some((v) => v.id === e.id)))
    .map((e) => ({ id: e.id, sha256: e.file?.sha256 ?? null, size: e.file?.size ?? null }));
  const known = erasedValues(learner, portfolio, request.scope);
  const { erased, kept } = words(request.scope);
  const record = await issueErasureRecord(workspace.dir, {
    recordId,
    centreName: workspace.centre.centre.name,
    learnerId: learner.id,
    pseudonym,
    scope: request.scope,
    basis,
    reason,
    erased,
    kept,
    evidence: erasedEvidence,
    signer,
    now,
  });
  const salt = randomBytes(16).toString('hex');
  const tombstone: Erasure = {
    id: `er-${randomBytes(5).toString('hex')}`,
    ...stamp(actor, now),
    erasedAt: now.toISOString(),
    by: person.id,
    byName: person.name,
    role: signer.role,
    reason,
    basis,
    scope: request.scope,
    pseudonym,
    evidence: erasedEvidence,
    fields: erased,
    salt,
    valueHashes: known.map((v) => valueHash(salt, v)),
    recordId,
    recordSha256: record.sha256,
  };
  const entry = auditEntry(actor, now, 'erased under the retention policy', `erasure ${recordId}`, {
    after: { recordId, scope: request.scope, basis, reason, evidence: erasedEvidence.length },
    subject: { learnerId: learner.id },
  });
  await doc.update((p) => ({
    ...p,
    erasures: appended(p.erasures, tombstone),
    audit: appended(p.audit, entry),
  }));
  const folder = await workspace.portfolioFolder(learner.id);
  const filesRemoved = await removeEvidenceCopies(workspace.dir, folder, erasedEvidence);
  if (request.scope === 'learner') {
    filesRemoved.push(...(await emptyFolder(path.join(folder, 'records'), workspace.dir)));
    const readme = path.join(folder, 'README.txt');
    await writeFileAtomic(readme, portfolioReadme(pseudonym, workspace.centre.centre.name));
  }
  const rel = (f: string) =>
    path.relative(workspace.dir, path.join(folder, f)).split(path.sep).join('/');
  const filesRewritten = (await doc.scrubOnDisk(known)).map(rel);
  await rm(path.join(folder, 'portfolio.json'), { force: true });
  await doc.flush();
  filesRewritten.push(
    ...(await eraseFromCentre(workspace, learner, request.scope, tombstone, actor, now)),
  );
  return {
    recordId,
    recordFile: record.file,
    pseudonym,
    scope: request.scope,
    basis,
    evidenceErased: erasedEvidence.length,
    filesRemoved,
    filesRewritten,
  };
}

/** The erasure on the centre's audit trail and, for a full one, the roster pseudonymised. */
async function eraseFromCentre(
  workspace: Workspace,
  learner: Learner,
  scope: ErasureScope,
  tombstone: Erasure,
  actor: Actor,
  now: Date,
): Promise<string[]> {
  const entry = auditEntry(
    actor,
    now,
    scope === 'learner' ? 'erased learner data' : 'erased learner evidence',
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
  const fields = erasedLearnerFields(tombstone.pseudonym);
  const erased = {
    pseudonym: tombstone.pseudonym,
    erasedAt: tombstone.erasedAt,
    recordId: tombstone.recordId,
  };
  await workspace.changeCentre((c) => ({
    centre: {
      ...c,
      learners:
        scope === 'learner'
          ? c.learners.map((l) => {
              if (l.id !== learner.id) return l;
              const { dateOfBirth: _dob, ...rest } = l;
              const values = { name: tombstone.pseudonym, uln: '', employer: '', workplace: '' };
              return {
                ...rest,
                ...values,
                needs: '',
                archived: true,
                erased,
                ...stamp(actor, now),
              };
            })
          : c.learners,
      audit: [...c.audit, entry],
    },
    result: null,
  }));
  if (scope !== 'learner') return [];
  await workspace.flushCentre();
  const replace: [string, string][] = [
    [learner.name, tombstone.pseudonym],
    [learner.uln, ''],
    ...(learner.employer ? [[learner.employer, '[erased]'] as [string, string]] : []),
    ...(learner.needs ? [[learner.needs, '[erased]'] as [string, string]] : []),
  ];
  const erasure = { learnerId: learner.id, pseudonym: tombstone.pseudonym, fields, replace };
  const rewritten = [
    ...(await scrubCentreFiles(workspace.dir, erasure)),
    ...(await scrubQaFiles(workspace.dir, erasure)),
  ];
  await workspace.reopenCentre();
  return rewritten;
}
