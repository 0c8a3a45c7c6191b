import { UserError } from '../kernel/user-error';
import { thirdPartyChoices, type ThirdPartyChoice } from '../visit-pack/third-party';
import { UsageError } from './io';

/** Reads --third-party: leave-out or include; undefined when not given. */
export function parseThirdParty(value: string | undefined): ThirdPartyChoice | undefined {
  if (value === undefined) return undefined;
  if ((thirdPartyChoices as readonly string[]).includes(value)) return value as ThirdPartyChoice;
  throw new UsageError('--third-party is leave-out or include.');
}

/** A share refused for marked evidence nobody chose for says how to choose on the command line. */
export function thirdPartyHint(error: unknown): never {
  if (error instanceof UserError && /other people's personal data/.test(error.message)) {
    throw new UserError(
      error.code,
      `${error.message.replace(/ Choose for each whether.*$/, '')} Say what to do with them: --third-party leave-out or --third-party include.`,
    );
  }
  throw error;
}
