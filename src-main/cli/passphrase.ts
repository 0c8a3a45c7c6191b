import { readGivenFile } from './given-files';
import { UsageError } from './io';

/**
 * A signing identity's passphrase, from a file (its final line break dropped) or else from the
 * WORKBENCH_PASSPHRASE environment variable: never from the command line, where other users of
 * the computer could read it. `needed` names what wants it, as in "--sign needs the passphrase".
 */
export async function readPassphrase(file: string | undefined, needed: string): Promise<string> {
  let text: string | undefined;
  if (file) {
    text = (await readGivenFile(file, 'The passphrase file')).toString('utf8');
  } else {
    text = process.env.WORKBENCH_PASSPHRASE;
  }
  const value = text?.replace(/\r?\n$/, '');
  if (!value) {
    throw new UsageError(
      `${needed} needs the passphrase: use --passphrase-file FILE or set WORKBENCH_PASSPHRASE.`,
    );
  }
  return value;
}

/** The options of every command that signs with a person's identity, read by `readSigningFiles`. */
export const signingOptions = {
  sign: { type: 'boolean' },
  identity: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

/**
 * What `--sign --identity FILE.p12 [--passphrase-file F]` asks for: the PKCS#12 file's bytes and
 * its passphrase, or null without --sign (when --identity or --passphrase-file alone is a
 * mistake worth saying). `whose` names the identity wanted, as in "the IQA signing identity".
 */
export async function readSigningFiles(
  values: { sign?: boolean; identity?: string; 'passphrase-file'?: string },
  whose: string,
): Promise<{ p12: Uint8Array; passphrase: string } | null> {
  if (!values.sign) {
    if (values.identity || values['passphrase-file']) {
      throw new UsageError('--identity and --passphrase-file are for signing: add --sign.');
    }
    return null;
  }
  if (!values.identity) throw new UsageError(`--sign needs ${whose}: --identity FILE.p12`);
  const p12 = await readGivenFile(values.identity, 'The signing identity');
  const passphrase = await readPassphrase(values['passphrase-file'], '--sign');
  return { p12, passphrase };
}
