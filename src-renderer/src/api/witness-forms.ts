import type { InputOf } from '../../../src-main/api/contract';
import { call } from './client';
import { stagedIdOf, type FileToAdd } from './add-evidence-file';

export type TypedTestimonyInput = NonNullable<InputOf<'witness:import-staged'>['typed']>;

/**
 * Sends a returned witness form the way evidence files go (a browser uploads it to be staged;
 * the desktop app staged it when it was chosen), then imports it. Without `typed` the form
 * must be a fillable PDF, whose fields are read.
 */
export async function sendReturnedForm(
  learnerId: string,
  file: FileToAdd,
  typed?: TypedTestimonyInput,
): Promise<{ evidenceId: string }> {
  const stagedId = await stagedIdOf(file);
  return call('witness:import-staged', { learnerId, stagedId, typed });
}
