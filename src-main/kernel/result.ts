export type ErrorCode =
  | 'unknown-operation'
  | 'invalid-input'
  | 'read-only'
  | 'not-found'
  | 'conflict'
  | 'not-a-workspace'
  | 'unreadable-file'
  | 'file-system'
  | 'forbidden'
  | 'unsupported'
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** Written for the person using the workbench: what happened and what to do. */
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}
