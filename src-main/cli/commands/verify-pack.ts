import path from 'node:path';
import { checkPack } from '../../visit-pack/verify-pack';
import { readCommandLine, readGivenFile } from '../command-line';
import type { CliIo } from '../io';

export const verifyPackHelp = `Usage: workbench verify-pack FOLDER|ZIP [--trust centre.pem] [--json]

Checks an EQA visit pack offline: every file against MANIFEST.sha256 (and no file added), the
IQA's signature of the manifest against the centre certificate, every signed record's
signatures, and every evidence file against the SHA-256 its portfolio noted when it was added.
Give --trust with the copy of the centre certificate you hold; without it the pack's own
centre.pem is used. Exits 0 only when everything holds, 1 naming each file that does not.`;

export async function verifyPackCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    { trust: { type: 'string' }, json: { type: 'boolean' } },
    verifyPackHelp,
    io,
  );
  if (!args) return 0;
  const target = args.only('workbench verify-pack takes one pack folder or .zip.');
  const trustFile = args.optional('trust');
  const trust = trustFile ? await readGivenFile(trustFile, 'The centre certificate') : null;
  const check = await checkPack(path.resolve(target), trust);
  if (args.has('json')) {
    io.out(JSON.stringify(check, null, 2));
    return check.ok ? 0 : 1;
  }
  io.out(
    `${path.basename(target)}: ${check.ok ? 'VALID' : 'NOT VALID'} (${check.checked.files} files, ${check.checked.records} records, ${check.checked.evidence} evidence files checked)${check.signedBy ? `; manifest signed by ${check.signedBy}` : ''}`,
  );
  for (const p of check.problems) io.out(`Problem: ${p}`);
  for (const n of check.notes) io.out(`Note: ${n}`);
  return check.ok ? 0 : 1;
}
