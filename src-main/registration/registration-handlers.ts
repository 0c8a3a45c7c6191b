import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { registerOnUnit, updateRegistration } from '../portfolio/portfolio';
import type { registrationOperations } from './registration-contract';

function checkAssessor(workbench: Workbench, assessorId: string): void {
  const person = workbench.workspace.centre.staff.find((s) => s.id === assessorId);
  if (!person || person.archived || !person.roles.includes('assessor')) {
    throw new UserError('invalid-input', 'Choose an assessor who is on the staff of this centre.');
  }
}

async function checkUnit(workbench: Workbench, unitId: string, version?: number) {
  const { units } = await workbench.workspace.listUnits();
  const versions = units.filter((u) => u.id === unitId).sort((a, b) => b.version - a.version);
  const unit = version === undefined ? versions[0] : versions.find((u) => u.version === version);
  if (!unit)
    throw new UserError('not-found', 'That unit (or unit version) is not in this workspace.');
  return unit;
}

export const registrationHandlers: HandlerMap<keyof typeof registrationOperations> = {
  'registration:add': async ({ learnerId, unitId, unitVersion, assessorId, qualification }, wb) => {
    checkAssessor(wb, assessorId);
    const unit = await checkUnit(wb, unitId, unitVersion);
    const doc = await wb.workspace.portfolio(learnerId);
    const saved = await doc.update((p) =>
      registerOnUnit(
        p,
        { unitId, unitVersion: unit.version, assessorId, qualification },
        wb.actor(),
        wb.clock(),
      ),
    );
    return { id: saved.registrations.find((r) => r.unitId === unitId)!.id };
  },
  'registration:update': async ({ learnerId, registrationId, ...change }, wb) => {
    if (change.assessorId) checkAssessor(wb, change.assessorId);
    const doc = await wb.workspace.portfolio(learnerId);
    if (change.unitVersion !== undefined) {
      const current = doc.data.registrations.find((r) => r.id === registrationId);
      if (current) await checkUnit(wb, current.unitId, change.unitVersion);
    }
    await doc.update((p) => updateRegistration(p, registrationId, change, wb.actor(), wb.clock()));
    return { id: registrationId };
  },
};
