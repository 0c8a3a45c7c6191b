import type { WorkbenchBridge } from '../../../src-main/api/bridge';
import type { InputOf, OperationName, ResultOf } from '../../../src-main/api/contract';
import type { ApiError, ApiResult } from '../../../src-main/kernel/result';
import { operationWrites } from '../../../src-main/kernel/operation-names';
import { clearErrorsShownBefore, errorMark } from './notify';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/** A failed operation, carrying the message written for the user. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

const TOKEN_KEY = 'workbench-token';

/**
 * The HTTP host hands its per-launch token in the address's fragment (never sent to a
 * server); keep it for this tab and take it out of the address bar.
 */
function httpToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = window.workbench ? null : httpToken();

/** The HTTP host's access token, for requests that are not operations (file uploads). */
export function accessToken(): string {
  return token ?? '';
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The workbench is not answering. Check that it is still running, then try again.',
      },
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'This page has no access to the workbench. Open it from the address the workbench printed when it started.',
      },
    };
  }
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls an operation on whichever host is present; throws ApiCallError with the user's message. */
export async function call<K extends OperationName>(
  name: K,
  input: InputOf<K>,
): Promise<ResultOf<K>> {
  const bridge = window.workbench;
  const mark = errorMark();
  const result = bridge
    ? await (bridge[name] as (i: InputOf<K>) => Promise<ApiResult<ResultOf<K>>>)(input)
    : ((await overHttp(name, input)) as ApiResult<ResultOf<K>>);
  if (!result.ok) throw new ApiCallError(result.error);
  // A change that went through makes the error messages shown before it stale.
  if (operationWrites[name]) clearErrorsShownBefore(mark);
  return result.data;
}

export const isDesktop = Boolean(window.workbench);
