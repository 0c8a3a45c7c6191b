import type { HandlerMap } from '../api/handler';
import type { Workbench } from '../app/workbench';
import { UserError } from '../kernel/user-error';
import { dayOf } from '../shared/record';
import type { planOperations } from './plan-contract';
import { plansOverview } from './plan-overview';
import { createPlan, findPlan, linkEvidence, revisePlan, signPlan, updateDraft } from './plans';

function currentPerson(wb: Workbench) {
  const user = wb.signedIn();
  if (!user) throw new UserError('forbidden', 'Choose who is using the workbench first.');
  return user.person;
}

export const planHandlers: HandlerMap<keyof typeof planOperations> = {
  'plan:list': async ({ learnerId }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    const { units } = await wb.workspace.listUnits();
    return plansOverview(doc.data, wb.workspace.centre, units, dayOf(wb.clock()));
  },

  'plan:create': async ({ learnerId, content }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    let id = '';
    await doc.update((p) => {
      const made = createPlan(p, content, wb.actor(), wb.clock());
      id = made.plan.id;
      return made.portfolio;
    });
    return { id };
  },

  'plan:update': async ({ learnerId, planId, content }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update((p) => updateDraft(p, planId, content, wb.actor(), wb.clock()));
    return { id: planId };
  },

  'plan:sign': async ({ learnerId, planId, ...signature }, wb) => {
    const learner = wb.workspace.learner(learnerId);
    const person = currentPerson(wb);
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update((p) =>
      signPlan(
        p,
        planId,
        signature,
        { learnerName: learner.name, actorName: person.name },
        { allowTyped: wb.workspace.centre.centre.allowTypedSignatures },
        wb.actor(),
        wb.clock(),
      ),
    );
    const plan = findPlan(doc.data, planId);
    return { status: plan.status, agreedOn: plan.agreedOn };
  },

  'plan:revise': async ({ learnerId, planId }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    let id = '';
    await doc.update((p) => {
      const made = revisePlan(p, planId, wb.actor(), wb.clock());
      id = made.plan.id;
      return made.portfolio;
    });
    return { id };
  },

  'plan:link-evidence': async ({ learnerId, planId, evidenceId, linked }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update((p) => linkEvidence(p, planId, evidenceId, linked, wb.actor(), wb.clock()));
    return { linked };
  },
};
