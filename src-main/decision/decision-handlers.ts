import { resolveConflict } from './conflicts';
import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { auditEntry } from '../audit/audit';
import { dayOf, stamp } from '../shared/record';
import type { decisionOperations } from './decision-contract';
import { recordDecision, setUnitFeedback } from './marking';
import {
  countersignUnit,
  signDeclaration,
  signOffUnit,
  unitSignOffStatus,
  unlockUnit,
} from './sign-off-actions';
import { markingUpdate, markingView } from './marking-view';
import { stepDecision } from './undo';
import { progressMatrix } from './progress-matrix';
import { signOffCompetence } from '../competence/staff-record-view';
import { registeredUnit } from '../portfolio/registered-units';

/** The learner, their portfolio and the unit version they are registered on. */
async function learnerUnit(wb: Workbench, learnerId: string, unitId: string) {
  const workspace = wb.workspace;
  const learner = workspace.learner(learnerId);
  const doc = await workspace.portfolio(learnerId);
  const { units } = await workspace.listUnits();
  const unit = registeredUnit({ portfolio: doc.data, units }, unitId)?.unit;
  if (!unit) {
    throw new UserError(
      'not-found',
      `${learner.name} is not registered on that unit. Register them on it from their Units tab.`,
    );
  }
  return { workspace, learner, doc, unit };
}

type LearnerUnit = Awaited<ReturnType<typeof learnerUnit>>;

/** What the marking screen is built from, for the portfolio as it now is. */
async function viewInput(wb: Workbench, { workspace, learner, doc, unit }: LearnerUnit) {
  const user = wb.signedIn();
  const competence =
    user?.role === 'assessor'
      ? await signOffCompetence(workspace, user.person.id, dayOf(wb.clock()))
      : null;
  return {
    competence,
    portfolio: doc.data,
    unit,
    learner,
    staff: workspace.centre.staff,
    witnesses: workspace.centre.witnesses,
    user: wb.signedIn(),
    allowTypedSignatures: workspace.centre.centre.allowTypedSignatures,
    today: dayOf(wb.clock()),
  };
}

async function stepHandler(
  wb: Workbench,
  learnerId: string,
  unitId: string,
  direction: 'undo' | 'redo',
) {
  const found = await learnerUnit(wb, learnerId, unitId);
  const { doc, unit } = found;
  let target: { criterionRef: string; partRef: string | null } = {
    criterionRef: '',
    partRef: null,
  };
  await doc.update((p) => {
    const result = stepDecision(p, unit, direction, wb.actor(), wb.clock());
    target = result.target;
    return result.portfolio;
  });
  return { ...target, update: markingUpdate(await viewInput(wb, found)) };
}

const allowTyped = (wb: Workbench) => ({
  allowTyped: wb.workspace.centre.centre.allowTypedSignatures,
});

export const decisionHandlers: HandlerMap<keyof typeof decisionOperations> = {
  'decision:workspace': async ({ learnerId, unitId }, wb) =>
    markingView(await viewInput(wb, await learnerUnit(wb, learnerId, unitId))),

  'decision:record': async ({ learnerId, unitId, ...input }, wb) => {
    const found = await learnerUnit(wb, learnerId, unitId);
    let id = '';
    await found.doc.update((p) => {
      const result = recordDecision(p, found.unit, input, wb.actor(), wb.clock());
      id = result.decision.id;
      return result.portfolio;
    });
    return { id, update: markingUpdate(await viewInput(wb, found)) };
  },

  'decision:undo': async ({ learnerId, unitId }, wb) => stepHandler(wb, learnerId, unitId, 'undo'),
  'decision:redo': async ({ learnerId, unitId }, wb) => stepHandler(wb, learnerId, unitId, 'redo'),

  'decision:set-unit-feedback': async ({ learnerId, unitId, ...change }, wb) => {
    const { doc, unit } = await learnerUnit(wb, learnerId, unitId);
    await doc.update((p) => setUnitFeedback(p, unit, change, wb.actor(), wb.clock()));
    return { saved: true };
  },

  'decision:sign': async ({ learnerId, unitId, purpose, ...signature }, wb) => {
    const { doc, unit } = await learnerUnit(wb, learnerId, unitId);
    const personId = purpose === 'learner-declaration' ? learnerId : wb.requireSignedIn().person.id;
    await doc.update((p) =>
      signDeclaration(
        p,
        unit,
        { purpose, personId, ...signature },
        allowTyped(wb),
        wb.actor(),
        wb.clock(),
      ),
    );
    return { signed: true };
  },

  'decision:sign-off': async ({ learnerId, unitId }, wb) => {
    const { workspace, doc, unit } = await learnerUnit(wb, learnerId, unitId);
    const prove = wb.prover('a sign-off');
    // A lapsed qualification warns, or blocks where the centre has chosen so (Centre page).
    const competence = await signOffCompetence(workspace, wb.actor().id, dayOf(wb.clock()));
    if (competence?.blocks) {
      throw new UserError(
        'forbidden',
        `${unit.title} was not signed off. ${competence.warning} This centre does not allow sign-off until it is renewed.`,
      );
    }
    const saved = await doc.update((p) => signOffUnit(p, unit, wb.actor(), wb.clock(), prove));
    return {
      status: unitSignOffStatus(saved, unit.id, workspace.centre.staff),
      ...(competence ? { warning: competence.warning } : {}),
    };
  },

  'decision:countersign': async ({ learnerId, unitId, ...signature }, wb) => {
    const { workspace, doc, unit } = await learnerUnit(wb, learnerId, unitId);
    const staff = workspace.centre.staff;
    const prove = wb.prover('a countersignature');
    const saved = await doc.update((p) =>
      countersignUnit(p, unit, staff, signature, allowTyped(wb), wb.actor(), wb.clock(), prove),
    );
    return { status: unitSignOffStatus(saved, unit.id, staff) };
  },

  'decision:resolve-conflict': async ({ learnerId, unitId, conflictId, choice }, wb) => {
    const { doc, unit } = await learnerUnit(wb, learnerId, unitId);
    await doc.update((p) => resolveConflict(p, unit, conflictId, choice, wb.actor(), wb.clock()));
    return { resolved: true };
  },

  'decision:unlock': async ({ learnerId, unitId, reason }, wb) => {
    const { doc, unit } = await learnerUnit(wb, learnerId, unitId);
    const { person } = wb.requireSignedIn();
    const prove = wb.prover('an unlock');
    await doc.update((p) => unlockUnit(p, unit, person, reason, wb.actor(), wb.clock(), prove));
    return { unlocked: true };
  },

  'decision:matrix': async (_input, wb) => progressMatrix(wb.workspace, wb.clock()),

  'decision:set-typed-signatures': async ({ allow }, wb) => {
    const actor = wb.actor();
    const now = wb.clock();
    await wb.workspace.changeCentre((c) => {
      if (c.centre.allowTypedSignatures === allow) return { centre: c, result: null };
      const entry = auditEntry(actor, now, 'changed signature policy', 'centre', {
        before: { allowTypedSignatures: c.centre.allowTypedSignatures },
        after: { allowTypedSignatures: allow },
      });
      return {
        centre: {
          ...c,
          centre: { ...c.centre, ...stamp(actor, now), allowTypedSignatures: allow },
          audit: [...c.audit, entry],
        },
        result: null,
      };
    });
    return { allowTypedSignatures: allow };
  },
};
