import { describe, expect, it } from 'vitest';
import { unitRef } from '../../../src-main/kernel/unit-label';
import { unitLabel } from '../../../src-main/kernel/unit-label';

const title = 'Deliver, Monitor and Evaluate Customer Service to Internal Customers';

describe('unitRef', () => {
  it('prefers the Ofqual code, then the awarding body code', () => {
    expect(unitRef({ title, codes: { ofqual: 'J/508/4003', awardingBody: 'PA1/3' } })).toBe(
      'J/508/4003',
    );
    expect(unitRef({ title, codes: { ofqual: null, awardingBody: 'PA1/3' } })).toBe('PA1/3');
  });

  it('falls back to the unit number, then the title, never the storage id', () => {
    expect(unitRef({ title, codes: { ofqual: null, awardingBody: null, unitNumber: '204' } })).toBe(
      'Unit 204',
    );
    expect(
      unitRef({ title, codes: { ofqual: null, awardingBody: null, unitNumber: 'Unit 301' } }),
    ).toBe('Unit 301');
    expect(unitRef({ title, codes: { ofqual: null, awardingBody: null } })).toBe(title);
  });
});

describe('unitLabel', () => {
  it('joins a reference and a title, without repeating a title used as the reference', () => {
    expect(unitLabel('J/508/4003', 'Deliver')).toBe('J/508/4003: Deliver');
    expect(unitLabel(title, title)).toBe(title);
  });
});
