import { call } from './client';
import { uploadFile } from './upload';

/**
 * Adds a CPD certificate or note to a person's staff record: sent to the workbench (or, in the
 * desktop app, already staged where the person chose it), then taken by `staff:add-cpd-staged`,
 * which hashes it as it is copied into the person's staff evidence folder.
 */
export async function addCpdFile(
  personId: string,
  cpdId: string,
  source: { kind: 'browser'; file: File } | { kind: 'staged'; stagedId: string },
): Promise<{ path: string; sha256: string }> {
  const stagedId =
    source.kind === 'staged' ? source.stagedId : (await uploadFile(source.file).done).stagedId;
  return call('staff:add-cpd-staged', { personId, cpdId, stagedId });
}
