import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameInAnyOrder } from '../../support/fold-orders';
import { z } from 'zod';
import type { Change, Op } from '../../../src-main/storage/change-log/change';
import { ChangeFold } from '../../../src-main/storage/change-log/change-fold';
import {
  assemble,
  diffCells,
  slotOf,
  type Cell,
  type DocumentShape,
} from '../../../src-main/storage/change-log/document-cells';
import { fieldConflicts } from '../../../src-main/storage/document-conflicts';
import { DocumentLog } from '../../../src-main/storage/document-log';
import { useTempDirs } from '../../support/temp-dir';

type Json = Record<string, unknown>;

const shape: DocumentShape = {
  objects: ['centre'],
  lists: [{ path: 'learners' }, { path: 'audit', whole: true }],
};
const FIELDS = ['email', 'employer', 'cohort'] as const;

const newFold = () => new ChangeFold((_c, r) => Object.freeze({ ...(r as { id: string }) }));
const docOf = (fold: ChangeFold) =>
  assemble((c) => fold.collection(c) as readonly Cell[], shape) as Json;

const slotted = (fold: ChangeFold, ops: Op[]) =>
  ops.map((op) => {
    if (op.c === 'audit') return op;
    const cell = op.r as Cell;
    const slot = slotOf(op.c, cell.k, cell.f);
    return { ...op, s: { [slot]: fold.headVersions(slot) } };
  });

interface Step {
  writer: number;
  learner: number;
  field: number;
  value: number;
  sync: boolean;
}

/**
 * Writers editing one document apart and now and then seeing each other's changes, as the
 * centre file's writers do: each change sets one field of one learner and adds an audit entry.
 */
function simulate(steps: Step[]): Change[] {
  const writers = [0, 1, 2].map((w) => ({ name: `w${w}`, seq: 0, fold: newFold() }));
  const all: Change[] = [];
  const make = (w: (typeof writers)[number], before: Json, after: Json) => {
    w.seq += 1;
    const change: Change = {
      id: `${w.name}:${w.seq}`,
      writer: w.name,
      seq: w.seq,
      clock: w.fold.maxClock + 1,
      at: `2026-12-02T09:00:${String(w.seq).padStart(2, '0')}.000Z`,
      owner: 'centre',
      ops: slotted(w.fold, diffCells(before, after, shape)),
    };
    w.fold.add(change);
    all.push(change);
  };
  const first = writers[0]!;
  make(
    first,
    {},
    {
      centre: { name: 'Northgate' },
      learners: [0, 1, 2].map((i) => ({ id: `ln-${i}`, name: `Learner ${i}`, email: '' })),
      audit: [],
    },
  );
  for (const w of writers.slice(1)) w.fold.add(all[0]!);
  for (const step of steps) {
    const w = writers[step.writer]!;
    if (step.sync) for (const c of all) w.fold.add(c);
    const before = docOf(w.fold);
    const field = FIELDS[step.field]!;
    const learners = (before.learners as Json[]).map((l, i) =>
      i === step.learner ? { ...l, [field]: `${w.name}-${step.value}` } : l,
    );
    const entry = { id: `au-${w.name}-${w.seq + 1}`, action: `set ${field}` };
    make(w, before, {
      ...before,
      learners,
      audit: [...(before.audit as Json[]), entry],
    });
  }
  return all;
}

function stateOf(fold: ChangeFold) {
  const doc = docOf(fold);
  const conflicts = [...fold.slots.keys()]
    .sort()
    .map((slot) => fieldConflicts(fold, slot, 'centre.json', doc, shape))
    .filter(Boolean);
  return { doc, conflicts };
}

const foldAll = (changes: readonly Change[]) => {
  const fold = newFold();
  for (const c of changes) fold.add(c);
  return fold;
};

const steps = fc.array(
  fc.record({
    writer: fc.integer({ min: 0, max: 2 }),
    learner: fc.integer({ min: 0, max: 2 }),
    field: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: 0, max: 2 }),
    sync: fc.boolean(),
  }),
  { minLength: 1, maxLength: 30 },
);

describe('a document kept as a record log', () => {
  it('folds any order and any split across two copies to the same state, holding every change', () => {
    fc.assert(
      fc.property(
        steps,
        fc.func(fc.integer()),
        fc.array(fc.boolean(), { minLength: 31, maxLength: 31 }),
        (plan, shuffleKey, split) => {
          const changes = simulate(plan);
          const reference = expectSameInAnyOrder(changes, newFold, stateOf, shuffleKey, split);

          // Every change is there: its audit entry, and each value it set is either shown or
          // one side of a conflict, unless a later change that had seen it replaced it.
          const fold = foldAll(changes);
          expect(reference.doc.audit).toHaveLength(changes.length - 1);
          for (const change of changes.slice(1)) {
            const op = change.ops.find((o) => o.c === 'learners');
            // Setting a field to the value it had changes nothing but the audit trail.
            if (!op) continue;
            const cell = op.r as Cell;
            const slot = slotOf('learners', cell.k, cell.f);
            const version = `${change.id}.${change.ops.indexOf(op)}`;
            expect(fold.slots.get(slot)!.versions.has(version)).toBe(true);
            if (fold.headVersions(slot).includes(version)) {
              const learner = (reference.doc.learners as Json[]).find((l) => l.id === cell.k)!;
              const conflict = reference.conflicts.find((c) => c!.slot === slot);
              const values = [learner[cell.f], ...(conflict?.versions.map((v) => v.value) ?? [])];
              expect(values).toContain(cell.x);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps both computers’ changes to different fields of one record, and shows the same field changed differently as a conflict', () => {
    const changes = simulate([
      { writer: 1, learner: 0, field: 0, value: 1, sync: true },
      { writer: 2, learner: 0, field: 1, value: 1, sync: true },
      { writer: 1, learner: 1, field: 2, value: 1, sync: false },
      { writer: 2, learner: 1, field: 2, value: 2, sync: false },
    ]);
    const { doc, conflicts } = stateOf(foldAll(changes));
    const [first, second] = doc.learners as Json[];
    expect(first).toMatchObject({ email: 'w1-1', employer: 'w2-1' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.versions.map((v) => v.value).sort()).toEqual(['w1-1', 'w2-2']);
    expect(['w1-1', 'w2-2']).toContain(second!.cohort);
  });
});

const schema = z.object({
  schemaVersion: z.literal(1),
  centre: z.object({ name: z.string() }),
  learners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      employer: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    }),
  ),
  audit: z.array(z.object({ id: z.string(), action: z.string() })),
});
type Doc = z.infer<typeof schema>;

const specIn = (dir: string, writer: string) => ({
  file: path.join(dir, 'centre.json'),
  name: 'centre.json',
  changesDir: path.join(dir, 'centre-changes'),
  schema,
  label: 'The centre file',
  shape,
  owner: 'centre',
  writer,
});

const setLearner = (field: 'email' | 'employer', value: string, by: string, at: string) => {
  return (d: Doc): Doc => ({
    ...d,
    learners: d.learners.map((l, i) =>
      i === 0 ? { ...l, [field]: value, updatedAt: at, updatedBy: by } : l,
    ),
  });
};

describe('a document log on disk', () => {
  const tempDir = useTempDirs();

  it('upgrades today’s layout, and merges two copies edited apart with both changes kept', async () => {
    const office = await tempDir();
    const today: Doc = {
      schemaVersion: 1,
      centre: { name: 'Northgate' },
      learners: [
        {
          id: 'ln-1',
          name: 'Amira Khan',
          email: 'amira@example.org',
          employer: 'Leeds Teaching Hospitals',
          updatedAt: '2026-12-01T09:00:00.000Z',
          updatedBy: 'st-1',
        },
      ],
      audit: [],
    };
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(office, 'centre.json'), JSON.stringify(today));
    const opened = await DocumentLog.open(specIn(office, 'office-1'));
    expect(opened.data).toEqual(today);
    expect(await readdir(path.join(office, 'centre-changes'))).toEqual([
      expect.stringMatching(/^import-[0-9a-f]+\.jsonl$/),
    ]);
    // The file at the usual path is now a snapshot, still readable as the document.
    expect(JSON.parse(await readFile(path.join(office, 'centre.json'), 'utf8'))).toMatchObject({
      snapshot: { changes: 1 },
      ...today,
    });

    // The laptop takes a copy, then both change the same learner apart.
    const laptop = await tempDir();
    await cp(office, laptop, { recursive: true });
    const a = await DocumentLog.open(specIn(office, 'office-2'));
    const b = await DocumentLog.open(specIn(laptop, 'laptop-1'));
    await a.update(setLearner('email', 'amira.khan@nhs.net', 'st-a', '2026-12-02T09:00:00.000Z'));
    await b.update(
      setLearner('employer', 'Harrogate District NHS', 'st-b', '2026-12-02T09:01:00.000Z'),
    );
    await a.update((d) => ({ ...d, centre: { name: 'Northgate Skills' } }));
    await b.update((d) => ({ ...d, centre: { name: 'Northgate College' } }));

    // The sync engine brings each side's change files to the other.
    await cp(path.join(laptop, 'centre-changes'), path.join(office, 'centre-changes'), {
      recursive: true,
    });
    expect(await a.checkDisk()).toBe('reloaded');
    expect(a.data.learners[0]).toMatchObject({
      email: 'amira.khan@nhs.net',
      employer: 'Harrogate District NHS',
    });
    const [conflict, ...others] = a.conflicts;
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ file: 'centre.json', collection: 'centre', field: 'name' });
    expect(conflict!.versions.map((v) => v.value).sort()).toEqual([
      'Northgate College',
      'Northgate Skills',
    ]);
    expect(conflict!.versions.every((v) => v.at)).toBe(true);

    // Keeping one value settles it for everyone who reads the change.
    const kept = conflict!.versions.find((v) => v.value === 'Northgate College')!;
    await a.settle(conflict!.id, kept.version);
    expect(a.conflicts).toEqual([]);
    expect(a.data.centre.name).toBe('Northgate College');
    await a.flush();
    const reread = await DocumentLog.open(specIn(office, 'reader'));
    expect(reread.data).toEqual(a.data);
    expect(reread.conflicts).toEqual([]);
  });
});
