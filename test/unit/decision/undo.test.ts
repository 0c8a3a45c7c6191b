import { describe, expect, it } from 'vitest';
import { latestDecisions } from '../../../src-main/decision/latest-decisions';
import { criterionKey } from '../../../src-main/kernel/criterion-key';
import { recordDecision } from '../../../src-main/decision/marking';
import { stepDecision, undoStacks } from '../../../src-main/decision/undo';
import { addEvidence } from '../../../src-main/evidence/evidence-records';
import { setTargetsForEvidence } from '../../../src-main/mapping/mapping';
import { newPortfolio, registerOnUnit } from '../../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { Actor } from '../../../src-main/shared/record';
import type { StoredUnit } from '../../../src-main/unit/unit-schema';
import { complaintsUnit } from '../../support/decision/complaints-unit';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));
const unit: StoredUnit = {
  schemaVersion: 1,
  id: 'unit-x',
  version: 1,
  awardingBody: null,
  builtIn: false,
  source: { fileName: 'x.txt', text: '', importedAt: at(0).toISOString() },
  title: 'Deal with customer problems',
  level: '3',
  credits: 3,
  glh: 12,
  codes: { ofqual: 'X/000/0001', awardingBody: null },
  ...complaintsUnit,
  guidance: [],
};
const priya: Actor = { id: 'st-q', role: 'assessor' };
const tom: Actor = { id: 'st-t', role: 'assessor' };

function start(): Portfolio {
  let p = registerOnUnit(
    newPortfolio('ln-1'),
    { unitId: unit.id, unitVersion: 1, assessorId: priya.id },
    priya,
    at(0),
  );
  const added = addEvidence(
    p,
    { title: 'Demo', producedOn: '2026-11-20', method: 'practical demonstration', record: 'Seen.' },
    null,
    priya,
    at(0),
  );
  p = setTargetsForEvidence(
    added.portfolio,
    [unit],
    added.evidence.id,
    [
      { unitId: unit.id, criterionRef: '1.1', partRef: null },
      { unitId: unit.id, criterionRef: '2.1', partRef: 'a' },
    ],
    priya,
    at(0),
  );
  return p;
}

const standing = (p: Portfolio, criterionRef: string, partRef: string | null = null) => {
  const d = latestDecisions(p, unit.id).get(criterionKey(criterionRef, partRef));
  return d ? { outcome: d.outcome, feedback: d.feedback } : undefined;
};

function decide(
  p: Portfolio,
  minute: number,
  input: {
    criterionRef: string;
    partRef?: string | null;
    outcome: 'met' | 'not-yet-met' | 'not-assessed';
    feedback?: string;
  },
  actor = priya,
) {
  return recordDecision(p, unit, { partRef: null, ...input }, actor, at(minute)).portfolio;
}

describe('undo and redo of decisions', () => {
  it('undoes only the last change: feedback typed after a decision keeps the decision', () => {
    let p = decide(start(), 1, { criterionRef: '1.1', outcome: 'met' });
    // Feedback saved in three pauses of one stretch of typing.
    p = decide(p, 2, { criterionRef: '1.1', outcome: 'met', feedback: 'Clear' });
    p = decide(p, 3, { criterionRef: '1.1', outcome: 'met', feedback: 'Clear account' });
    p = decide(p, 4, { criterionRef: '1.1', outcome: 'met', feedback: 'Clear account given.' });

    p = stepDecision(p, unit, 'undo', priya, at(5)).portfolio;
    expect(standing(p, '1.1')).toEqual({ outcome: 'met', feedback: '' });
    expect(p.audit.at(-1)).toMatchObject({
      action: 'undid decision',
      by: priya.id,
      before: { outcome: 'met', feedback: 'Clear account given.' },
      after: { outcome: 'met', feedback: '' },
    });

    p = stepDecision(p, unit, 'undo', priya, at(6)).portfolio;
    expect(standing(p, '1.1')).toEqual({ outcome: 'not-assessed', feedback: '' });

    // Redo makes them again, in order.
    p = stepDecision(p, unit, 'redo', priya, at(7)).portfolio;
    expect(standing(p, '1.1')).toEqual({ outcome: 'met', feedback: '' });
    p = stepDecision(p, unit, 'redo', priya, at(8)).portfolio;
    expect(standing(p, '1.1')).toEqual({ outcome: 'met', feedback: 'Clear account given.' });
    expect(p.audit.at(-1)?.action).toBe('redid decision');
    expect(() => stepDecision(p, unit, 'redo', priya, at(9))).toThrow('nothing to redo');
  });

  it('steps back through several decisions on several criteria, and a new change drops the redo', () => {
    let p = decide(start(), 1, { criterionRef: '1.1', outcome: 'met' });
    p = decide(p, 2, { criterionRef: '2.1', partRef: 'a', outcome: 'met' });
    p = decide(p, 3, { criterionRef: '2.1', partRef: 'b', outcome: 'not-yet-met' });
    // Pressing M on a criterion already met changes nothing, and is no step.
    p = decide(p, 4, { criterionRef: '1.1', outcome: 'met' });

    const first = stepDecision(p, unit, 'undo', priya, at(5));
    expect(first.target).toEqual({ criterionRef: '2.1', partRef: 'b' });
    p = stepDecision(first.portfolio, unit, 'undo', priya, at(6)).portfolio;
    expect(standing(p, '2.1', 'b')).toEqual({ outcome: 'not-assessed', feedback: '' });
    expect(standing(p, '2.1', 'a')).toEqual({ outcome: 'not-assessed', feedback: '' });
    expect(standing(p, '1.1')).toEqual({ outcome: 'met', feedback: '' });
    expect(undoStacks(p, unit.id, priya.id).redo).toHaveLength(2);

    p = decide(p, 7, { criterionRef: '1.1', outcome: 'not-yet-met' });
    expect(undoStacks(p, unit.id, priya.id).redo).toHaveLength(0);
    // Every decision stays on file: nothing is rewritten.
    expect(p.decisions).toHaveLength(7);
  });

  it("undoes only the assessor's own changes, and never over someone else's later change", () => {
    let p = decide(start(), 1, { criterionRef: '1.1', outcome: 'met' });
    p = decide(p, 2, { criterionRef: '1.1', outcome: 'not-yet-met', feedback: 'Tom: more' }, tom);
    expect(() => stepDecision(p, unit, 'undo', priya, at(3))).toThrow(
      '1.1 has been changed since, on another computer or by someone else, so nothing was undone.',
    );
    expect(() => stepDecision(start(), unit, 'undo', priya, at(3))).toThrow(
      'You have made no change to Deal with customer problems that can be undone.',
    );
    const undone = stepDecision(p, unit, 'undo', tom, at(4)).portfolio;
    expect(standing(undone, '1.1')).toEqual({ outcome: 'met', feedback: '' });
  });

  it('is refused for an IQA', () => {
    const p = decide(start(), 1, { criterionRef: '1.1', outcome: 'met' });
    expect(() => stepDecision(p, unit, 'undo', { id: 'st-i', role: 'iqa' }, at(2))).toThrow(
      'Only an assessor can undo decisions',
    );
  });
});
