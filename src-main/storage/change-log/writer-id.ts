import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { safeName } from '../safe-name';

/**
 * A new writer of change files: the computer's name, the process id and a few random
 * characters, so two processes (on one computer or two) never share a file, and a process id
 * reused after a restart starts a file of its own.
 */
export function newWriterId(): string {
  return `${safeName(hostname(), 'computer', 24)}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
