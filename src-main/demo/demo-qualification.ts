import type { Qualification } from '../qualification/qualification-schema';
import type { StoredUnit } from '../unit/unit-schema';

/**
 * A small customer-service qualification made of the built-in units, labelled as demo data:
 * the seed specifications give credits only for the external-customers unit.
 */
export function demoQualification(units: StoredUnit[]): Qualification {
  const id = (words: string) => units.find((u) => u.title.includes(words))?.id ?? words;
  return {
    id: 'qual-demo-customer-service-l3',
    title: 'Certificate in Customer Service (demo)',
    number: null,
    awardingBody: 'OCN London',
    demo: true,
    mandatoryUnitIds: [id('External Customers')],
    optionalGroups: [
      {
        title: 'Customer service options',
        unitIds: [id('Internal Customers'), id('Principles of Customer Service')],
        minCredits: 0,
        maxCredits: null,
      },
    ],
    minTotalCredits: 3,
    minCreditsAtOrAboveLevel: { level: '3', credits: 3 },
  };
}
