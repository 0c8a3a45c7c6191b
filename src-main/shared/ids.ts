import { randomBytes } from 'node:crypto';

/** Short, stable, collision-resistant ids that still say what they name ("ln-4f0c9a1b2d"). */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
