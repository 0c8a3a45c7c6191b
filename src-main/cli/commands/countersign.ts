import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import { roleLabels, type StaffMember } from '../../centre/centre-schema';
import { signerFor, signingRole } from '../../record/identity-store/signers';
import { assertMayCountersign, countersignIssued } from '../../record/issue/countersign-record';
import { findIssued } from '../../record/issue/find-issued';
import type { Actor } from '../../shared/record';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import type { CliIo } from '../io';
import { makeFolders, writeOutFile } from '../out-file';

export const countersignHelp = `Usage: workbench countersign DIR --record ID --as NAME [--role iqa|assessor] [--out FILE]

Adds a second signature to a signed PDF record issued from the workspace DIR, in an incremental
update that leaves the assessor's signature valid, and notes it in the learner's portfolio.

  --record ID      the record's id, as printed on it (R-20261124-7K3F9Q)
  --as NAME        who countersigns: a member of staff's exact name or id
  --role ROLE      iqa or assessor (a qualified assessor countersigning); their IQA role if left out
  --passphrase-file FILE   read the identity's passphrase from FILE (else WORKBENCH_PASSPHRASE)
  --out FILE       also copy the countersigned record to FILE

The passphrase is never given on the command line itself, where other users could see it.`;

const system: Actor = { id: 'command-line', role: 'system' };

function findStaff(workspace: Workspace, wanted: string): StaffMember {
  const text = wanted.trim().normalize('NFC');
  const live = workspace.centre.staff.filter((s) => !s.archived);
  const byId = live.find((s) => s.id === text);
  if (byId) return byId;
  const named = live.filter((s) => s.name.normalize('NFC') === text);
  if (named.length === 1 && named[0]) return named[0];
  throw new UserError(
    named.length ? 'conflict' : 'not-found',
    named.length
      ? `More than one member of staff is called ${text}; give their id instead.`
      : `Nobody on this centre's staff list has the name or id "${text}".`,
  );
}

export async function countersignCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      record: { type: 'string' },
      as: { type: 'string' },
      role: { type: 'string' },
      'passphrase-file': { type: 'string' },
      out: { type: 'string' },
    },
    countersignHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only(
    'workbench countersign takes one workspace folder. See workbench countersign --help.',
  );
  const record = args.required('record', 'say which record with --record (its record id).');
  const as = args.required('as', 'say who countersigns with --as (their name or id).');
  const wantedRole = args.choice('role', ['iqa', 'assessor'], '--role must be iqa or assessor.');
  const secret = await args.passphrase('countersigning');

  const workspace = await Workspace.open(path.resolve(dir));
  const person = findStaff(workspace, as);
  const role = signingRole(
    person,
    wantedRole ?? (person.roles.includes('iqa') ? 'iqa' : undefined),
  );
  const recordId = record.trim().toUpperCase();
  const found = await findIssued(workspace, recordId);
  if (!found) {
    throw new UserError('not-found', `No portfolio in this workspace issued record ${recordId}.`);
  }
  assertMayCountersign(person, role, found.entry);
  const signer = await signerFor(workspace, person, role, { passphrase: secret, userDataDir: '' });
  const outFile = args.optional('out');
  const out = outFile ? path.resolve(outFile) : null;
  // As `workbench record --out`: the copy is written first, and the countersignature is kept
  // in the portfolio only once it is; a folder that cannot be made is one line, at once.
  const deliver = out
    ? async (bytes: Uint8Array) => {
        const made = await makeFolders(path.dirname(out));
        if (made.length) io.out(`Made the folder ${path.dirname(out)} for the record.`);
        await writeOutFile(out, bytes);
      }
    : undefined;
  const updated = await countersignIssued(
    workspace,
    found.learner.id,
    recordId,
    signer,
    system,
    new Date(),
    deliver,
  );
  io.out(
    `Record ${recordId} (${updated.title}, ${found.learner.name}) countersigned by ${person.name}, ${roleLabels[role]}: ${updated.signatures.length} signatures. ${out ? `Copied to ${out}. ` : ''}SHA-256 ${updated.sha256}.`,
  );
  return 0;
}
