import path from 'node:path';
import type { Workbench } from '../app/workbench';
import type { PassphraseSource } from './identity-store/signers';
import type { StoredIssuedRecord } from '../portfolio/issued-record';
import type { IssuedRecordView } from './record-views';

export function passphraseSource(wb: Workbench, passphrase?: string): PassphraseSource {
  const { protectSecret, unprotectSecret } = wb.host;
  return {
    ...(passphrase ? { passphrase } : {}),
    userDataDir: wb.paths.userDataDir,
    ...(protectSecret && unprotectSecret ? { keeper: { protectSecret, unprotectSecret } } : {}),
  };
}

export function view(entry: StoredIssuedRecord, learnerName: string): IssuedRecordView {
  return { ...entry, learnerName, fileName: path.posix.basename(entry.file) };
}
