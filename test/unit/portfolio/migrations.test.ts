import { describe, expect, it } from 'vitest';
import { centreMigrations } from '../../../src-main/centre/centre-migrations';
import { centreFileSchema } from '../../../src-main/centre/centre-schema';
import { portfolioMigrations } from '../../../src-main/portfolio/portfolio-migrations';
import { portfolioSchema } from '../../../src-main/portfolio/portfolio-schema';
import { migrate } from '../../../src-main/storage/migrations';

const at = '2026-01-10T09:00:00.000Z';

/** Exactly what the first release wrote. */
export const portfolioV1 = {
  schemaVersion: 1,
  kind: 'learner-portfolio',
  learnerId: 'ln-0123456789',
  registrations: [
    {
      id: 'rg-1',
      updatedAt: at,
      updatedBy: 'st-1',
      unitId: 'unit-a',
      unitVersion: 1,
      assessorId: 'st-1',
      registeredAt: at,
    },
  ],
  audit: [
    {
      id: 'au-1',
      at,
      by: 'st-1',
      role: 'assessor',
      action: 'registered on unit',
      target: 'registration rg-1',
      after: { unitId: 'unit-a' },
    },
  ],
};

export const centreV1 = {
  schemaVersion: 1,
  kind: 'centre-workspace',
  centre: { id: 'centre-1', updatedAt: at, updatedBy: 'x', name: 'Old College', number: '1' },
  awardingBodies: [],
  staff: [{ id: 'st-1', updatedAt: at, updatedBy: 'x', name: 'A', roles: ['assessor'] }],
  learners: [],
};

describe('portfolio migrations', () => {
  it('upgrades layout 1 to the current layout, keeping every registration and audit entry', () => {
    const { document, from } = migrate(portfolioV1, portfolioMigrations, 'The portfolio', 'p.json');
    expect(from).toBe(1);
    const portfolio = portfolioSchema.parse(document);
    expect(portfolio.schemaVersion).toBe(3);
    expect(portfolio.registrations[0]).toMatchObject({ id: 'rg-1', withdrawn: false });
    expect(portfolio.signatures).toEqual([]);
    expect(portfolio.unitFeedback).toEqual([]);
    expect(portfolio.audit).toEqual(portfolioV1.audit);
    expect(portfolio.evidence).toEqual([]);
    expect(portfolio.mappings).toEqual([]);
  });

  it('leaves a current portfolio as it is', () => {
    const { document } = migrate(portfolioV1, portfolioMigrations, 'The portfolio', 'p.json');
    const again = migrate(document, portfolioMigrations, 'The portfolio', 'p.json');
    expect(again.from).toBe(3);
    expect(again.document).toEqual(document);
  });

  it('refuses a layout from a newer workbench, naming the file', () => {
    expect(() =>
      migrate(
        { ...portfolioV1, schemaVersion: 9 },
        portfolioMigrations,
        'The portfolio',
        '/x/portfolio.json',
      ),
    ).toThrow('The portfolio (portfolio.json) was saved by a newer version of the workbench');
  });
});

/** What layout 2 wrote: sign-offs as a date, an assessor and a withdrawn flag. */
const signOffV2 = (id: string, withdrawn: boolean) => ({
  id,
  updatedAt: '2026-03-02T12:00:00.000Z',
  updatedBy: 'st-2',
  unitId: 'unit-a',
  unitVersion: 1,
  signedOn: '2026-03-01',
  assessorId: 'st-1',
  withdrawn,
});

describe('portfolio layout 2 to 3', () => {
  const v2 = {
    ...portfolioV1,
    schemaVersion: 2,
    evidence: [],
    mappings: [],
    decisions: [
      {
        id: 'dc-1',
        updatedAt: at,
        updatedBy: 'st-1',
        unitId: 'unit-a',
        unitVersion: 1,
        criterionRef: '1.1',
        partRef: null,
        outcome: 'met',
        decidedOn: '2026-01-10',
        assessorId: 'st-1',
        feedback: 'Clear.',
      },
    ],
    signOffs: [signOffV2('so-1', true), signOffV2('so-2', false)],
  };

  it('keeps each sign-off as who and when, a withdrawn one as voided, and adds signatures and unit feedback', () => {
    const { document, from } = migrate(v2, portfolioMigrations, 'The portfolio', 'p.json');
    expect(from).toBe(2);
    const portfolio = portfolioSchema.parse(document);
    expect(portfolio.signOffs).toEqual([
      {
        id: 'so-1',
        updatedAt: '2026-03-02T12:00:00.000Z',
        updatedBy: 'st-2',
        unitId: 'unit-a',
        unitVersion: 1,
        signedOffAt: '2026-03-01T00:00:00.000Z',
        signedOffBy: 'st-1',
        countersignedAt: null,
        countersignedBy: null,
        voidedAt: '2026-03-02T12:00:00.000Z',
        voidedBy: 'st-2',
        voidReason: 'Withdrawn before reasons were recorded.',
      },
      expect.objectContaining({
        id: 'so-2',
        signedOffBy: 'st-1',
        voidedAt: null,
        voidReason: null,
      }),
    ]);
    expect(portfolio.decisions).toEqual(v2.decisions);
    expect(portfolio.signatures).toEqual([]);
    expect(portfolio.unitFeedback).toEqual([]);
    expect(portfolio.audit).toEqual(v2.audit);
  });
});

describe('centre migrations', () => {
  it('upgrades layout 1, adding witnesses and the roster audit trail', () => {
    const { document } = migrate(centreV1, centreMigrations, 'The centre file', 'centre.json');
    const centre = centreFileSchema.parse(document);
    expect(centre.schemaVersion).toBe(2);
    expect(centre.witnesses).toEqual([]);
    expect(centre.audit).toEqual([]);
    expect(centre.staff[0]?.name).toBe('A');
  });
});
