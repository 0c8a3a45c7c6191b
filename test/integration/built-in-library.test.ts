import { describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { buildBuiltInUnits } from '../../src-main/unit/built-in-build';
import { loadBuiltInUnits } from '../../src-main/unit/built-in-library';

describe('the built-in unit library', () => {
  it('is exactly what the importer makes of the seed specifications today', async () => {
    const shipped = await loadBuiltInUnits(defaultResourcesDir());
    const rebuilt = await buildBuiltInUnits(defaultResourcesDir());
    expect(shipped.map((u) => u.id).sort()).toEqual(rebuilt.map((u) => u.id).sort());
    for (const unit of rebuilt) {
      // `npm run units` rewrites resources/units when this fails after an importer change.
      expect(shipped.find((u) => u.id === unit.id)).toEqual(unit);
    }
  });

  it('holds the OCN external-customers unit with its metadata, method grid, parts and guidance', async () => {
    const units = await loadBuiltInUnits(defaultResourcesDir());
    const external = units.find((u) => u.codes.ofqual === 'J/508/4003');
    expect(external).toMatchObject({
      title: 'Deliver, Monitor and Evaluate Customer Service to External Customers',
      level: '3',
      credits: 3,
      glh: 12,
      codes: { awardingBody: 'PA1/3/LQ/044' },
      awardingBody: 'OCN London',
      builtIn: true,
    });
    expect(external?.methods).toContainEqual({
      name: 'practical demonstration',
      use: 'prescribed',
    });
    expect(external?.outcomes).toHaveLength(10);
    const c91 = external?.outcomes.flatMap((o) => o.criteria).find((c) => c.ref === '9.1');
    expect(c91?.parts.map((p) => p.ref)).toEqual(['a', 'b', 'c']);
    expect(external?.guidance.some((g) => g.startsWith('Examiner Marking Points:'))).toBe(true);
    expect(units.map((u) => u.title)).toEqual(
      expect.arrayContaining([
        'Deliver, Monitor and Evaluate Customer Service to Internal Customers',
        'Principles of Customer Service',
      ]),
    );
  });
});
