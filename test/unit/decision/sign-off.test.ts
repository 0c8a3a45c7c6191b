import { describe, expect, it } from 'vitest';
import {
  assertCanCountersign,
  assertCanUnlock,
  assertUnlocked,
  signOffStatus,
  type UnitSignOff,
} from '../../../src-main/decision/sign-off';

const qualified = { id: 'st-q', assessorStatus: 'qualified' as const };
const trainee = { id: 'st-t', assessorStatus: 'working-towards' as const, countersignerId: 'st-q' };
const signed: UnitSignOff = {
  signedOffAt: '2026-11-01T10:00:00Z',
  signedOffBy: 'st-t',
  countersignedAt: null,
  countersignedBy: null,
  voidedAt: null,
};

describe('sign-off', () => {
  it('counts at once for a qualified assessor', () => {
    expect(signOffStatus({ ...signed, signedOffBy: 'st-q' }, qualified)).toBe('signed-off');
  });

  it('waits for the countersigner when the assessor is working towards the qualification', () => {
    expect(signOffStatus(signed, trainee)).toBe('awaiting-countersignature');
    expect(() => assertCanCountersign(signed, trainee, 'st-other')).toThrow('named countersigner');
    expect(() => assertCanCountersign(signed, trainee, 'st-q')).not.toThrow();
    expect(
      signOffStatus(
        { ...signed, countersignedAt: '2026-11-02T09:00:00Z', countersignedBy: 'st-q' },
        trainee,
      ),
    ).toBe('signed-off');
  });

  it('locks the unit until an unlock voids the sign-off', () => {
    expect(() => assertUnlocked(signed, 'Unit 044')).toThrow('Unit 044 is signed off and locked');
    expect(() =>
      assertUnlocked({ ...signed, voidedAt: '2026-11-03T09:00:00Z' }, 'Unit 044'),
    ).not.toThrow();
    expect(signOffStatus({ ...signed, voidedAt: '2026-11-03T09:00:00Z' }, trainee)).toBe('open');
  });

  it('lets only an IQA or a qualified assessor unlock, and only with a reason', () => {
    expect(() => assertCanUnlock('assessor', trainee, 'Wrong evidence mapped to 9.1 b')).toThrow(
      'Only an internal quality assurer or a qualified assessor',
    );
    expect(() => assertCanUnlock('eqa', {}, 'Wrong evidence mapped to 9.1 b')).toThrow();
    expect(() => assertCanUnlock('iqa', {}, 'oops')).toThrow('Give the reason');
    expect(() =>
      assertCanUnlock('assessor', qualified, 'Wrong evidence mapped to 9.1 b'),
    ).not.toThrow();
  });
});
