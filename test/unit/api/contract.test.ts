import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, operationNames } from '../../../src-main/api/contract';
import { handlers } from '../../../src-main/api/handlers';
import { mergeOperations, operation } from '../../../src-main/shared/operation';

describe('the operation contract', () => {
  it('names every operation domain:verb and gives each a handler', () => {
    expect(operationNames.length).toBeGreaterThan(5);
    for (const name of operationNames) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
      expect(typeof handlers[name]).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...operationNames].sort());
  });

  it('includes centre:get, which the HTTP API documents', () => {
    expect(contract['centre:get'].input.safeParse({}).success).toBe(true);
  });

  it('refuses an operation declared twice', () => {
    const a = { 'thing:get': operation<number>()(z.object({})) };
    const b = { 'thing:get': operation<string>()(z.object({})) };
    expect(() => mergeOperations(a, b)).toThrow('Operation "thing:get" is declared twice');
  });

  it('refuses a name that is not domain:verb', () => {
    expect(() => mergeOperations({ getThing: operation<number>()(z.object({})) })).toThrow(
      'is not named domain:verb',
    );
  });
});
