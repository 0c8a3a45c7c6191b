import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPipeTableUnit } from './seed-reader';
import type { StoredUnit, UnitSpec } from './unit-schema';

interface LibraryEntry {
  id: string;
  file: string;
  title: string;
  awardingBody: string | null;
  metadata: Partial<Pick<UnitSpec, 'level' | 'credits' | 'glh' | 'codes' | 'methods'>>;
}

/** The units the workbench ships with, read from its own copy of the seed specifications. */
const library: LibraryEntry[] = [
  {
    id: 'unit-ocn-pa1-3-lq-044',
    file: 'external-customers-l3.md',
    title: 'Deliver, Monitor and Evaluate Customer Service to External Customers',
    awardingBody: 'OCN London',
    metadata: {
      level: '3',
      credits: 3,
      glh: 12,
      codes: { ofqual: 'J/508/4003', awardingBody: 'PA1/3/LQ/044' },
      methods: [{ name: 'practical demonstration', use: 'prescribed' }],
    },
  },
  {
    id: 'unit-internal-customers',
    file: 'internal-customers.md',
    title: 'Deliver, Monitor and Evaluate Customer Service to Internal Customers',
    awardingBody: null,
    metadata: {},
  },
  {
    id: 'unit-principles-of-customer-service',
    file: 'principles-of-customer-service.md',
    title: 'Principles of Customer Service',
    awardingBody: null,
    metadata: {},
  },
];

export async function loadBuiltInUnits(resourcesDir: string, now: Date): Promise<StoredUnit[]> {
  return Promise.all(
    library.map(async (entry) => {
      const text = await readFile(path.join(resourcesDir, 'seeds', entry.file), 'utf8');
      const spec = { ...readPipeTableUnit(text, entry.title), ...entry.metadata };
      return {
        ...spec,
        schemaVersion: 1 as const,
        id: entry.id,
        version: 1,
        awardingBody: entry.awardingBody,
        builtIn: true,
        source: { fileName: entry.file, text, importedAt: now.toISOString() },
      };
    }),
  );
}
