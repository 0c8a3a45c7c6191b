import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof helpOption }>
>;

/**
 * Reads a command's arguments the way every command does: its options, any positionals, and
 * `--help` (or `-h`), which prints the command's help. Null when the help was printed, so the
 * command returns 0 and does nothing else.
 */
export function readCommandLine<const O extends Options>(
  argv: string[],
  options: O,
  help: string,
  io: CliIo,
): Parsed<O> | null {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...options, ...helpOption },
  }) as Parsed<O>;
  if ((parsed.values as { help?: boolean }).help) {
    io.out(help);
    return null;
  }
  return parsed;
}

/** The one positional argument a command takes (its folder or file), or a usage error saying so. */
export function onePositional(positionals: readonly string[], usage: string): string {
  const [only, ...extra] = positionals;
  if (!only || extra.length) throw new UsageError(usage);
  return only;
}
