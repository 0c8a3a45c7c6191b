import { compareKeys, keyOf, versionOf, type Change, type OrderKey } from './change';

type Rec = Readonly<Record<string, unknown>> & { readonly id: string };

interface Entry {
  first: OrderKey;
  last: OrderKey;
  record: Rec | null;
}

/** One version of a conflict slot: which record, from which change, and what it had seen. */
export interface SlotVersion {
  version: string;
  base: readonly string[];
  kind: string | undefined;
  collection: string;
  record: Rec | null;
  key: OrderKey;
}

export interface SlotState {
  versions: Map<string, SlotVersion>;
  /** Every version some other version of the slot had seen. */
  referenced: Set<string>;
  /** The versions no other has seen, kept as changes arrive so a save never walks the history. */
  heads: Set<string>;
  /** The versions of each kind of change (a sign-off, an unlock…). */
  byKind: Map<string, Set<string>>;
}

/**
 * The state every change folds to. Each record stands as the operation with the highest order
 * key left it; records keep the order in which they first appeared. Both depend only on the set
 * of changes, never on the order they were read in, so every machine holding the same change
 * files shows the same portfolio. Changes arriving in order (the usual case: this process's own
 * saves) are applied in time proportional to the change, not to the history.
 */
export class ChangeFold {
  readonly changes = new Map<string, Change>();
  readonly slots = new Map<string, SlotState>();
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly arrays = new Map<string, readonly Rec[]>();
  private readonly positions = new Map<string, Map<string, number>>();
  private readonly dirty = new Set<string>();
  private lastKey: OrderKey | null = null;
  maxClock = 0;

  constructor(private readonly prepare: (collection: string, record: unknown) => Rec) {}

  /** Adds a change; false when it was already folded (the same change read from two files). */
  add(change: Change, records?: readonly (Rec | null)[]): boolean {
    if (this.changes.has(change.id)) return false;
    const prepared =
      records ?? change.ops.map((op) => (op.r === undefined ? null : this.prepare(op.c, op.r)));
    this.changes.set(change.id, change);
    this.maxClock = Math.max(this.maxClock, change.clock);
    const inOrder = this.lastKey === null || compareKeys(keyOf(change, 0), this.lastKey) > 0;
    const copied = new Set<string>();
    change.ops.forEach((op, index) => {
      const key = keyOf(change, index);
      const record = prepared[index] ?? null;
      const id = record?.id ?? op.del;
      if (id === undefined) return;
      let entries = this.entries.get(op.c);
      if (!entries) {
        entries = new Map();
        this.entries.set(op.c, entries);
      }
      const entry = entries.get(id);
      if (!entry) {
        entries.set(id, { first: key, last: key, record });
        if (inOrder && record && !this.dirty.has(op.c)) this.place(op.c, record, copied, true);
        else this.dirty.add(op.c);
      } else {
        if (compareKeys(key, entry.first) < 0) {
          entry.first = key;
          this.dirty.add(op.c);
        }
        if (compareKeys(key, entry.last) > 0) {
          const wasPresent = entry.record !== null;
          entry.last = key;
          entry.record = record;
          if (inOrder && record && wasPresent && !this.dirty.has(op.c)) {
            this.place(op.c, record, copied, false);
          } else this.dirty.add(op.c);
        }
      }
      for (const [slot, base] of Object.entries(op.s ?? {})) {
        let state = this.slots.get(slot);
        if (!state) {
          state = {
            versions: new Map(),
            referenced: new Set(),
            heads: new Set(),
            byKind: new Map(),
          };
          this.slots.set(slot, state);
        }
        const version = versionOf(change, index, op);
        state.versions.set(version, {
          version,
          base,
          kind: op.k,
          collection: op.c,
          record,
          key,
        });
        if (!state.referenced.has(version)) state.heads.add(version);
        if (op.k) {
          const ofKind = state.byKind.get(op.k) ?? new Set<string>();
          ofKind.add(version);
          state.byKind.set(op.k, ofKind);
        }
        for (const seen of base) {
          if (seen === version) continue;
          state.referenced.add(seen);
          state.heads.delete(seen);
        }
      }
    });
    const last = keyOf(change, change.ops.length);
    if (!this.lastKey || compareKeys(last, this.lastKey) > 0) this.lastKey = last;
    return true;
  }

  /** The versions of a slot no other version has seen: more than one means they were concurrent. */
  heads(slot: string): SlotVersion[] {
    const state = this.slots.get(slot);
    if (!state) return [];
    return [...state.heads].map((version) => state.versions.get(version)!);
  }

  headVersions(slot: string): string[] {
    return this.heads(slot)
      .map((v) => v.version)
      .sort();
  }

  collection(name: string): readonly Rec[] {
    if (this.dirty.has(name)) this.rebuild(name);
    return this.arrays.get(name) ?? [];
  }

  private place(collection: string, record: Rec, copied: Set<string>, isNew: boolean): void {
    const array = this.arrays.get(collection) ?? [];
    let positions = this.positions.get(collection);
    if (!positions) {
      positions = new Map();
      this.positions.set(collection, positions);
    }
    // Changed in place: a change costs what it holds, not what the history holds. A portfolio
    // handed out earlier therefore shows later changes too; the domain never changes it itself.
    copied.add(collection);
    const writable = array as Rec[];
    if (isNew) {
      positions.set(record.id, writable.length);
      writable.push(record);
    } else {
      const at = positions.get(record.id);
      if (at === undefined) {
        this.dirty.add(collection);
        return;
      }
      writable[at] = record;
    }
    this.arrays.set(collection, writable);
  }

  private rebuild(name: string): void {
    this.dirty.delete(name);
    const entries = [...(this.entries.get(name)?.entries() ?? [])]
      .filter(([, e]) => e.record !== null)
      .sort(([, a], [, b]) => compareKeys(a.first, b.first));
    const array = entries.map(([, e]) => e.record as Rec);
    const positions = new Map<string, number>();
    array.forEach((r, i) => positions.set(r.id, i));
    this.arrays.set(name, array);
    this.positions.set(name, positions);
  }
}
