import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDate, formatDateTime } from '../../kernel/dates';
import { checkRecordFile, type RecordCheck } from '../../record/issue/check-record-file';
import {
  checkRevocationList,
  revocationListBeside,
  type RevocationList,
} from '../../record/identity-store/revocation-list';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine, readGivenFile } from '../command-line';
import { UsageError, type CliIo } from '../io';

export const verifyHelp = `Usage: workbench verify FILE [--workspace DIR] [--trust centre.pem] [--json]

Checks a record offline. For a PDF: each signature's integrity; that each signer's certificate
was issued by the centre certificate (the workspace's, or the one given with --trust when you have
no workspace) and was not replaced or revoked before it signed; and that each signer is the person
the record names in that role. With --workspace, also whether the file is the one issued (its
SHA-256) and whether the evidence files still match the manifest the record was signed over. For
a Word record (--workspace needed): whether it is the record exactly as issued, and its evidence.
With --trust, the centre's revocation list beside the certificate (centre-revocations.json for
centre.pem, as workbench centre certificate writes it) says which certificates were replaced or
revoked and when; a list not signed by that certificate is refused.
Exits 0 only when everything holds, 1 with one line per problem when something does not.`;

function describe(check: RecordCheck, file: string): string[] {
  const lines = [`${path.basename(file)}: ${check.ok ? 'VALID' : 'NOT VALID'}`];
  if (check.recordId)
    lines.push(
      `Record ID: ${check.recordId}${check.learnerName ? ` (learner: ${check.learnerName})` : ''}`,
    );
  for (const s of check.signatures) {
    const cert = s.certificate;
    lines.push(
      `Signature ${s.number}: ${s.signerName}${s.role ? `, ${s.role}` : ''}${s.organisation ? `, ${s.organisation}` : ''}`,
      `  signed: ${s.signingTime ? `${formatDateTime(s.signingTime)} UK time` : 'time not given'}${s.reason ? ` (${s.reason})` : ''}`,
      `  integrity: ${s.intact ? 'intact' : 'BROKEN'}; ${s.ok ? 'valid' : 'not valid'}`,
    );
    if (cert) {
      lines.push(
        `  certificate: ${cert.selfSigned ? 'self-signed' : `issued by ${cert.issuer}`}, valid ${formatDate(cert.validFrom)} to ${formatDate(cert.validTo)}${s.knownToWorkspace === true ? ', one of this workspace’s signing identities' : ''}`,
        `  fingerprint (SHA-256): ${cert.fingerprintSha256}`,
      );
    }
  }
  if (check.evidence) {
    const changed = check.evidence.filter((e) => e.status !== 'unchanged');
    lines.push(
      `Evidence: ${check.evidence.length - changed.length} of ${check.evidence.length} files unchanged`,
    );
    for (const e of changed) lines.push(`  ${e.status}: ${e.fileName}`);
  }
  if (check.docx) {
    lines.push(
      `As issued: ${check.docx.asIssued === null ? 'not known' : check.docx.asIssued ? 'yes' : 'no'}`,
    );
  }
  for (const p of check.problems) lines.push(`Problem: ${p}`);
  for (const n of check.notes) lines.push(`Note: ${n}`);
  return lines;
}

/** The centre certificate given with --trust, and the signed revocation list beside it if any. */
async function trustedCentre(file: string): Promise<{
  trust: X509Certificate;
  stopped: RevocationList['stopped'] | null;
}> {
  const pem = await readGivenFile(file, 'The centre certificate');
  let trust: X509Certificate;
  try {
    trust = new X509Certificate(pem);
  } catch {
    throw new UsageError(`${file} is not a certificate (expected PEM or DER).`);
  }
  const listFile = revocationListBeside(path.resolve(file));
  const list = await readFile(listFile, 'utf8').catch(() => null);
  if (list === null) return { trust, stopped: null };
  try {
    return { trust, stopped: checkRevocationList(list, trust).stopped };
  } catch (error) {
    throw new UsageError(`${path.basename(listFile)}: ${(error as Error).message}`);
  }
}

export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    { workspace: { type: 'string' }, trust: { type: 'string' }, json: { type: 'boolean' } },
    verifyHelp,
    io,
  );
  if (!args) return 0;
  const file = args.only(
    'workbench verify takes one file: workbench verify FILE [--workspace DIR]',
  );
  const bytes = await readGivenFile(file, 'The record');
  const workspaceDir = args.optional('workspace');
  const workspace = workspaceDir ? await Workspace.open(path.resolve(workspaceDir)) : null;
  const trustFile = args.optional('trust');
  const { trust, stopped } = trustFile
    ? await trustedCentre(trustFile)
    : { trust: null, stopped: null };
  const check = await checkRecordFile(new Uint8Array(bytes), file, workspace, { trust, stopped });
  if (args.has('json')) io.out(JSON.stringify(check, null, 2));
  else if (check.notARecord) io.out(`${path.basename(file)}: ${check.notARecord}`);
  else io.out(describe(check, file).join('\n'));
  return check.ok ? 0 : 1;
}
