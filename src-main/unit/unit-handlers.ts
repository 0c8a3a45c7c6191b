import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { UnitSummary } from './unit-contract';
import type { StoredUnit } from './unit-schema';

export function summariseUnit(unit: StoredUnit): UnitSummary {
  return {
    id: unit.id,
    version: unit.version,
    title: unit.title,
    level: unit.level,
    credits: unit.credits,
    glh: unit.glh,
    codes: unit.codes,
    awardingBody: unit.awardingBody,
    outcomeCount: unit.outcomes.length,
    criterionCount: unit.outcomes.reduce((n, o) => n + o.criteria.length, 0),
    builtIn: unit.builtIn,
  };
}

export const unitHandlers: HandlerMap<'unit:list' | 'unit:get'> = {
  'unit:list': async (_input, workbench) => {
    const { units, problems } = await workbench.workspace.listUnits();
    return { units: units.map(summariseUnit), problems };
  },
  'unit:get': async ({ unitId, version }, workbench) => {
    const { units } = await workbench.workspace.listUnits();
    const versions = units.filter((u) => u.id === unitId).sort((a, b) => b.version - a.version);
    const unit = version === undefined ? versions[0] : versions.find((u) => u.version === version);
    if (!unit) throw new UserError('not-found', 'That unit is not in this workspace.');
    return unit;
  },
};
