import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import { HELD_UPLOAD_LIFETIME_MS } from '../storage/leftovers';
import type { PickedFile } from './evidence-views';

export type { PickedFile };

/**
 * Files the person chose in the desktop app's own file dialog or dropped on the window. The
 * screen only ever holds an opaque id for each, never a path, so it cannot ask the workbench
 * to read any other file on the computer.
 */
export class PickedFiles {
  private readonly picked = new Map<string, { file: string; size: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  register(file: string, size: number): PickedFile {
    const pickId = `pick-${randomBytes(12).toString('hex')}`;
    this.picked.set(pickId, { file, size, at: this.now() });
    return { pickId, name: path.basename(file), size };
  }

  take(pickId: string): { file: string; size: number } {
    const found = this.picked.get(pickId);
    // A held upload expires (its copy is removed when the portfolio is next opened).
    if (found && this.now() - found.at > HELD_UPLOAD_LIFETIME_MS) this.picked.delete(pickId);
    if (!found || !this.picked.has(pickId)) {
      throw new UserError('not-found', 'That file was not chosen in this window. Choose it again.');
    }
    this.picked.delete(pickId);
    return found;
  }
}
