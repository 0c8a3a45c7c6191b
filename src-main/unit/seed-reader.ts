import type { Outcome, UnitSpec } from './unit-schema';

/**
 * Reads the pipe-table layout of the built-in seed units (first row of an outcome has four
 * cells, continuation rows two). The general importer supersedes it.
 */
export function readPipeTableUnit(text: string, title: string): UnitSpec {
  const outcomes: Outcome[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length === 4) {
      const [ref = '', outcomeText = '', criterionRef = '', criterionText = ''] = cells;
      outcomes.push({
        ref,
        text: outcomeText,
        kind: /^(understand|know)\b/i.test(outcomeText) ? 'knowledge' : 'competence',
        criteria: [{ ref: criterionRef, text: criterionText, parts: [] }],
      });
    } else if (cells.length === 2 && outcomes.length > 0) {
      const [ref = '', criterionText = ''] = cells;
      outcomes[outcomes.length - 1]?.criteria.push({ ref, text: criterionText, parts: [] });
    }
  }
  return {
    title,
    level: null,
    credits: null,
    glh: null,
    codes: { ofqual: null, awardingBody: null },
    outcomes,
    methods: [],
    guidance: [],
  };
}
