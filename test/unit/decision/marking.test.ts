import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src-main/centre/centre-schema';
import { signedHash } from '../../../src-main/decision/declarations';
import { recordDecision, setUnitFeedback } from '../../../src-main/decision/marking';
import { stepDecision } from '../../../src-main/decision/undo';
import {
  countersignUnit,
  signDeclaration,
  signOffUnit,
  unitSignOffStatus,
  unlockUnit,
} from '../../../src-main/decision/sign-off-actions';
import { markingContext, ruleDecisions } from '../../../src-main/decision/marking-context';
import { unitGaps } from '../../../src-main/decision/gaps';
import { signOffBlockers } from '../../../src-main/decision/marking-rules';
import { addEvidence, updateEvidence } from '../../../src-main/evidence/evidence-records';
import { setEvidenceForTarget, setTargetsForEvidence } from '../../../src-main/mapping/mapping';
import { newPortfolio, registerOnUnit } from '../../../src-main/portfolio/portfolio';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import { portfolioSchema } from '../../../src-main/portfolio/portfolio-schema';
import { unitProgress } from '../../../src-main/decision/progress';
import type { Actor } from '../../../src-main/shared/record';
import type { StoredUnit } from '../../../src-main/unit/unit-schema';
import { complaintsUnit } from '../../support/decision/complaints-unit';

const now = new Date('2026-11-24T10:00:00Z');
const later = new Date('2026-11-25T10:00:00Z');
const PNG = `data:image/png;base64,${Buffer.from('fake png bytes').toString('base64')}`;

const unit: StoredUnit = {
  schemaVersion: 1,
  id: 'unit-x',
  version: 1,
  awardingBody: null,
  builtIn: false,
  source: { fileName: 'x.txt', text: '', importedAt: now.toISOString() },
  title: 'Deal with customer problems',
  level: '3',
  credits: 3,
  glh: 12,
  codes: { ofqual: 'X/000/0001', awardingBody: null },
  ...complaintsUnit,
  guidance: [],
};

const qualified: StaffMember = {
  id: 'st-q',
  updatedAt: now.toISOString(),
  updatedBy: 'x',
  name: 'Priya Sharma',
  roles: ['assessor'],
  assessorStatus: 'qualified',
  archived: false,
};
const trainee: StaffMember = {
  ...qualified,
  id: 'st-t',
  name: 'Tom Fletcher',
  assessorStatus: 'working-towards',
  countersignerId: 'st-q',
};
const staff = [qualified, trainee];
const as = (person: StaffMember): Actor => ({ id: person.id, role: 'assessor' });
const iqa: Actor = { id: 'st-i', role: 'iqa' };
const noTyping = { allowTyped: false };

const all = [
  ['1.1', null],
  ['2.1', 'a'],
  ['2.1', 'b'],
] as const;

/** A learner on the unit with one evidence item, mapped nowhere yet. */
function start(
  assessor = qualified,
  method: 'practical demonstration' | 'essay' = 'practical demonstration',
) {
  let p: Portfolio = registerOnUnit(
    newPortfolio('ln-1'),
    { unitId: unit.id, unitVersion: 1, assessorId: assessor.id },
    as(assessor),
    now,
  );
  const added = addEvidence(
    p,
    { title: 'Demonstration', producedOn: '2026-11-20', method, record: 'Seen at the desk.' },
    null,
    as(assessor),
    now,
  );
  p = added.portfolio;
  return { p, evidenceId: added.evidence.id };
}

function mapAll(p: Portfolio, evidenceId: string, actor: Actor) {
  return setTargetsForEvidence(
    p,
    [unit],
    evidenceId,
    all.map(([criterionRef, partRef]) => ({ unitId: unit.id, criterionRef, partRef })),
    actor,
    now,
  );
}

function markAll(p: Portfolio, actor: Actor, at = now) {
  return all.reduce(
    (acc, [criterionRef, partRef]) =>
      recordDecision(acc, unit, { criterionRef, partRef, outcome: 'met' }, actor, at).portfolio,
    p,
  );
}

function sign(p: Portfolio, assessor: StaffMember) {
  const withLearner = signDeclaration(
    p,
    unit,
    { purpose: 'learner-declaration', personId: 'ln-1', method: 'drawn', image: PNG },
    noTyping,
    as(assessor),
    now,
  );
  return signDeclaration(
    withLearner,
    unit,
    { purpose: 'assessor-declaration', personId: assessor.id, method: 'drawn', image: PNG },
    noTyping,
    as(assessor),
    now,
  );
}

function signedOff(assessor = qualified) {
  const { p, evidenceId } = start(assessor);
  return signOffUnit(
    sign(markAll(mapAll(p, evidenceId, as(assessor)), as(assessor)), assessor),
    unit,
    as(assessor),
    now,
  );
}

describe('recording decisions', () => {
  it('refuses "met" without evidence mapped, and records it once evidence is mapped', () => {
    const { p, evidenceId } = start();
    expect(() =>
      recordDecision(
        p,
        unit,
        { criterionRef: '1.1', partRef: null, outcome: 'met' },
        as(qualified),
        now,
      ),
    ).toThrow('Criterion 1.1 has no evidence mapped to it');
    const mapped = mapAll(p, evidenceId, as(qualified));
    const { portfolio, decision } = recordDecision(
      mapped,
      unit,
      { criterionRef: '1.1', partRef: null, outcome: 'met', feedback: 'Clear explanation.' },
      as(qualified),
      now,
    );
    expect(decision).toMatchObject({ outcome: 'met', decidedOn: '2026-11-24', assessorId: 'st-q' });
    expect(portfolio.audit.at(-1)).toMatchObject({
      action: 'recorded decision',
      target: 'criterion 1.1',
      before: { outcome: 'not-assessed' },
      after: { outcome: 'met', feedback: 'Clear explanation.' },
    });
    expect(() => portfolioSchema.parse(portfolio)).not.toThrow();
  });

  it('needs each part decided on, and evidence for the part itself', () => {
    const { p, evidenceId } = start();
    expect(() =>
      recordDecision(
        p,
        unit,
        { criterionRef: '2.1', partRef: null, outcome: 'met' },
        as(qualified),
        now,
      ),
    ).toThrow('Criterion 2.1 has parts: decide on each part (a, b).');
    const onA = setEvidenceForTarget(
      p,
      [unit],
      { unitId: unit.id, criterionRef: '2.1', partRef: 'a' },
      [evidenceId],
      as(qualified),
      now,
    );
    const met = recordDecision(
      onA,
      unit,
      { criterionRef: '2.1', partRef: 'a', outcome: 'met' },
      as(qualified),
      now,
    );
    expect(met.decision.partRef).toBe('a');
    expect(() =>
      recordDecision(
        onA,
        unit,
        { criterionRef: '2.1', partRef: 'b', outcome: 'met' },
        as(qualified),
        now,
      ),
    ).toThrow('Part 2.1 b has no evidence mapped to it');
    // Not yet met needs no evidence: it is how "further evidence required" is recorded.
    expect(
      recordDecision(
        onA,
        unit,
        { criterionRef: '2.1', partRef: 'b', outcome: 'not-yet-met' },
        as(qualified),
        now,
      ).decision.outcome,
    ).toBe('not-yet-met');
  });

  it('keeps every decision, the latest standing, and an undo puts back the one before', () => {
    const { p, evidenceId } = start();
    let q = mapAll(p, evidenceId, as(qualified));
    q = recordDecision(
      q,
      unit,
      { criterionRef: '1.1', partRef: null, outcome: 'not-yet-met', feedback: 'More detail.' },
      as(qualified),
      now,
    ).portfolio;
    q = recordDecision(
      q,
      unit,
      { criterionRef: '1.1', partRef: null, outcome: 'met' },
      as(qualified),
      later,
    ).portfolio;
    expect(ruleDecisions(q, unit.id)).toEqual([
      { criterionRef: '1.1', partRef: null, status: 'met', date: '2026-11-25' },
    ]);
    q = stepDecision(q, unit, 'undo', as(qualified), later).portfolio;
    expect(q.decisions).toHaveLength(3);
    expect(q.decisions.at(-1)?.feedback).toBe('More detail.');
    expect(q.decisions.at(-1)?.outcome).toBe('not-yet-met');
    expect(q.decisions.at(-1)?.decidedOn).toBe('2026-11-24');
    expect(q.audit.at(-1)?.action).toBe('undid decision');
    expect(unitProgress(q, unit, staff).criteria.met).toBe(0);
  });

  it('is for assessors only', () => {
    const { p, evidenceId } = start();
    expect(() =>
      recordDecision(
        mapAll(p, evidenceId, as(qualified)),
        unit,
        { criterionRef: '1.1', partRef: null, outcome: 'met' },
        iqa,
        now,
      ),
    ).toThrow('Only an assessor can record decisions');
  });
});

describe('progress', () => {
  it('counts a criterion with parts as met only when every part is', () => {
    const { p, evidenceId } = start();
    let q = mapAll(p, evidenceId, as(qualified));
    q = recordDecision(
      q,
      unit,
      { criterionRef: '2.1', partRef: 'a', outcome: 'met' },
      as(qualified),
      now,
    ).portfolio;
    expect(unitProgress(q, unit, staff).criteria).toEqual({ total: 2, met: 0, evidenced: 2 });
    q = recordDecision(
      q,
      unit,
      { criterionRef: '2.1', partRef: 'b', outcome: 'met' },
      as(qualified),
      now,
    ).portfolio;
    expect(unitProgress(q, unit, staff).criteria).toEqual({ total: 2, met: 1, evidenced: 2 });
  });
});

describe('gap analysis', () => {
  it('lists criteria not met, parts without evidence, prescribed methods unused and flags', () => {
    const { p, evidenceId } = start(qualified, 'essay');
    let q = setEvidenceForTarget(
      p,
      [unit],
      { unitId: unit.id, criterionRef: '2.1', partRef: 'a' },
      [evidenceId],
      as(qualified),
      now,
    );
    q = recordDecision(
      q,
      unit,
      { criterionRef: '2.1', partRef: 'b', outcome: 'not-yet-met' },
      as(qualified),
      now,
    ).portfolio;
    const gaps = unitGaps(markingContext(q, unit, '2026-11-24'));
    expect(gaps).toMatchObject({
      notAssessed: ['1.1', '2.1 a'],
      notYetMet: ['2.1 b'],
      withoutEvidence: ['1.1', '2.1 b'],
      methodsUnused: ['practical demonstration'],
      readyToSignOff: false,
    });
    expect(gaps.blockers.map((b) => b.rule)).toContain('prescribed-method-unused');
  });

  it('says what stands before the declarations when every criterion is met but the prescribed method is missing', () => {
    const { p, evidenceId } = start(qualified, 'essay');
    const q = markAll(mapAll(p, evidenceId, as(qualified)), as(qualified));
    const gaps = unitGaps(markingContext(q, unit, '2026-11-24'));
    expect(gaps.notAssessed).toEqual([]);
    expect(gaps.readyToSignOff).toBe(false);
    expect(gaps.beforeDeclarations).toEqual([
      'The unit prescribes practical demonstration, and no evidence mapped to this unit uses it.',
    ]);
  });
});

describe('signing off', () => {
  it('lists every blocker in the refusal, then signs off and locks the unit', () => {
    const { p, evidenceId } = start();
    expect(() => signOffUnit(p, unit, as(qualified), now)).toThrow(
      /cannot be signed off yet: Criterion 1\.1 has no evidence\..*Part 2\.1 b is not marked met\..*prescribes practical demonstration.*learner has not signed.*assessor's declaration is not signed/,
    );
    const ready = markAll(mapAll(p, evidenceId, as(qualified)), as(qualified));
    expect(signOffBlockers(markingContext(ready, unit, '2026-11-24')).map((b) => b.rule)).toEqual([
      'learner-declaration-missing',
      'assessor-declaration-missing',
    ]);
    const done = signOffUnit(sign(ready, qualified), unit, as(qualified), now);
    expect(unitSignOffStatus(done, unit.id, staff)).toBe('signed-off');
    expect(unitProgress(done, unit, staff).signedOff).toBe(true);
    expect(done.audit.at(-1)).toMatchObject({ action: 'signed off unit', by: 'st-q' });
  });

  it('stores each signature with who, when, how, and the SHA-256 of the declaration and the decisions', () => {
    const done = signedOff();
    const learner = done.signatures.find((s) => s.purpose === 'learner-declaration')!;
    expect(learner).toMatchObject({
      personId: 'ln-1',
      role: 'learner',
      signedAt: now.toISOString(),
      method: 'drawn',
      image: PNG,
      voidedAt: null,
    });
    expect(learner.hash).toBe(
      signedHash({
        purpose: 'learner-declaration',
        learnerId: 'ln-1',
        unit,
        decisions: ruleDecisions(done, unit.id),
      }),
    );
  });

  it('no longer counts a declaration once a decision it covered changes', () => {
    const { p, evidenceId } = start();
    const signed = sign(markAll(mapAll(p, evidenceId, as(qualified)), as(qualified)), qualified);
    const changed = recordDecision(
      signed,
      unit,
      { criterionRef: '1.1', partRef: null, outcome: 'not-yet-met' },
      as(qualified),
      later,
    ).portfolio;
    const rules = signOffBlockers(markingContext(changed, unit, '2026-11-25')).map((b) => b.rule);
    expect(rules).toEqual([
      'not-met',
      'learner-declaration-missing',
      'assessor-declaration-missing',
    ]);
  });

  it('accepts a typed signature only where the centre allows it, and only the people themselves', () => {
    const { p } = start();
    const typed = {
      purpose: 'learner-declaration' as const,
      personId: 'ln-1',
      method: 'typed' as const,
      typedName: 'Amara Okafor',
    };
    expect(() => signDeclaration(p, unit, typed, noTyping, as(qualified), now)).toThrow(
      'does not accept typed signatures',
    );
    const signed = signDeclaration(p, unit, typed, { allowTyped: true }, as(qualified), now);
    expect(signed.signatures[0]).toMatchObject({ method: 'typed', typedName: 'Amara Okafor' });
    expect(() =>
      signDeclaration(
        p,
        unit,
        { ...typed, personId: 'ln-2' },
        { allowTyped: true },
        as(qualified),
        now,
      ),
    ).toThrow('Only the learner');
    expect(() =>
      signDeclaration(
        p,
        unit,
        { ...typed, purpose: 'assessor-declaration', personId: 'st-t' },
        { allowTyped: true },
        as(qualified),
        now,
      ),
    ).toThrow('Assessors sign their own declaration');
    expect(() =>
      signDeclaration(
        p,
        unit,
        { purpose: 'learner-declaration', personId: 'ln-1', method: 'drawn' },
        noTyping,
        as(qualified),
        now,
      ),
    ).toThrow('Draw the signature');
  });
});

describe('a signed-off unit is locked', () => {
  it('refuses decisions, feedback, mappings, signatures and changes to mapped evidence', () => {
    const done = signedOff();
    const evidenceId = done.evidence[0]!.id;
    const locked = /is signed off and locked/;
    expect(() =>
      recordDecision(
        done,
        unit,
        { criterionRef: '1.1', partRef: null, outcome: 'not-yet-met' },
        as(qualified),
        later,
      ),
    ).toThrow(locked);
    expect(() =>
      setUnitFeedback(done, unit, { feedback: 'Changed' }, as(qualified), later),
    ).toThrow(locked);
    expect(() =>
      setEvidenceForTarget(
        done,
        [unit],
        { unitId: unit.id, criterionRef: '1.1', partRef: null },
        [],
        as(qualified),
        later,
      ),
    ).toThrow(locked);
    expect(() => setTargetsForEvidence(done, [unit], evidenceId, [], as(qualified), later)).toThrow(
      locked,
    );
    expect(() =>
      updateEvidence(done, evidenceId, { archived: true }, as(qualified), later),
    ).toThrow(locked);
    expect(() => sign(done, qualified)).toThrow(locked);
    // Details that no rule rests on may still be corrected.
    expect(
      updateEvidence(done, evidenceId, { notes: 'Filed.' }, as(qualified), later).evidence.notes,
    ).toBe('Filed.');
  });
});

describe('countersigning', () => {
  it('waits for the named countersigner; the unit is locked meanwhile', () => {
    const done = signedOff(trainee);
    expect(unitSignOffStatus(done, unit.id, staff)).toBe('awaiting-countersignature');
    expect(unitProgress(done, unit, staff)).toMatchObject({
      signedOff: false,
      signOff: 'awaiting-countersignature',
    });
    expect(() => setUnitFeedback(done, unit, { feedback: 'x' }, as(trainee), later)).toThrow(
      'locked',
    );
    expect(() =>
      countersignUnit(
        done,
        unit,
        staff,
        { method: 'drawn', image: PNG },
        noTyping,
        as(trainee),
        later,
      ),
    ).toThrow('named countersigner');
    const counter = countersignUnit(
      done,
      unit,
      staff,
      { method: 'drawn', image: PNG },
      noTyping,
      as(qualified),
      later,
    );
    expect(unitSignOffStatus(counter, unit.id, staff)).toBe('signed-off');
    expect(counter.signatures.at(-1)).toMatchObject({
      purpose: 'countersignature',
      personId: 'st-q',
      role: 'countersigner',
      image: PNG,
    });
    expect(counter.signOffs.at(-1)).toMatchObject({
      countersignedBy: 'st-q',
      countersignedAt: later.toISOString(),
    });
    expect(counter.audit.map((a) => a.action).slice(-2)).toEqual(['signed', 'countersigned unit']);
    expect(() =>
      countersignUnit(
        counter,
        unit,
        staff,
        { method: 'drawn', image: PNG },
        noTyping,
        as(qualified),
        later,
      ),
    ).toThrow('not waiting for a countersignature');
  });

  it('counts a qualified assessor sign-off at once, with nothing to countersign', () => {
    const done = signedOff(qualified);
    expect(() =>
      countersignUnit(
        done,
        unit,
        staff,
        { method: 'drawn', image: PNG },
        noTyping,
        as(qualified),
        later,
      ),
    ).toThrow('not waiting for a countersignature');
  });
});

describe('unlocking', () => {
  it('needs a permitted role and a reason; voids the sign-off and every signature; is audited', () => {
    const done = signedOff();
    const reason = 'Evidence for 2.1 b was mapped from the wrong shift.';
    expect(() => unlockUnit(done, unit, trainee, reason, as(trainee), later)).toThrow(
      'Only an internal quality assurer or a qualified assessor',
    );
    expect(() => unlockUnit(done, unit, {}, 'oops', iqa, later)).toThrow('Give the reason');
    const open = unlockUnit(done, unit, {}, reason, iqa, later);
    expect(unitSignOffStatus(open, unit.id, staff)).toBe('open');
    expect(open.signOffs.at(-1)).toMatchObject({
      voidedAt: later.toISOString(),
      voidedBy: 'st-i',
      voidReason: reason,
    });
    expect(open.signatures.every((s) => s.voidedAt === later.toISOString())).toBe(true);
    expect(open.audit.at(-1)).toMatchObject({
      action: 'unlocked unit',
      by: 'st-i',
      role: 'iqa',
      after: { reason, signaturesVoided: 2 },
    });
    // Open again: changes go through, and the declarations must be signed again.
    const changed = setUnitFeedback(open, unit, { feedback: 'Re-marked.' }, as(qualified), later);
    expect(signOffBlockers(markingContext(changed, unit, '2026-11-25')).map((b) => b.rule)).toEqual(
      ['learner-declaration-missing', 'assessor-declaration-missing'],
    );
    expect(() => unlockUnit(open, unit, {}, reason, iqa, later)).toThrow('not signed off');
  });
});
