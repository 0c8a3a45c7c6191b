import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import { samplingContext } from '../sampling/sampling-context';
import { saveStrategy, strategyFor } from '../sampling/strategy-operations';
import { dayOf } from '../shared/record';
import { competenceStore } from './competence-store';
import { closeAction, recordMeeting } from './standardisation-actions';
import { judgedWork } from './standardisation-sample';
import type { standardisationOperations } from './standardisation-contract';
import { noteStrategyDecision, raisedStrategy } from './standardisation-proposals';
import { allProposals, standardisationView } from './standardisation-view';

export const standardisationHandlers: HandlerMap<keyof typeof standardisationOperations> = {
  'standardisation:list': async (_input, wb) =>
    standardisationView(wb.workspace, dayOf(wb.clock())),

  'standardisation:save': async (input, wb) => {
    const workspace = wb.workspace;
    const { units } = await workspace.listUnits();
    const unit = units
      .filter((u) => u.id === input.unitId)
      .sort((a, b) => b.version - a.version)[0];
    if (!unit) throw new UserError('not-found', 'That unit is not in this workspace.');
    const store = competenceStore(workspace);
    const now = wb.clock();
    const staff = workspace.centre.staff;
    const before = input.id
      ? (await store.listMeetings()).meetings.find((m) => m.id === input.id)
      : undefined;
    if (input.id && !before) {
      throw new UserError('not-found', 'That standardisation record is not in this workspace.');
    }
    const sample = await judgedWork(workspace, input.sample, unit, before?.sample ?? null);
    if (!before) {
      const meeting = recordMeeting(input, sample, undefined, staff, unit, wb.actor(), now);
      return { id: (await store.createMeeting(meeting)).id };
    }
    const saved = await store.changeMeeting(before.id, (latest) =>
      recordMeeting(input, sample, latest, staff, unit, wb.actor(), now),
    );
    return { id: saved.id };
  },

  'standardisation:close-action': async ({ meetingId, actionId, closedOn }, wb) => {
    const now = wb.clock();
    await competenceStore(wb.workspace).changeMeeting(meetingId, (m) =>
      closeAction(m, actionId, closedOn, wb.actor(), now),
    );
    return { closedOn };
  },

  'standardisation:decide-proposal': async (input, wb) => {
    const workspace = wb.workspace;
    const now = wb.clock();
    const today = dayOf(now);
    const store = competenceStore(workspace);
    const { meetings } = await store.listMeetings();
    const proposal = (await allProposals(workspace, meetings, today)).find(
      (p) =>
        p.meetingId === input.meetingId &&
        p.assessorId === input.assessorId &&
        p.qualificationId === input.qualificationId,
    );
    if (!proposal) {
      throw new UserError(
        'conflict',
        'That proposal has been decided already or no longer applies. Reload the page.',
      );
    }
    // The decision is noted first: a strategy raised twice is harmless, a proposal made twice is not.
    await store.changeMeeting(input.meetingId, (m) =>
      noteStrategyDecision(m, proposal, input.decision, wb.actor(), now),
    );
    if (input.decision === 'raised') {
      const context = await samplingContext(workspace, input.qualificationId, today);
      const { strategy } = await strategyFor(workspace, input.qualificationId, today);
      const { centreId: _c, qualificationId: _q, ...rest } = raisedStrategy(strategy, proposal);
      await saveStrategy(context, rest, wb.actor(), now);
    }
    return { decision: input.decision };
  },
};
