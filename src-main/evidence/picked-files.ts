import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../api/user-error';
import type { PickedFile } from './evidence-views';

export type { PickedFile };

/**
 * Files the person chose in the desktop app's own file dialog or dropped on the window. The
 * screen only ever holds an opaque id for each, never a path, so it cannot ask the workbench
 * to read any other file on the computer.
 */
export class PickedFiles {
  private readonly picked = new Map<string, { file: string; size: number }>();

  register(file: string, size: number): PickedFile {
    const pickId = `pick-${randomBytes(12).toString('hex')}`;
    this.picked.set(pickId, { file, size });
    return { pickId, name: path.basename(file), size };
  }

  take(pickId: string): { file: string; size: number } {
    const found = this.picked.get(pickId);
    if (!found) {
      throw new UserError('not-found', 'That file was not chosen in this window. Choose it again.');
    }
    this.picked.delete(pickId);
    return found;
  }
}
