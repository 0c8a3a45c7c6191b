import type { LineUseKind } from './import-types';
import type { MetadataField, MetadataHit } from './metadata';
import type { OutcomeTree } from './outcome-tree';

const fieldNames: Record<MetadataField, string> = {
  title: 'title',
  level: 'level',
  credits: 'credit value',
  glh: 'guided learning hours',
  ofqual: 'Ofqual unit reference',
  awardingBody: 'unit code',
  outcomeCount: 'number of learning outcomes',
};

const howToWrite: Partial<Record<MetadataField, string>> = {
  level: 'write it as 1 to 8 or Entry 1 to Entry 3',
  credits: 'write it as a number',
  glh: 'write it as a number',
  outcomeCount: 'write it as a number',
};

/** The unit's details as found, first one wins, with the line each came from. */
export class UnitDetails {
  readonly values = new Map<MetadataField, { value: string | number; line: number }>();

  apply(hit: MetadataHit, line: number, tree: OutcomeTree): LineUseKind {
    const name = fieldNames[hit.field];
    if (hit.value === null) {
      const how = howToWrite[hit.field];
      tree.warn(
        line,
        `the ${name} "${hit.written.trim()}" could not be read${how ? `; ${how}` : ''}`,
      );
      return 'reported';
    }
    const existing = this.values.get(hit.field);
    if (existing) {
      if (existing.value !== hit.value) {
        tree.warn(
          line,
          `a second ${name} (${hit.value}) was found; the one on line ${existing.line} (${existing.value}) was kept`,
        );
        return 'reported';
      }
      return 'metadata';
    }
    this.values.set(hit.field, { value: hit.value, line });
    return 'metadata';
  }

  has(field: MetadataField): boolean {
    return this.values.has(field);
  }

  text(field: MetadataField): string | null {
    const v = this.values.get(field)?.value;
    return v === undefined ? null : String(v);
  }

  number(field: MetadataField): number | null {
    const v = this.values.get(field)?.value;
    return typeof v === 'number' ? v : null;
  }
}
