/**
 * Seeded randomness. Math.random cannot be replayed, and an IQA (or an EQA) must be able to
 * regenerate exactly the plan they were shown from the same workspace and seed.
 */

/** mulberry32: tiny, fast and well enough mixed for choosing samples. Yields [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text, then a final avalanche so that near-identical keys spread apart. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seeds may be typed by people ("2026-spring") or given as numbers. */
export function seedNumber(seed: number | string): number {
  return typeof seed === 'number' && Number.isInteger(seed) ? seed >>> 0 : hashString(String(seed));
}

/**
 * A per-item draw that depends only on the seed and the item's own key, so the order in which
 * the workspace happens to list learners cannot change the plan.
 */
export function keyedDraw(seed: number, key: string): number {
  return hashString(key, seed);
}

/** A short stable id such as "sm-4f0c9a1b2d", derived rather than random so plans replay. */
export function derivedId(prefix: string, key: string): string {
  const a = hashString(key, 0x9e3779b9).toString(16).padStart(8, '0');
  const b = (hashString(key, 0x7f4a7c15) & 0xff).toString(16).padStart(2, '0');
  return `${prefix}-${a}${b}`;
}
