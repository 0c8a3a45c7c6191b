import { describe, expect, it } from 'vitest';
import {
  assessQualification,
  levelRank,
  qualificationSchema,
  type UnitCredit,
} from '../../../src-main/qualification';

const units: UnitCredit[] = [
  { id: 'ext', title: 'External customers', credits: 3, level: '3' },
  { id: 'int', title: 'Internal customers', credits: 3, level: '2' },
  { id: 'principles', title: 'Principles of customer service', credits: 4, level: '2' },
  { id: 'phone', title: 'Telephone skills', credits: 2, level: 'Entry 3' },
  { id: 'complaints', title: 'Handling complaints', credits: 5, level: '3' },
];

const qualification = qualificationSchema.parse({
  id: 'cs-demo',
  title: 'Demo Certificate in Customer Service',
  number: '000/0000/0',
  awardingBody: 'Demo awarding body',
  demo: true,
  mandatoryUnitIds: ['ext', 'principles'],
  optionalGroups: [
    { title: 'Group B', unitIds: ['int', 'phone', 'complaints'], minCredits: 3, maxCredits: 5 },
  ],
  minTotalCredits: 12,
  minCreditsAtOrAboveLevel: { level: '3', credits: 6 },
});

describe('assessQualification', () => {
  it('is achieved when every rule is met', () => {
    const result = assessQualification(qualification, units, ['ext', 'principles', 'complaints']);
    expect(result).toMatchObject({
      achieved: true,
      missing: [],
      creditsAchieved: 12,
      creditsAtOrAboveLevel: 8,
    });
    expect(result.groups[0]).toMatchObject({ credits: 5, counted: 5, met: true });
  });

  it('names a mandatory unit not yet achieved', () => {
    const result = assessQualification(qualification, units, ['ext', 'complaints', 'int']);
    expect(result.achieved).toBe(false);
    expect(result.missing).toContain(
      'Mandatory unit "Principles of customer service" is not yet achieved.',
    );
  });

  it('says how far an optional group is under its minimum', () => {
    const result = assessQualification(qualification, units, ['ext', 'principles']);
    expect(result.missing).toContain('Group B: 0 credits achieved of the 3 needed (3 more).');
  });

  it('caps a group at its maximum and reports a total below the minimum', () => {
    const result = assessQualification(qualification, units, ['ext', 'principles', 'int', 'phone']);
    expect(result.groups[0]).toMatchObject({ credits: 5, counted: 5, met: true });
    expect(result.creditsAchieved).toBe(12);
    const capped = assessQualification(qualification, units, [
      'ext',
      'principles',
      'int',
      'phone',
      'complaints',
    ]);
    expect(capped.groups[0]).toMatchObject({ credits: 10, counted: 5 });
    expect(capped.creditsAchieved).toBe(12);
    expect(capped.notes).toContain(
      'Group B: only 5 of the 10 credits achieved count towards the qualification.',
    );
    const short = assessQualification({ ...qualification, minTotalCredits: 14 }, units, [
      'ext',
      'principles',
      'complaints',
    ]);
    expect(short.missing).toEqual([
      '12 credits achieved of the 14 the qualification needs (2 more).',
    ]);
  });

  it('counts credits at or above a level, with Entry levels below level 1', () => {
    const result = assessQualification(qualification, units, ['ext', 'principles', 'int']);
    expect(result.creditsAtOrAboveLevel).toBe(3);
    expect(result.missing).toContain(
      '3 credits achieved at level 3 or above of the 6 needed (3 more).',
    );
    expect(result.missing).toContain(
      '10 credits achieved of the 12 the qualification needs (2 more).',
    );
    expect(levelRank('Entry 1')).toBeLessThan(levelRank('Entry 3') ?? 0);
    expect(levelRank('Entry 3')).toBeLessThan(levelRank('1') ?? 0);
    expect(levelRank('8')).toBeGreaterThan(levelRank('7') ?? 0);
    expect(levelRank('nine')).toBeNull();
  });

  it('says when a unit in the rules is missing from the library', () => {
    const result = assessQualification(
      { ...qualification, mandatoryUnitIds: ['ext', 'principles', 'lost'] },
      units,
      ['ext', 'principles', 'complaints'],
    );
    expect(result.missing).toContain(
      'Unit lost is part of the qualification but is not in the unit library.',
    );
  });

  it('rejects a group whose maximum is below its minimum, and a level it cannot read', () => {
    expect(
      qualificationSchema.safeParse({
        id: 'q',
        title: 'Q',
        optionalGroups: [{ title: 'A', unitIds: [], minCredits: 5, maxCredits: 2 }],
      }).success,
    ).toBe(false);
    expect(
      qualificationSchema.safeParse({
        id: 'q',
        title: 'Q',
        minCreditsAtOrAboveLevel: { level: 'Level 3', credits: 2 },
      }).success,
    ).toBe(false);
    expect(qualificationSchema.parse({ id: 'q', title: 'Q' })).toMatchObject({
      demo: false,
      mandatoryUnitIds: [],
      optionalGroups: [],
      minTotalCredits: 0,
      minCreditsAtOrAboveLevel: null,
    });
  });
});
