import { readFile } from 'node:fs/promises';
import { auditEntry } from '../../audit/audit';
import { UserError } from '../../kernel/user-error';
import type { StaffMember, StaffRole } from '../../centre/centre-schema';
import { stamp, type Actor } from '../../shared/record';
import { writeFileAtomic } from '../../storage/atomic-write';
import { resolveInside } from '../../storage/resolve-inside';
import type { Workspace } from '../../workspace/workspace';
import { sha256Hex, type StoredIssuedRecord } from '../../portfolio/issued-record';
import { countersignPdf } from '../seal/countersign-pdf';
import { SealError } from '../seal/sign-options';
import { iqaAppearance } from './iqa-appearance';
import { assertCertificateValid, signReason, type Signer } from './issue-record';
import { appended } from '../../shared/appended-list';
import { isIqaOrQualifiedAssessor } from '../../decision/sign-off';

/**
 * Who may countersign: an internal quality assurer, or a qualified assessor countersigning for
 * one working towards their award, and never someone who has already signed the record.
 */
export function assertMayCountersign(
  person: StaffMember,
  role: StaffRole,
  entry: StoredIssuedRecord | undefined,
): void {
  if (!isIqaOrQualifiedAssessor(role, person)) {
    throw new UserError(
      'forbidden',
      'Only an internal quality assurer or a qualified assessor can countersign a record.',
    );
  }
  if (entry?.signatures.some((s) => s.name === person.name)) {
    throw new UserError(
      'conflict',
      `${person.name} has already signed this record; someone else must countersign it.`,
    );
  }
}

/**
 * Adds an IQA's (or countersigning assessor's) signature to an issued PDF in an incremental
 * update: the file grows, the earlier signatures still cover exactly what they signed, and the
 * portfolio's entry takes the new SHA-256. An IQA's signature on a unit record shows in the
 * record's IQA section, with their review's finding.
 */
export async function countersignIssued(
  workspace: Workspace,
  learnerId: string,
  recordId: string,
  signer: Signer,
  actor: Actor,
  now: Date,
  /** Hands the countersigned file over first (the CLI's --out copy): nothing is noted if it fails. */
  deliver?: (bytes: Uint8Array) => Promise<void>,
): Promise<StoredIssuedRecord> {
  const doc = await workspace.portfolio(learnerId);
  const entry = doc.data.issuedRecords.findLast((r) => r.recordId === recordId);
  if (!entry) throw new UserError('not-found', 'That record was not issued from this portfolio.');
  if (entry.format !== 'pdf') {
    throw new UserError(
      'invalid-input',
      'Only PDF records carry signatures, so only they can be countersigned.',
    );
  }
  const file = await resolveInside(await workspace.portfolioFolder(learnerId), entry.file);
  const before = await readFile(file).catch(() => {
    throw new UserError(
      'not-found',
      `The file of record ${recordId} is missing from the records folder.`,
    );
  });
  if (sha256Hex(before) !== entry.sha256) {
    throw new UserError(
      'conflict',
      `The file of record ${recordId} is not the one the portfolio issued (it has been changed), so it cannot be countersigned.`,
    );
  }
  assertCertificateValid(signer, now);
  const visible = await iqaAppearance(workspace, entry, signer, now);
  let after: Uint8Array;
  try {
    after = await countersignPdf(new Uint8Array(before), signer.identity, {
      reason: signReason(signer.role, true),
      location: workspace.centre.centre.name,
      name: signer.name,
      signingTime: now,
      ...(visible ? { visible } : {}),
    });
  } catch (error) {
    if (error instanceof SealError) throw new UserError('conflict', error.message);
    throw error;
  }
  if (deliver) await deliver(after);
  await writeFileAtomic(file, after);
  const updated: StoredIssuedRecord = {
    ...entry,
    ...stamp(actor, now),
    sha256: sha256Hex(after),
    signatures: [
      ...entry.signatures,
      { name: signer.name, role: signer.role, signedAt: now.toISOString() },
    ],
  };
  await doc.update((p) => ({
    ...p,
    issuedRecords: p.issuedRecords.map((r) => (r.id === entry.id ? updated : r)),
    audit: appended(
      p.audit,
      auditEntry(actor, now, 'countersigned record', `record ${recordId}`, {
        before: { sha256: entry.sha256 },
        after: { sha256: updated.sha256, signedBy: signer.name },
      }),
    ),
  }));
  return updated;
}
