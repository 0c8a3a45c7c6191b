import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';

/**
 * Every path that comes from the screen or the API goes through here, so a name such as
 * `../../etc/passwd`, an absolute path or a link pointing outside can never reach a file
 * beyond the workspace or portfolio it belongs to.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw outside(relative);
  }
  const realRoot = await realpath(root);
  const candidate = path.resolve(realRoot, relative);
  assertWithin(realRoot, candidate, relative);
  // Follow links for whatever part of the path exists already.
  const existing = await realpathOfExistingPart(candidate);
  assertWithin(realRoot, existing, relative);
  return candidate;
}

function assertWithin(root: string, candidate: string, shown: string): void {
  const rel = path.relative(root, candidate);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw outside(shown);
}

async function realpathOfExistingPart(candidate: string): Promise<string> {
  let current = candidate;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return candidate;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function outside(shown: string): UserError {
  return new UserError(
    'forbidden',
    `"${shown}" points outside this workspace, so the workbench will not use it. Choose a file inside the workspace folder.`,
  );
}
