import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher, type OperationTable } from '../../../src-main/api/dispatcher';
import { operation } from '../../../src-main/shared/operation';
import { UserError } from '../../../src-main/kernel/user-error';
import type { Workbench } from '../../../src-main/app/workbench';

function fakeWorkbench(readOnly: boolean): Workbench {
  return { readOnly: () => readOnly } as unknown as Workbench;
}

const calls: unknown[] = [];
const table: OperationTable = {
  operations: {
    'note:add': operation<{ saved: string }>()(
      z.object({ text: z.string().min(1, 'Write something first.') }),
      { writes: true },
    ),
    'note:explode': operation<never>()(z.object({})),
    'note:refuse': operation<never>()(z.object({})),
  },
  handlers: {
    'note:add': async (input: { text: string }) => {
      calls.push(input);
      return { saved: input.text };
    },
    'note:explode': async () => {
      throw new Error('Łukasz Wójcik ULN 1000000027 at /secret/path');
    },
    'note:refuse': async () => {
      throw new UserError('conflict', 'That note exists already.');
    },
  },
};

describe('the dispatcher', () => {
  it('validates input and answers with the handler result', async () => {
    const dispatch = createDispatcher(fakeWorkbench(false), table);
    await expect(dispatch('note:add', { text: 'hello' })).resolves.toEqual({
      ok: true,
      data: { saved: 'hello' },
    });
  });

  it('refuses input that does not match the schema, in plain words, without calling the handler', async () => {
    calls.length = 0;
    const dispatch = createDispatcher(fakeWorkbench(false), table);
    const result = await dispatch('note:add', { text: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'That could not be used: Write something first.' },
    });
    expect(await dispatch('note:add', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses changes from a read-only user', async () => {
    const dispatch = createDispatcher(fakeWorkbench(true), table);
    const result = await dispatch('note:add', { text: 'hello' });
    expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  it('answers an unknown operation, including inherited object keys, with a clear error', async () => {
    const dispatch = createDispatcher(fakeWorkbench(false), table);
    for (const name of ['note:delete', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-operation' },
      });
    }
  });

  it('passes a user error through and hides the details of an unexpected one', async () => {
    const dispatch = createDispatcher(fakeWorkbench(false), table);
    expect(await dispatch('note:refuse', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'That note exists already.' },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      const result = await dispatch('note:explode', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(result)).not.toContain('Łukasz');
      expect(JSON.stringify(logged)).not.toMatch(/Łukasz|1000000027|secret/);
    } finally {
      console.error = original;
    }
  });
});
