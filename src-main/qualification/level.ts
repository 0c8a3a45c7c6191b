/** Levels run Entry 1 < Entry 2 < Entry 3 < 1 < … < 8; this gives each a rank to compare. */
export function levelRank(level: string | null): number | null {
  if (level === null) return null;
  const text = level.trim().toLowerCase();
  const entry = /^entry\s*(?:level\s*)?([1-3])$/.exec(text);
  if (entry?.[1]) return Number(entry[1]) - 3;
  const numbered = /^(?:level\s*)?([1-8])$/.exec(text);
  return numbered?.[1] ? Number(numbered[1]) : null;
}

export function isAtOrAbove(level: string | null, minimum: string): boolean {
  const rank = levelRank(level);
  const floor = levelRank(minimum);
  return rank !== null && floor !== null && rank >= floor;
}

export const levelPattern = /^(?:Entry [1-3]|[1-8])$/;
