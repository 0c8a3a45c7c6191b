import { accessToken, ApiCallError, call } from './client';

/**
 * Sends a CPD certificate or note to the workbench: streamed to the HTTP host as the request
 * body, or, in the desktop app, copied from where the person chose it. Either way it is hashed
 * as it is copied into the person's staff evidence folder.
 */
export async function addCpdFile(
  personId: string,
  cpdId: string,
  source: { kind: 'browser'; file: File } | { kind: 'picked'; pickId: string },
): Promise<{ path: string; sha256: string }> {
  if (source.kind === 'picked') {
    return call('staff:add-cpd-picked', { personId, cpdId, pickId: source.pickId });
  }
  const response = await fetch('/upload/cpd-evidence', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${accessToken()}`,
      'X-Workbench-CPD-Evidence': encodeURIComponent(
        JSON.stringify({ personId, cpdId, originalName: source.file.name }),
      ),
    },
    body: source.file,
  }).catch(() => {
    throw new Error('The file could not be sent. Check that the workbench is still running.');
  });
  const answer = (await response.json().catch(() => null)) as
    | { ok: true; data: { path: string; sha256: string } }
    | { ok: false; error: { code: 'internal'; message: string } }
    | null;
  if (!answer) throw new Error('The workbench gave an answer that could not be read. Try again.');
  if (!answer.ok) throw new ApiCallError(answer.error);
  return answer.data;
}
