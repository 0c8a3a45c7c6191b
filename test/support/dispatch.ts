import type { Dispatch } from '../../src-main/api/dispatcher';

/** Calls an operation through the dispatcher and returns its result; a refusal fails the test. */
export async function ok<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** Calls an operation that must be refused and returns the message the user would read. */
export async function refused(dispatch: Dispatch, name: string, input: unknown): Promise<string> {
  const result = await dispatch(name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused`);
  return result.error.message;
}
