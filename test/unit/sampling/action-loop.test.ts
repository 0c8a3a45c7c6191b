import { describe, expect, it } from 'vitest';
import {
  closeAction,
  openActionsFor,
  overdueActions,
  raiseAction,
  reopenAction,
  respondToAction,
} from '../../../src-main/sampling/action-loop';

const raised = raiseAction({
  id: 'ap-1',
  sampleId: 'sm-1',
  what: '  Add the questions asked to the observation record ',
  owner: 'as-tom',
  raisedBy: 'iq-ann',
  raisedOn: '2026-03-20',
  due: '2026-04-03',
});

describe('the action-point loop', () => {
  it('goes round: raised, answered by the assessor, closed by the IQA, reopened, answered again', () => {
    expect(raised).toMatchObject({
      state: 'open',
      what: 'Add the questions asked to the observation record',
    });
    expect(openActionsFor('as-tom', [raised])).toEqual([raised]);

    const answered = respondToAction(raised, {
      by: 'as-tom',
      on: '2026-03-28',
      text: 'Questions and answers added to the record, page 2.',
    });
    expect(answered.state).toBe('answered');

    const closed = closeAction(answered, { by: 'iq-ann', on: '2026-03-30', note: 'Seen.' });
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2026-03-30' });
    expect(openActionsFor('as-tom', [closed])).toEqual([]);

    const reopened = reopenAction(closed, {
      by: 'iq-ann',
      on: '2026-04-02',
      reason: 'Answers to questions 3 and 4 are missing.',
      due: '2026-04-10',
    });
    expect(reopened.state).toBe('open');
    expect(reopened.closedOn).toBeUndefined();
    expect(reopened.due).toBe('2026-04-10');
    expect(reopened.history.map((h) => h.kind)).toEqual(['response', 'closed', 'reopened']);

    const again = respondToAction(reopened, { by: 'as-tom', on: '2026-04-05', text: 'Added.' });
    expect(again.history).toHaveLength(4);
  });

  it('lets only the owner answer and only someone else close or reopen', () => {
    expect(() => respondToAction(raised, { by: 'iq-ann', on: '2026-03-21', text: 'x' })).toThrow(
      'Only the person this action point is for can answer it.',
    );
    expect(() => closeAction(raised, { by: 'as-tom', on: '2026-03-21' })).toThrow(
      'You cannot close an action point that is yours to do.',
    );
    const closed = closeAction(raised, { by: 'iq-ann', on: '2026-03-21' });
    expect(() => respondToAction(closed, { by: 'as-tom', on: '2026-03-22', text: 'x' })).toThrow(
      'This action point was closed on 21 Mar 2026, so it cannot be answered.',
    );
    expect(() => reopenAction(closed, { by: 'iq-ann', on: '2026-03-22', reason: '' })).toThrow(
      'Say why the action point is being reopened.',
    );
    expect(() => reopenAction(raised, { by: 'iq-ann', on: '2026-03-22', reason: 'x' })).toThrow(
      'This action point is still open',
    );
  });

  it('counts as overdue only while it waits on its owner past the due date', () => {
    const answered = respondToAction(
      { ...raised, id: 'ap-2' },
      { by: 'as-tom', on: '2026-04-01', text: 'Done.' },
    );
    const later = { ...raised, id: 'ap-3', due: '2026-05-01' };
    const earlier = { ...raised, id: 'ap-4', due: '2026-03-25' };
    const list = [raised, answered, later, earlier];
    expect(overdueActions(list, '2026-04-03')).toEqual([earlier]);
    expect(overdueActions(list, '2026-04-04').map((a) => a.id)).toEqual(['ap-4', 'ap-1']);
  });

  it('refuses a due date before the action is raised', () => {
    expect(() =>
      raiseAction({
        id: 'ap-9',
        sampleId: 'sm-1',
        what: 'x',
        owner: 'as-tom',
        raisedBy: 'iq-ann',
        raisedOn: '2026-03-20',
        due: '2026-03-19',
      }),
    ).toThrow('The due date 19 Mar 2026 is before the day the action is raised.');
  });
});
