const APPENDED = Symbol('appended-list');

/** What an appended list is made of: the list it grew from (as long as it was then) and the new items. */
export interface AppendedParts<T> {
  readonly base: readonly T[];
  readonly baseLength: number;
  readonly added: readonly T[];
}

/**
 * A list with items added at the end, without copying the list. A portfolio's audit trail and
 * decisions grow for years; copying them on every change (`[...list, item]`) makes a save cost
 * as much as the history, because a list of more than about 16,000 entries is a large object to
 * the JavaScript engine. The result reads exactly like an array (the whole array is made the first
 * time anything reads it, which a change rarely does), and a store that knows lists only grow
 * asks `appendedParts` for the new items alone.
 *
 * Readers see the list as it was when this was called: a base that grows later (the open
 * portfolio's lists are extended in place once a change is saved) adds nothing here.
 */
export function appended<T>(list: readonly T[], ...items: T[]): T[] {
  const prior = appendedParts(list);
  const parts: AppendedParts<T> = prior
    ? { base: prior.base, baseLength: prior.baseLength, added: [...prior.added, ...items] }
    : { base: list, baseLength: list.length, added: items };
  let whole: T[] | null = null;
  const array = (): T[] => {
    whole ??= [...parts.base.slice(0, parts.baseLength), ...parts.added];
    return whole;
  };
  return new Proxy([] as T[], {
    get(_target, key) {
      // Methods run on the list itself, so one that would change it is refused like a write.
      return key === APPENDED ? parts : Reflect.get(array(), key);
    },
    has: (_target, key) => key === APPENDED || Reflect.has(array(), key),
    ownKeys: () => Reflect.ownKeys(array()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(array(), key),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** The base and the new items of a list made by `appended`; undefined for any other list. */
export function appendedParts<T>(list: readonly T[]): AppendedParts<T> | undefined {
  return (list as unknown as { [APPENDED]?: AppendedParts<T> })[APPENDED];
}
