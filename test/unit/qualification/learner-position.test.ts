import { describe, expect, it } from 'vitest';
import {
  learnerQualification,
  qualificationPosition,
} from '../../../src-main/qualification/learner-position';
import { qualificationSchema } from '../../../src-main/qualification/qualification-schema';

const qualification = qualificationSchema.parse({
  id: 'q-cs3',
  title: 'Certificate in Customer Service',
  mandatoryUnitIds: ['u-external'],
  optionalGroups: [{ title: 'Options', unitIds: ['u-internal', 'u-principles'], minCredits: 2 }],
  minTotalCredits: 5,
});
const other = qualificationSchema.parse({
  id: 'q-other',
  title: 'Diploma in Something Else',
  mandatoryUnitIds: ['u-other'],
});
const library = [
  { id: 'u-external', credits: 3, level: '3', title: 'External customers' },
  { id: 'u-internal', credits: 2, level: '3', title: 'Internal customers' },
  { id: 'u-principles', credits: 2, level: '2', title: 'Principles' },
];

describe("a learner's qualification position", () => {
  it('finds the qualification the registrations name, else the only one holding their units', () => {
    expect(
      learnerQualification([qualification, other], [{ unitId: 'u-x', qualification: 'q-other' }]),
    ).toBe(other);
    expect(
      learnerQualification([qualification, other], [{ unitId: 'u-internal', qualification: '' }]),
    ).toBe(qualification);
    expect(
      learnerQualification([qualification, other], [{ unitId: 'u-x', qualification: '' }]),
    ).toBeNull();
  });

  it('counts credits and mandatory units achieved against what is required', () => {
    const none = qualificationPosition(qualification, library, []);
    expect(none).toMatchObject({
      achieved: false,
      creditsAchieved: 0,
      creditsRequired: 5,
      mandatoryAchieved: 0,
      mandatoryTotal: 1,
    });
    expect(none.missing[0]).toBe('Mandatory unit "External customers" is not yet achieved.');

    const done = qualificationPosition(qualification, library, ['u-external', 'u-internal']);
    expect(done).toMatchObject({
      achieved: true,
      creditsAchieved: 5,
      mandatoryAchieved: 1,
      missing: [],
    });
  });
});
