import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../../storage/resolve-inside';
import type { ManifestEntry } from '../model/record-document';

export interface EvidenceFileCheck {
  fileName: string;
  expectedSha256: string;
  actualSha256: string | null;
  status: 'unchanged' | 'changed' | 'missing';
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Compares each manifest entry with the file of that name under `evidenceDir`. Names that would
 * lead outside the folder count as missing and are never read: a manifest is untrusted input.
 */
export async function checkEvidence(
  entries: ManifestEntry[],
  evidenceDir: string,
): Promise<EvidenceFileCheck[]> {
  const root = path.resolve(evidenceDir);
  return Promise.all(
    entries.map(async (entry): Promise<EvidenceFileCheck> => {
      let actual: string | null = null;
      try {
        actual = await sha256File(await resolveInside(root, entry.fileName));
      } catch {
        actual = null;
      }
      return {
        fileName: entry.fileName,
        expectedSha256: entry.sha256,
        actualSha256: actual,
        status: actual === null ? 'missing' : actual === entry.sha256 ? 'unchanged' : 'changed',
      };
    }),
  );
}
