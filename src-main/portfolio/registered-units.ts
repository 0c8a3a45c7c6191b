import { UserError } from '../kernel/user-error';
import { unitAnswersTo, unitRef } from '../kernel/unit-label';
import type { StoredUnit } from '../unit/unit-schema';
import { activeRegistrations } from './portfolio';
import type { Portfolio, Registration } from './portfolio-schema';

/** A registration the learner holds, with the unit version it is on. */
export interface RegisteredUnit {
  registration: Registration;
  unit: StoredUnit;
}

/** A learner's portfolio and the unit versions the workspace holds. */
export interface LearnerUnits {
  portfolio: Portfolio;
  units: readonly StoredUnit[];
}

/** The unit version a registration is on, when the workspace holds it. */
export function unitOfRegistration(
  units: readonly StoredUnit[],
  registration: Pick<Registration, 'unitId' | 'unitVersion'>,
): StoredUnit | undefined {
  return units.find((u) => u.id === registration.unitId && u.version === registration.unitVersion);
}

/** The unit versions the learner is registered on (not withdrawn), in registration order. */
export function registeredUnits({ portfolio, units }: LearnerUnits): RegisteredUnit[] {
  return activeRegistrations(portfolio).flatMap((registration) => {
    const unit = unitOfRegistration(units, registration);
    return unit ? [{ registration, unit }] : [];
  });
}

/** The learner's registration on a unit (by its id) and the unit version it is on, if any. */
export function registeredUnit(source: LearnerUnits, unitId: string): RegisteredUnit | undefined {
  return registeredUnits(source).find((r) => r.registration.unitId === unitId);
}

/**
 * One of the learner's units by its Ofqual code, awarding-body code, id or exact title; the
 * error names the units they are on.
 */
export function findRegisteredUnit(
  source: LearnerUnits & { learner?: { name: string } },
  wanted: string,
): RegisteredUnit {
  const units = registeredUnits(source);
  const found = units.find(({ unit }) => unitAnswersTo(unit, wanted));
  if (!found) {
    throw new UserError(
      'not-found',
      `${source.learner?.name ?? 'The learner'} is not registered on a unit "${wanted}". Their units: ${
        units.map(({ unit }) => unitRef(unit)).join(', ') || 'none'
      }.`,
    );
  }
  return found;
}
