import type { z } from 'zod';

/**
 * One operation the renderer may call: its input schema, whether it changes anything, and
 * (as a type only) what it answers. The result type is carried by a phantom field so that a
 * single declaration types the handler, both hosts and the renderer's client.
 */
export interface Operation<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly writes: boolean;
  readonly __result?: R;
}

export interface OperationOptions {
  /** Refused while the current user is read-only (an EQA). */
  writes?: boolean;
}

export function operation<R>() {
  return <I extends z.ZodType>(input: I, options: OperationOptions = {}): Operation<I, R> => ({
    input,
    writes: options.writes ?? false,
  });
}

export type OperationMap = Record<string, Operation>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never;

/** Merges per-domain declarations; a name declared twice is a programming error. */
export function mergeOperations<const T extends OperationMap[]>(
  ...maps: T
): UnionToIntersection<T[number]> {
  const merged: OperationMap = {};
  for (const map of maps) {
    for (const [name, op] of Object.entries(map)) {
      if (name in merged) throw new Error(`Operation "${name}" is declared twice`);
      if (!/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/.test(name)) {
        throw new Error(`Operation "${name}" is not named domain:verb`);
      }
      merged[name] = op;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
