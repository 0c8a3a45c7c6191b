import type { HandlerMap } from '../api/handler';
import type { Workbench } from '../app/workbench';
import { roleLabels } from '../centre/centre-schema';
import type { SessionView, sessionOperations } from './session-contract';

function view(workbench: Workbench): SessionView {
  const staff = workbench.hasWorkspace ? workbench.workspace.centre.staff : [];
  const choices = staff
    .filter((s) => !s.archived)
    .flatMap((s) =>
      s.roles.map((role) => ({ personId: s.id, name: s.name, role, roleLabel: roleLabels[role] })),
    );
  const signedIn = workbench.signedIn();
  return {
    user: signedIn
      ? {
          personId: signedIn.person.id,
          name: signedIn.person.name,
          role: signedIn.role,
          roleLabel: roleLabels[signedIn.role],
        }
      : null,
    readOnly: workbench.readOnly(),
    choices,
  };
}

export const sessionHandlers: HandlerMap<keyof typeof sessionOperations> = {
  'session:get': async (_input, workbench) => view(workbench),
  'session:set-user': async (input, workbench) => {
    await workbench.signIn(input);
    return view(workbench);
  },
};
