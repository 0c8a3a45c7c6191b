import type { InputOf } from '../../../src-main/api/contract';
import { accessToken, ApiCallError, call } from './client';
import type { FileToAdd } from './add-evidence-file';

export type TypedTestimonyInput = NonNullable<InputOf<'witness:import-picked'>['typed']>;

/**
 * Sends a returned witness form the way evidence files go: the file as the request body to
 * the HTTP host (what it is in a header), or, in the desktop app, the file the person chose.
 * Without `typed` the form must be a fillable PDF, whose fields are read.
 */
export async function sendReturnedForm(
  learnerId: string,
  file: FileToAdd,
  typed?: TypedTestimonyInput,
): Promise<{ evidenceId: string }> {
  if (file.source.kind === 'picked') {
    return call('witness:import-picked', { learnerId, pickId: file.source.pickId, typed });
  }
  if (typed) {
    // The file first, held by the workbench; then what was typed, in an ordinary call's body.
    const { pickId } = await upload<{ pickId: string }>(
      learnerId,
      file.name,
      file.source.file,
      true,
    );
    return call('witness:import-picked', { learnerId, pickId, typed });
  }
  return upload<{ evidenceId: string }>(learnerId, file.name, file.source.file, false);
}

async function upload<T>(
  learnerId: string,
  originalName: string,
  body: File,
  hold: boolean,
): Promise<T> {
  const response = await fetch('/upload/witness-form', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${accessToken()}`,
      'X-Workbench-Witness-Form': encodeURIComponent(
        JSON.stringify({ learnerId, originalName, hold }),
      ),
    },
    body,
  }).catch(() => {
    throw new Error('The form could not be sent. Check that the workbench is still running.');
  });
  let answer: { ok: true; data: T } | { ok: false; error: { code: 'internal'; message: string } };
  try {
    answer = (await response.json()) as typeof answer;
  } catch {
    throw new Error('The workbench gave an answer that could not be read. Try again.');
  }
  if (!answer.ok) throw new ApiCallError(answer.error);
  return answer.data;
}
