import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { isoDate } from '../shared/record';
import { UsageError, type CliIo } from './io';
import { readPassphrase, readSigningFiles } from './passphrase';
export { readGivenFile, readGivenJson } from './given-files';

type Options = NonNullable<ParseArgsConfig['options']>;
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof helpOption }>
>;
type Values<O extends Options> = Parsed<O>['values'];
/** The names of a command's options that take a value (`--out FILE`), not a switch. */
type Valued<O extends Options> = {
  [K in keyof O & string]: O[K]['type'] extends 'string' ? K : never;
}[keyof O & string];

/**
 * A command's arguments as the user gave them, read one way by every command: its options and
 * positionals, each asked for by what the command needs (a required option, a date, a file that
 * must exist, a passphrase), so a mistake is one line in the user's words naming the option.
 */
export class CommandLine<O extends Options> {
  constructor(
    readonly values: Values<O>,
    readonly positionals: readonly string[],
  ) {}

  private text(name: Valued<O>): string | undefined {
    const value = (this.values as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** The one folder or file the command works on, as given; else `usage` as the error. */
  only(usage: string): string {
    return onePositional(this.positionals, usage);
  }

  /** Exactly `count` folders or files, as given; else `usage` as the error. */
  exactly(count: number, usage: string): string[] {
    if (this.positionals.length !== count || this.positionals.some((p) => !p)) {
      throw new UsageError(usage);
    }
    return [...this.positionals];
  }

  /** An option the command cannot do without; `missing` says what to give, as "say which learner …". */
  required(name: Valued<O>, missing: string): string {
    const value = this.text(name);
    if (!value?.trim()) throw new UsageError(missing);
    return value;
  }

  /** An option that may be left out. */
  optional(name: Valued<O>): string | undefined {
    return this.text(name);
  }

  /** A switch (`--json`): whether it was given. */
  has(name: keyof O & string): boolean {
    return (this.values as Record<string, unknown>)[name] === true;
  }

  /** An option given once for each of several things (`--sample A --sample B`). */
  repeated(name: Valued<O>): string[] {
    const value = (this.values as Record<string, unknown>)[name];
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  }

  /** One of a few words (`--format pdf|docx`), or undefined when left out. */
  choice<const W extends string>(
    name: Valued<O>,
    words: readonly W[],
    wrong: string,
  ): W | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!(words as readonly string[]).includes(value)) throw new UsageError(wrong);
    return value as W;
  }

  /** A date written YYYY-MM-DD, or undefined when left out. */
  date(name: Valued<O>): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !isoDate.safeParse(value).success) {
      throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not "${value}".`);
    }
    return value;
  }

  /** The passphrase from --passphrase-file (else WORKBENCH_PASSPHRASE); `needed` names what wants it. */
  passphrase(needed: string): Promise<string> {
    return readPassphrase(this.text('passphrase-file' as Valued<O>), needed);
  }

  /**
   * `--sign --identity FILE.p12 [--passphrase-file F]`: the identity's file and passphrase, or
   * null without --sign. `whose` names the identity wanted, as in "the IQA signing identity".
   */
  signingFiles(whose: string, options: { always?: boolean } = {}) {
    const values = this.values as { sign?: boolean; identity?: string; 'passphrase-file'?: string };
    return readSigningFiles(options.always ? { ...values, sign: true } : values, whose);
  }

  /** The same, opened: the signing identity itself, or null without --sign. */
  async signingIdentity(
    whose: string,
    options: { always?: boolean } = {},
  ): Promise<SigningIdentity | null> {
    const files = await this.signingFiles(whose, options);
    if (!files) return null;
    // Loaded only by the commands that sign, so the others start without the signing code.
    const { openP12 } = await import('../record/identity-store/identity-store');
    return openP12(files.p12, files.passphrase);
  }
}

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
): CommandLine<O> | null {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...options, ...helpOption },
  }) as Parsed<O>;
  if ((parsed.values as { help?: boolean }).help) {
    io.out(help);
    return null;
  }
  return new CommandLine<O>(parsed.values, parsed.positionals);
}

/** The one positional argument a command takes (its folder or file), or a usage error saying so. */
export function onePositional(positionals: readonly string[], usage: string): string {
  const [only, ...extra] = positionals;
  if (!only || extra.length) throw new UsageError(usage);
  return only;
}
