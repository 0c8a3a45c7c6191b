import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import type { StaffMember } from '../centre/centre-schema';
import type { PassphraseSource } from './identity-store/signers';
import type { StoredIssuedRecord } from './issued/issued-record';
import type { IssuedRecordView } from './record-views';

export function passphraseSource(wb: Workbench, passphrase?: string): PassphraseSource {
  const { protectSecret, unprotectSecret } = wb.host;
  return {
    ...(passphrase ? { passphrase } : {}),
    userDataDir: wb.paths.userDataDir,
    ...(protectSecret && unprotectSecret ? { keeper: { protectSecret, unprotectSecret } } : {}),
  };
}

/** The person using the workbench, who is the one who signs. */
export function currentPerson(wb: Workbench): {
  person: StaffMember;
  role: StaffMember['roles'][number];
} {
  const user = wb.signedIn();
  if (!user) {
    throw new UserError(
      'forbidden',
      'Choose who is using the workbench (top right) before signing.',
    );
  }
  return user;
}

export function view(entry: StoredIssuedRecord, learnerName: string): IssuedRecordView {
  return { ...entry, learnerName, fileName: path.posix.basename(entry.file) };
}
