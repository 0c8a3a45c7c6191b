import { z } from 'zod';

/**
 * One operation inside a change: a record put (whole, as it now stands) into a collection, or
 * taken out of it. `s` names the conflict slots the record belongs to (a criterion, a unit, a
 * feedback record), each with the versions of that slot its writer had seen: the "last state
 * both saw" that tells a later change from a concurrent one.
 */
export const opSchema = z.object({
  c: z.string().min(1),
  r: z.record(z.string(), z.unknown()).optional(),
  del: z.string().min(1).optional(),
  v: z.string().min(1).optional(),
  s: z.record(z.string(), z.array(z.string())).optional(),
  k: z.string().optional(),
});

/** One change: written once, as one line, by one writer, and never changed afterwards. */
export const changeSchema = z.object({
  id: z.string().min(1),
  writer: z.string().min(1),
  seq: z.number().int().positive(),
  /** A Lamport clock: higher than every change its writer had seen. */
  clock: z.number().int().nonnegative(),
  at: z.string(),
  by: z.string().optional(),
  /** Whose folder it belongs to, so a file copied into the wrong portfolio is refused. */
  owner: z.string().min(1),
  ops: z.array(opSchema),
});

export type Op = z.infer<typeof opSchema>;
export type Change = z.infer<typeof changeSchema>;

/** The deterministic order of every operation: clock, then writer, then sequence, then place. */
export type OrderKey = readonly [number, string, number, number];

export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] - b[2];
  return a[3] - b[3];
}

export const keyOf = (change: Change, index: number): OrderKey => [
  change.clock,
  change.writer,
  change.seq,
  index,
];

/** The version an operation makes of its slots: given (imports), or its change and place. */
export const versionOf = (change: Change, index: number, op: Op): string =>
  op.v ?? `${change.id}.${index}`;
