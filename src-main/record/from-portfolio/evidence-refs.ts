import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import type { Evidence } from '../../portfolio/evidence-schema';
import { activeMappings } from '../../portfolio/mapping-schema';
import type { Portfolio } from '../../portfolio/portfolio-schema';
import { resolveInside } from '../../storage/resolve-inside';
import type { ManifestEntry } from '../model/record-document';
import { sha256File } from '../verify/check-evidence';
import { criterionKey } from '../../kernel/criterion-key';

/**
 * Evidence references as printed on every record: E1, E2… in the order items were added to the
 * portfolio, so the same item has the same reference on the tracking sheet, the observation
 * record and the evidence index.
 */
export function evidenceRefs(portfolio: Portfolio): Map<string, string> {
  // A stable sort: items added in the same moment keep the order the portfolio lists them in.
  const ordered = [...portfolio.evidence].sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  return new Map(ordered.map((e, i) => [e.id, `E${i + 1}`]));
}

/** The live evidence items mapped to a criterion or part of a unit, keyed by `criterionKey`. */
export function evidenceByTarget(portfolio: Portfolio, unitId: string): Map<string, Evidence[]> {
  const byId = new Map(portfolio.evidence.filter((e) => !e.archived).map((e) => [e.id, e]));
  const result = new Map<string, Evidence[]>();
  for (const m of activeMappings(portfolio)) {
    if (m.unitId !== unitId) continue;
    const evidence = byId.get(m.evidenceId);
    if (!evidence) continue;
    const key = criterionKey(m.criterionRef, m.partRef);
    result.set(key, [...(result.get(key) ?? []), evidence]);
  }
  return result;
}

/** The manifest's name for an evidence file: its path inside the evidence folder. */
export function manifestName(evidence: Evidence): string | null {
  return evidence.file ? evidence.file.path.replace(/^evidence\//, '') : null;
}

/**
 * Hashes the files a record relies on as they are now, so the signed record says exactly which
 * bytes it was made from. A file that has gone is named: a record must not claim evidence it
 * could not read.
 */
export async function hashEvidence(
  portfolioDir: string,
  items: readonly Evidence[],
): Promise<ManifestEntry[]> {
  const unique = new Map<string, Evidence>();
  for (const e of items) {
    const name = manifestName(e);
    if (name) unique.set(name, e);
  }
  return Promise.all(
    [...unique].map(async ([fileName, evidence]) => {
      try {
        const file = await resolveInside(portfolioDir, path.posix.join('evidence', fileName));
        return { fileName, sha256: await sha256File(file) };
      } catch {
        throw new UserError(
          'not-found',
          `The evidence file of "${evidence.title}" (${fileName}) is missing from the portfolio, so the record cannot be made. Put the file back or unmap the evidence.`,
        );
      }
    }),
  );
}
