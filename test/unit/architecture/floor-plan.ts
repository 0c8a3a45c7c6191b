/**
 * The floor plan of the code, as the README draws it. Each file of src-main stands on a floor and
 * may use (import values from) its own floor and the floors below; the renderer and the preload
 * may use values of the kernel alone. Type-only imports are erased at build time and may cross
 * floors within the main process, but never make a file cycle.
 */
export const floors = [
  'kernel',
  'shared',
  'storage',
  'domain',
  'app',
  'operations',
  'demo',
  'hosts',
] as const;
export type Floor = (typeof floors)[number] | 'preload' | 'renderer';

/**
 * The domain floor, lowest first: each domain may use the ones listed for it (which are all
 * below it), and no other.
 */
export const domains: Record<string, readonly string[]> = {
  unit: [],
  audit: [],
  staff: ['audit'],
  centre: ['audit', 'staff'],
  settings: ['centre'],
  qualification: ['unit'],
  portfolio: ['audit', 'centre', 'unit'],
  decision: ['audit', 'centre', 'portfolio', 'unit'],
  mapping: ['audit', 'decision', 'portfolio', 'unit'],
  evidence: ['audit', 'decision', 'portfolio', 'unit'],
  planning: ['audit', 'centre', 'decision', 'portfolio', 'unit'],
  // The IQA's sampling stands below records: a record carries the reviews of the learner's work.
  sampling: ['audit', 'centre', 'decision', 'portfolio', 'qualification', 'unit'],
  record: [
    'audit',
    'centre',
    'decision',
    'evidence',
    'mapping',
    'planning',
    'portfolio',
    'qualification',
    'sampling',
    'unit',
  ],
  witness: [
    'audit',
    'centre',
    'decision',
    'evidence',
    'mapping',
    'planning',
    'portfolio',
    'qualification',
    'record',
    'unit',
  ],
  learner: ['centre', 'decision', 'evidence', 'mapping', 'portfolio', 'qualification', 'unit'],
  workspace: ['audit', 'centre', 'portfolio', 'unit', 'witness'],
  competence: ['audit', 'centre', 'evidence', 'portfolio', 'qualification', 'sampling', 'staff'],
  'visit-pack': [
    'audit',
    'centre',
    'competence',
    'decision',
    'evidence',
    'mapping',
    'portfolio',
    'qualification',
    'record',
    'sampling',
    'unit',
  ],
  // The learner's timeline reads the sampling files for the IQA's samples of the learner's work,
  // and the EQA visits that sampled it.
  timeline: ['sampling', 'visit-pack'],
  'learner-copy': [
    'audit',
    'centre',
    'evidence',
    'portfolio',
    'record',
    'sampling',
    'unit',
    'visit-pack',
    'workspace',
  ],
  registration: [],
  session: [],
  'progress-review': ['audit', 'centre', 'decision', 'portfolio', 'unit'],
  retention: ['audit', 'centre', 'portfolio', 'record', 'sampling', 'visit-pack', 'workspace'],
};

/**
 * Value imports that run against the plan, each named so the list can only shrink: the test fails
 * on one not listed here and on one listed that is gone. None is left; keep it that way.
 */
export const knownBackArrows: readonly string[] = [];

const OPERATION_FILE = /-(contract|handlers)\.ts$|\/record-handler-support\.ts$/;

/** The floor a source file stands on, and its domain when it is on the domain floor. */
export function placeOf(file: string): { floor: Floor; domain?: string } {
  if (file.startsWith('src-renderer/')) return { floor: 'renderer' };
  if (file === 'src-main/hosts/electron/preload.ts') return { floor: 'preload' };
  const folder = file.split('/')[1]!;
  if (folder === 'kernel' || folder === 'shared' || folder === 'storage') return { floor: folder };
  if (folder === 'app' || folder === 'demo') return { floor: folder };
  if (folder === 'hosts' || folder === 'cli') return { floor: 'hosts' };
  if (folder === 'api' || OPERATION_FILE.test(file)) return { floor: 'operations' };
  return { floor: 'domain', domain: folder };
}

/** Why `from` may not use a value of `to`, or null when the plan allows it. */
export function againstPlan(from: string, to: string): string | null {
  const a = placeOf(from);
  const b = placeOf(to);
  if (a.floor === 'renderer' || a.floor === 'preload') {
    if (b.floor === 'renderer' || b.floor === 'kernel') return null;
    return `the ${a.floor} may use values of the kernel alone`;
  }
  if (b.floor === 'renderer' || b.floor === 'preload') return 'nothing imports the screen';
  if (a.floor === 'kernel' && b.floor !== 'kernel') return 'the kernel imports only itself';
  const rank = (f: Floor) => floors.indexOf(f as (typeof floors)[number]);
  if (rank(b.floor) > rank(a.floor)) return `${a.floor} is below ${b.floor}`;
  if (a.floor === 'domain' && b.floor === 'domain' && a.domain !== b.domain) {
    const allowed = domains[a.domain!];
    if (!allowed) return `${a.domain} is not in the floor plan's table of domains`;
    if (!allowed.includes(b.domain!)) return `${a.domain} may not use ${b.domain}`;
  }
  return null;
}
