import { describe, expect, it } from 'vitest';
import type { Learner } from '../../../src-main/centre/centre-schema';
import { DEFAULT_RETENTION } from '../../../src-main/centre/retention-policy';
import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import { learnerEvents, learnerRetention } from '../../../src-main/retention/retention-due';

const stamp = { updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'st-a' };
const learner = { id: 'ln-1', name: 'Sam Field' } as Learner;
const registration = (unitId: string, withdrawn = false) => ({
  ...stamp,
  id: `rg-${unitId}`,
  unitId,
  unitVersion: 1,
  assessorId: 'st-a',
  registeredAt: stamp.updatedAt,
  qualification: '',
  withdrawn,
});
const signOff = (unitId: string, at: string, voidedAt: string | null = null) => ({
  ...stamp,
  id: `so-${unitId}`,
  unitId,
  unitVersion: 1,
  signedOffAt: at,
  signedOffBy: 'st-a',
  countersignedAt: null,
  countersignedBy: null,
  voidedAt,
  voidedBy: null,
  voidReason: null,
});
const audit = (at: string) => ({
  id: `au-${at}`,
  at,
  by: 'st-a',
  role: 'assessor',
  action: 'recorded',
  target: 'x',
});

function portfolio(change: Partial<Portfolio>): Portfolio {
  return { ...newPortfolio('ln-1'), ...change };
}

describe('retention events and periods', () => {
  it('counts certification from the last sign-off once every live unit is signed off', () => {
    const p = portfolio({
      registrations: [registration('u1'), registration('u2'), registration('u3', true)],
      signOffs: [
        signOff('u1', '2026-03-01T10:00:00.000Z'),
        signOff('u2', '2026-05-02T10:00:00.000Z'),
      ],
      audit: [audit('2026-06-01T10:00:00.000Z')],
      evidence: [
        {
          ...stamp,
          id: 'ev-1',
          title: 'Photo at work',
          producedOn: '2026-02-01',
          method: 'product evidence',
          location: '',
          producedBy: '',
          notes: '',
          file: null,
          record: '',
          addedAt: stamp.updatedAt,
          archived: false,
        },
      ],
    });
    expect(learnerEvents(p)).toEqual({
      certification: '2026-05-02T10:00:00.000Z',
      withdrawal: null,
      'last-activity': '2026-06-01T10:00:00.000Z',
    });
    const before = learnerRetention(learner, p, DEFAULT_RETENTION, '2029-05-01');
    expect(before.scope).toBe('evidence');
    expect(before.items.find((i) => i.kind === 'evidence')).toMatchObject({
      endsOn: '2029-05-02',
      past: false,
    });
    expect(before.items.find((i) => i.kind === 'witnessContacts')).toMatchObject({
      endsOn: '2027-06-01',
      past: true,
    });
    const after = learnerRetention(learner, p, DEFAULT_RETENTION, '2029-05-02');
    expect(after.scope).toBe('learner');
    expect(after.mustStay.join(' ')).toMatch(/decisions/);
  });

  it('is not certified while a unit is open or its sign-off was voided', () => {
    const p = portfolio({
      registrations: [registration('u1'), registration('u2')],
      signOffs: [
        signOff('u1', '2026-03-01T10:00:00.000Z'),
        signOff('u2', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z'),
      ],
    });
    expect(learnerEvents(p).certification).toBeNull();
    expect(learnerRetention(learner, p, DEFAULT_RETENTION, '2040-01-01').scope).toBeNull();
  });

  it('counts withdrawal once every registration is withdrawn', () => {
    const p = portfolio({ registrations: [registration('u1', true), registration('u2', true)] });
    expect(learnerEvents(p).withdrawal).toBe(stamp.updatedAt);
    expect(learnerEvents(p).certification).toBeNull();
  });
});
