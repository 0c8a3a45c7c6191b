import type { ErrorCode } from './result';

/** An error whose message is fit to show the user as it is. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
