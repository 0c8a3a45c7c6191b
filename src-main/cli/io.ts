import { UserError } from '../kernel/user-error';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** A bad command line: the CLI prints the message on one line and exits 2. */
export class UsageError extends Error {}

/**
 * The one line a bad command line gets (a usage mistake, a refusal in the user's words, or an
 * option the command does not know), or null for anything else.
 */
export function usageLine(error: unknown, name: string): string | null {
  if (error instanceof UsageError || error instanceof UserError) {
    return `workbench ${name}: ${error.message}`;
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    return `workbench ${name}: ${error.message}. See workbench ${name} --help.`;
  }
  return null;
}
