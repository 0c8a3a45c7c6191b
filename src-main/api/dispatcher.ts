import type { Workbench } from '../app/workbench';
import { describeIssues } from '../storage/json-document';
import { contract } from './contract';
import type { OperationMap } from '../shared/operation';
import { handlers } from './handlers';
import { failure, type ApiError, type ApiResult } from '../kernel/result';
import { UserError } from '../kernel/user-error';

export type Dispatch = (name: string, input: unknown) => Promise<ApiResult<unknown>>;

/** What a dispatcher serves: the app's own contract, or a small one in tests. */
export interface OperationTable {
  operations: OperationMap;
  handlers: Record<string, (input: never, workbench: Workbench) => Promise<unknown>>;
}

/**
 * The single entry both hosts call: checks the name, validates the input against the
 * contract's schema, refuses changes from a read-only user, and turns every failure into a
 * message for the user. Nothing from here is logged with its data.
 */
export function createDispatcher(
  workbench: Workbench,
  table: OperationTable = { operations: contract, handlers },
): Dispatch {
  return async (name, rawInput) => {
    if (!Object.hasOwn(table.operations, name)) {
      return failure('unknown-operation', `The workbench has no operation called "${name}".`);
    }
    const declared = table.operations[name]!;
    const parsed = declared.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return failure('invalid-input', `That could not be used: ${describeIssues(parsed.error)}.`);
    }
    if (declared.writes && workbench.openedPack) {
      return failure(
        'read-only',
        'This is a visit pack, open to read only: nothing in it can be changed, so nothing was. Open the centre’s workspace to make changes.',
      );
    }
    if (declared.writes && workbench.readOnly()) {
      return failure(
        'read-only',
        'External quality assurers have read-only access, so nothing was changed. Switch to an assessor or IQA to make changes.',
      );
    }
    try {
      const handler = table.handlers[name]!;
      // The schema has just checked the input, which is what the handler's type promises.
      return { ok: true, data: await handler(parsed.data as never, workbench) };
    } catch (error) {
      return { ok: false, error: toApiError(error, name) };
    }
  };
}

function toApiError(error: unknown, name: string): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  // Only the operation's name and the error's kind: messages may carry learners' details.
  console.error(
    `[workbench] ${name} failed: ${error instanceof Error ? error.name : typeof error}`,
  );
  return {
    code: 'internal',
    message:
      'Something unexpected went wrong and nothing was changed. Try again; if it keeps happening, restart the workbench.',
  };
}
