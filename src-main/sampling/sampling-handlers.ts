import { UserError } from '../kernel/user-error';
import { signerFor } from '../record/identity-store/signers';
import { passphraseSource } from '../record/record-handler-support';
import type { HandlerMap } from '../api/handler';
import type { Workbench } from '../app/workbench';
import { listQualifications } from '../qualification/qualification-store';
import { dayOf } from '../shared/record';
import { changePlan, createPlan, planView, proposePlan } from './plan-operations';
import { openSavedReport, savedReports } from '../record/issue/saved-reports';
import {
  actionsOwnedBy,
  certificationCheck,
  openSample,
  saveReview,
  stepAction,
} from './review-operations';
import { namesOf, qualificationChoice, samplingContext } from './sampling-context';
import type { samplingOperations } from './sampling-contract';
import { saveReportInWorkspace } from '../record/issue/sampling-report';
import { samplingStore } from './sampling-store';
import { saveStrategy, strategyFor, strategyView } from './strategy-operations';

/** An action point moved on (answered, closed, reopened) by whoever is working now. */
const stepBy = (
  workbench: Workbench,
  planId: string,
  actionId: string,
  step: Parameters<typeof stepAction>[3],
) => stepAction(workbench.workspace, planId, actionId, step, workbench.actor(), workbench.clock());

export const samplingHandlers: HandlerMap<keyof typeof samplingOperations> = {
  'sampling:overview': async (_input, workbench) => {
    const workspace = workbench.workspace;
    const today = dayOf(workbench.clock());
    const { qualifications, problems: qualificationProblems } = await listQualifications(
      workspace.dir,
    );
    const { plans, problems } = await samplingStore(workspace).listPlans();
    const titles = new Map(qualifications.map((q) => [q.id, q.title]));
    const actor = workbench.actor();
    const names = namesOf(workspace);
    return {
      qualifications: qualifications.map(qualificationChoice),
      plans: plans.map((p) => ({
        id: p.id,
        qualificationId: p.plan.qualificationId,
        qualificationTitle: titles.get(p.plan.qualificationId) ?? p.plan.qualificationId,
        period: p.plan.period,
        seed: p.plan.seed,
        samples: p.plan.samples.length,
        done: p.plan.samples.filter((s) => s.actualDate).length,
        createdAt: p.createdAt,
        createdBy: names.person(p.createdBy),
      })),
      problems: [...qualificationProblems, ...problems],
      myActions: await actionsOwnedBy(workspace, actor.id, today),
      canPlan: actor.role === 'iqa' || actor.role === 'admin',
      today,
    };
  },

  'sampling:get-strategy': async ({ qualificationId }, workbench) => {
    const today = dayOf(workbench.clock());
    const context = await samplingContext(workbench.workspace, qualificationId, today);
    return strategyView(context, await strategyFor(workbench.workspace, qualificationId, today));
  },

  'sampling:save-strategy': async ({ qualificationId, ...input }, workbench) => {
    const now = workbench.clock();
    const context = await samplingContext(workbench.workspace, qualificationId, dayOf(now));
    return saveStrategy(context, input, workbench.actor(), now);
  },

  'sampling:propose-plan': async ({ qualificationId, ...request }, workbench) => {
    const context = await samplingContext(
      workbench.workspace,
      qualificationId,
      dayOf(workbench.clock()),
    );
    return proposePlan(context, request);
  },

  'sampling:create-plan': async ({ qualificationId, ...request }, workbench) => {
    const now = workbench.clock();
    const context = await samplingContext(workbench.workspace, qualificationId, dayOf(now));
    return createPlan(context, request, workbench.actor(), now);
  },

  'sampling:get-plan': async ({ planId }, workbench) =>
    planView(workbench.workspace, planId, dayOf(workbench.clock())),

  'sampling:add-sample': async ({ planId, ...sample }, workbench) => {
    const now = workbench.clock();
    await changePlan(workbench.workspace, planId, { kind: 'add', sample }, workbench.actor(), now);
    return planView(workbench.workspace, planId, dayOf(now));
  },

  'sampling:remove-sample': async ({ planId, sampleId, reason }, workbench) => {
    const now = workbench.clock();
    const change = { kind: 'remove' as const, sampleId, reason };
    await changePlan(workbench.workspace, planId, change, workbench.actor(), now);
    return planView(workbench.workspace, planId, dayOf(now));
  },

  'sampling:reschedule-sample': async ({ planId, sampleId, plannedDate }, workbench) => {
    const now = workbench.clock();
    const change = { kind: 'reschedule' as const, sampleId, plannedDate };
    await changePlan(workbench.workspace, planId, change, workbench.actor(), now);
    return planView(workbench.workspace, planId, dayOf(now));
  },

  'sampling:open-sample': async ({ planId, sampleId }, workbench) =>
    openSample(workbench.workspace, planId, sampleId, workbench.actor(), dayOf(workbench.clock())),

  'sampling:save-review': async ({ planId, sampleId, ...input }, workbench) =>
    saveReview(
      workbench.workspace,
      planId,
      sampleId,
      input,
      workbench.actor(),
      workbench.clock(),
      workbench.prover("an IQA's review"),
    ),

  'sampling:respond-action': async ({ planId, actionId, text }, workbench) =>
    stepBy(workbench, planId, actionId, { kind: 'respond', text }),

  'sampling:close-action': async ({ planId, actionId, note }, workbench) =>
    stepBy(workbench, planId, actionId, { kind: 'close', note }),

  'sampling:reopen-action': async ({ planId, actionId, reason, due }, workbench) =>
    stepBy(workbench, planId, actionId, { kind: 'reopen', reason, due }),

  'sampling:save-report': async ({ planId, format, sampleId, sign, passphrase }, workbench) => {
    let identity;
    if (sign) {
      const { person, role } = workbench.requireSignedIn();
      if (role !== 'iqa') {
        throw new UserError(
          'forbidden',
          'Sampling reports are signed by the internal quality assurer. Choose your IQA role (top right) to sign.',
        );
      }
      const source = passphraseSource(workbench, passphrase);
      ({ identity } = await signerFor(workbench.workspace, person, 'iqa', source));
    }
    return saveReportInWorkspace(workbench.workspace, planId, {
      format,
      now: workbench.clock(),
      ...(sampleId ? { sampleId } : {}),
      ...(identity ? { signing: { identity } } : {}),
    });
  },

  'sampling:saved-reports': async ({ planId }, workbench) => {
    const { plan } = (await samplingStore(workbench.workspace).plan(planId)).data;
    const samples = [...plan.samples, ...plan.removed.map((r) => r.sample)];
    return savedReports(
      workbench.workspace,
      planId,
      samples.map((s) => s.id),
    );
  },

  'sampling:open-report': async ({ path }, workbench) =>
    openSavedReport(workbench.workspace, workbench.tickets, path),

  'sampling:my-actions': async (_input, workbench) =>
    actionsOwnedBy(workbench.workspace, workbench.actor().id, dayOf(workbench.clock())),

  'sampling:can-claim': async ({ learnerId, unitId }, workbench) =>
    certificationCheck(workbench.workspace, learnerId, unitId),
};
