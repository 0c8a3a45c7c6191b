import { describe, expect, it } from 'vitest';
import { auditTarget, auditValue } from '../../../src-main/audit/audit-words';

const names = new Map([
  ['st-c211c1d3ea', 'Priya Sharma'],
  ['unit-j-508-4003', 'J/508/4003'],
  ['wt-09b22f5841', 'Fiona McAllister'],
  ['ev-ec5b23055f', '“Customer feedback email”'],
]);
const nameOf = (id: string) => names.get(id);

describe('the audit trail in words', () => {
  it('names people and writes moments the UK way, with field names as words', () => {
    expect(
      auditValue({ signedOffBy: 'st-c211c1d3ea', signedOffAt: '2026-11-25T11:19:07.470Z' }, nameOf),
    ).toBe('signed off by: Priya Sharma; signed off at: 25 Nov 2026, 11:19');
  });

  it('writes dates, choices and lists of ids readably', () => {
    expect(
      auditValue(
        {
          outcome: 'not-yet-met',
          decidedOn: '2026-11-25',
          expertWitnesses: 'wt-09b22f5841',
          units: 'unit-j-508-4003',
          countersignedBy: null,
          mapped: true,
        },
        nameOf,
      ),
    ).toBe(
      'outcome: not yet met; decided on: 25 Nov 2026; expert witnesses: Fiona McAllister; units: J/508/4003; countersigned by: none; mapped: yes',
    );
  });

  it('shortens a hash and leaves ordinary text alone', () => {
    expect(
      auditValue(
        { hash: 'f500577844352f6e0d3f00f8b3fb7c00ee661fa0306e94b27a26aefc26de0461' },
        nameOf,
      ),
    ).toBe('hash: f50057784435…');
    expect(auditValue({ feedback: 'Met: shows 1.1 clearly.' }, nameOf)).toBe(
      'feedback: Met: shows 1.1 clearly.',
    );
    expect(auditValue(undefined, nameOf)).toBeNull();
  });

  it('names the ids in what an entry is about', () => {
    expect(auditTarget('unit unit-j-508-4003', nameOf)).toBe('unit J/508/4003');
    expect(auditTarget('learner declaration for unit unit-j-508-4003', nameOf)).toBe(
      'learner declaration for unit J/508/4003',
    );
    expect(auditTarget('evidence ev-ec5b23055f', nameOf)).toBe(
      'evidence “Customer feedback email”',
    );
    expect(auditTarget('criterion 1.1', nameOf)).toBe('criterion 1.1');
  });
});
