import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import { newId } from '../shared/ids';
import { latestVersion } from '../unit/unit-library';
import { assessQualification } from './assess-qualification';
import type { qualificationOperations } from './qualification-contract';
import { listQualifications, saveQualification } from './qualification-store';

export const qualificationHandlers: HandlerMap<keyof typeof qualificationOperations> = {
  'qualification:list': async (_input, workbench) => listQualifications(workbench.workspace.dir),

  'qualification:save': async (input, workbench) => {
    const { units } = await workbench.workspace.listUnits();
    const unknown = [
      ...input.mandatoryUnitIds,
      ...input.optionalGroups.flatMap((g) => g.unitIds),
    ].filter((id) => !latestVersion(units, id));
    if (unknown.length) {
      throw new UserError(
        'invalid-input',
        `The rules name units this workspace does not hold (${unknown.join(', ')}).`,
      );
    }
    return saveQualification(
      workbench.workspace.dir,
      { ...input, id: input.id ?? newId('qual') },
      workbench.actor(),
      workbench.clock(),
    );
  },

  'qualification:assess': async ({ qualificationId, achievedUnitIds }, workbench) => {
    const { qualifications } = await listQualifications(workbench.workspace.dir);
    const qualification = qualifications.find((q) => q.id === qualificationId);
    if (!qualification)
      throw new UserError('not-found', 'That qualification is not in this workspace.');
    const { units } = await workbench.workspace.listUnits();
    const latest = [...new Set(units.map((u) => u.id))].map((id) => latestVersion(units, id)!);
    return assessQualification(
      qualification,
      latest.map((u) => ({ id: u.id, credits: u.credits, level: u.level, title: u.title })),
      achievedUnitIds,
    );
  },
};
