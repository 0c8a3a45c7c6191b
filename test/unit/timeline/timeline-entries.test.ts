import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  CriterionDecision,
  UnitSignOffRecord,
} from '../../../src-main/portfolio/decision-schema';
import type { Evidence } from '../../../src-main/portfolio/evidence-schema';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { WitnessForm } from '../../../src-main/portfolio/testimony-schema';
import { decisionSource } from '../../../src-main/timeline/decision-source';
import { evidenceSource, signOffSource } from '../../../src-main/timeline/portfolio-sources';
import {
  arrangeTimeline,
  eventKeys,
  instantOf,
  type TimelineContext,
} from '../../../src-main/timeline/timeline-entry';
import { timelineSources } from '../../../src-main/timeline/timeline-handlers';

const stamp = { updatedAt: '2026-11-01T09:00:00Z', updatedBy: 'st-priya' };

function portfolio(parts: Partial<Portfolio>): Portfolio {
  return {
    schemaVersion: 3,
    kind: 'learner-portfolio',
    learnerId: 'ln-1',
    registrations: [],
    evidence: [],
    mappings: [],
    decisions: [],
    signOffs: [],
    signatures: [],
    unitFeedback: [],
    issuedRecords: [],
    audit: [],
    witnessForms: [],
    testimonies: [],
    assessmentPlans: [],
    progressReviews: [],
    resolutions: [],
    erasures: [],
    ...parts,
  };
}

const names = {
  person: (id: string) => ({ 'st-priya': 'Priya Sharma', 'st-tom': 'Tom Reid' })[id] ?? id,
  unit: (id: string) => `Unit ${id}`,
  learner: 'Amara Okafor',
};

const context = (p: Portfolio): TimelineContext => ({
  learnerId: 'ln-1',
  portfolio: p,
  sampling: [],
  visits: [],
  names,
});

function decision(id: string, over: Partial<CriterionDecision>): CriterionDecision {
  return {
    id,
    ...stamp,
    unitId: 'u1',
    unitVersion: 1,
    criterionRef: '1.1',
    partRef: null,
    outcome: 'met',
    decidedOn: '2026-11-01',
    assessorId: 'st-priya',
    feedback: '',
    ...over,
  };
}

describe('the timeline’s entries', () => {
  it('groups the decisions of one assessor on one unit on one day into one entry', () => {
    const p = portfolio({
      decisions: [
        decision('d1', { criterionRef: '1.1', updatedAt: '2026-11-01T09:00:00Z' }),
        decision('d2', { criterionRef: '1.2', updatedAt: '2026-11-01T09:05:00Z' }),
        decision('d3', { criterionRef: '9.1', partRef: 'b', outcome: 'not-yet-met' }),
        decision('d4', { unitId: 'u2', criterionRef: '2.1', updatedAt: '2026-11-03T10:00:00Z' }),
      ],
    });
    const { entries } = arrangeTimeline(context(p), [decisionSource]);
    expect(entries.map((e) => e.what)).toEqual([
      '3 decisions on Unit u1, assessed 1 Nov 2026: 2 met, 1 not yet met',
      'Decision on Unit u2: 2.1 met',
    ]);
    const [burst, single] = entries;
    // A decision recorded on a later day than the assessment is placed on the assessment's day.
    expect(single!.at).toBe('2026-11-01');
    expect(single!.items).toEqual([]);
    expect(burst!.who).toBe('Priya Sharma');
    expect(burst!.at).toBe('2026-11-01T09:05:00Z');
    expect(burst!.link.query).toEqual({ page: 'marking', learner: 'ln-1', unit: 'u1' });
    expect(burst!.items.map((i) => [i.what, i.link.query.criterion])).toEqual([
      ['1.2 met', '1.2'],
      ['1.1 met', '1.1'],
      ['9.1 b not yet met', '9.1|b'],
    ]);
    expect(single!.when).toBe('1 Nov 2026');
    expect(burst!.when).toBe('1 Nov 2026, 09:05');
  });

  it('says a sign-off, its countersignature and an unlock with who and why', () => {
    const signOff: UnitSignOffRecord = {
      id: 'so1',
      ...stamp,
      unitId: 'u1',
      unitVersion: 1,
      signedOffAt: '2026-11-02T10:00:00Z',
      signedOffBy: 'st-tom',
      countersignedAt: '2026-11-03T10:00:00Z',
      countersignedBy: 'st-priya',
      voidedAt: '2026-11-04T10:00:00Z',
      voidedBy: 'st-priya',
      voidReason: 'Evidence for 2.1 was from another learner',
    };
    const { entries } = arrangeTimeline(context(portfolio({ signOffs: [signOff] })), [
      signOffSource,
    ]);
    expect(entries.map((e) => [e.when, e.who, e.what])).toEqual([
      [
        '4 Nov 2026, 10:00',
        'Priya Sharma',
        'Unlocked Unit u1: Evidence for 2.1 was from another learner',
      ],
      ['3 Nov 2026, 10:00', 'Priya Sharma', 'Countersigned the sign-off of Unit u1'],
      ['2 Nov 2026, 10:00', 'Tom Reid', 'Signed off Unit u1'],
    ]);
  });

  it('places an event known only by its day below the timed events of that day', () => {
    const p = portfolio({
      evidence: [evidenceItem('e1', '2026-11-01T23:00:00Z')],
      decisions: [decision('d1', { decidedOn: '2026-11-01', updatedAt: '2026-11-05T09:00:00Z' })],
    });
    const { entries } = arrangeTimeline(context(p), [decisionSource, evidenceSource]);
    expect(entries.map((e) => e.kind)).toEqual(['evidence', 'decision']);
  });

  it('pages and filters without losing or repeating an entry', () => {
    const p = portfolio({
      evidence: Array.from({ length: 7 }, (_, i) =>
        evidenceItem(`e${i}`, `2026-11-0${i + 1}T10:00:00Z`),
      ),
      witnessForms: [form('f1', '2026-11-04T10:00:00Z', '2026-11-06T10:00:00Z')],
    });
    const all = arrangeTimeline(context(p), timelineSources);
    expect(all.total).toBe(9);
    expect(all.counts).toEqual({ evidence: 7, witness: 2 });
    const pages = [0, 4, 8].map(
      (offset) => arrangeTimeline(context(p), timelineSources, { offset, limit: 4 }).entries,
    );
    expect(pages.flat().map((e) => e.key)).toEqual(all.entries.map((e) => e.key));
    const forms = arrangeTimeline(context(p), timelineSources, { kinds: ['witness'] });
    expect(forms.entries.map((e) => e.what)).toEqual([
      'Witness testimony form returned by Jo Bloggs for Unit u1',
      'Witness testimony form sent to Jo Bloggs for Unit u1 (0 criteria)',
    ]);
    expect(forms.total).toBe(2);
    expect(forms.counts).toEqual(all.counts);
  });
});

function evidenceItem(id: string, addedAt: string): Evidence {
  return {
    id,
    ...stamp,
    title: `Item ${id}`,
    producedOn: '2026-10-30',
    method: 'product evidence',
    location: '',
    producedBy: '',
    notes: '',
    file: null,
    record: 'A record',
    addedAt,
    archived: false,
  };
}

function form(id: string, sentAt: string, returnedAt: string | null): WitnessForm {
  return {
    id,
    ...stamp,
    unitId: 'u1',
    unitVersion: 1,
    criteria: [],
    witnessId: null,
    witnessName: 'Jo Bloggs',
    template: { id: 't', version: 1 },
    format: 'pdf',
    sentAt,
    status: returnedAt ? 'returned' : 'awaiting-return',
    evidenceId: null,
    returnedAt,
  };
}

const moment = fc
  .date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const day = moment.map((m) => m.slice(0, 10));

const randomPortfolio = fc
  .record({
    evidence: fc.array(moment, { maxLength: 8 }),
    decisions: fc.array(
      fc.record({
        unitId: fc.constantFrom('u1', 'u2'),
        assessorId: fc.constantFrom('st-priya', 'st-tom'),
        decidedOn: day,
        recordedLater: fc.boolean(),
        criterionRef: fc.constantFrom('1.1', '1.2', '2.1'),
        partRef: fc.constantFrom(null, 'a', 'b'),
        outcome: fc.constantFrom('met', 'not-yet-met', 'not-assessed'),
      }),
      { maxLength: 30 },
    ),
    forms: fc.array(fc.tuple(moment, fc.option(moment)), { maxLength: 4 }),
    signOffs: fc.array(fc.tuple(moment, fc.option(moment), fc.option(moment)), { maxLength: 3 }),
  })
  .map((r) =>
    portfolio({
      evidence: r.evidence.map((at, i) => evidenceItem(`e${i}`, at)),
      decisions: r.decisions.map((d, i) =>
        decision(`d${i}`, {
          ...d,
          outcome: d.outcome as CriterionDecision['outcome'],
          updatedAt: d.recordedLater ? '2028-01-01T00:00:00Z' : `${d.decidedOn}T12:00:00Z`,
        }),
      ),
      witnessForms: r.forms.map(([sent, returned], i) => form(`f${i}`, sent, returned)),
      signOffs: r.signOffs.map(([at, counter, voided], i) => ({
        id: `so${i}`,
        ...stamp,
        unitId: 'u1',
        unitVersion: 1,
        signedOffAt: at,
        signedOffBy: 'st-tom',
        countersignedAt: counter,
        countersignedBy: counter ? 'st-priya' : null,
        voidedAt: voided,
        voidedBy: voided ? 'st-priya' : null,
        voidReason: voided ? 'A reason' : null,
      })),
    }),
  );

/** Every event of the portfolio, named the way the timeline names them. */
function expectedKeys(p: Portfolio): string[] {
  return [
    ...p.evidence.map((e) => `evidence:${e.id}`),
    ...p.decisions.map((d) => `decision:${d.id}`),
    ...p.witnessForms.flatMap((f) => [
      `form-sent:${f.id}`,
      ...(f.returnedAt ? [`form-returned:${f.id}`] : []),
    ]),
    ...p.signOffs.flatMap((s) => [
      `sign-off:${s.id}`,
      ...(s.countersignedAt ? [`countersign:${s.id}`] : []),
      ...(s.voidedAt ? [`unlock:${s.id}`] : []),
    ]),
  ].sort();
}

describe('the timeline of any portfolio', () => {
  it('is newest first, holds every event exactly once, and pages to the same list', () => {
    fc.assert(
      fc.property(randomPortfolio, fc.integer({ min: 1, max: 10 }), (p, limit) => {
        const all = arrangeTimeline(context(p), timelineSources, { limit: 1000 });
        const instants = all.entries.map((e) => instantOf(e.at));
        expect(instants).toEqual([...instants].sort((a, b) => b - a));
        for (const e of all.entries) {
          const inside = e.items.map((i) => instantOf(i.at));
          expect(inside).toEqual([...inside].sort((a, b) => b - a));
          // A grouped entry stands where its latest decision does.
          if (inside.length) expect(instantOf(e.at)).toBe(inside[0]);
        }
        expect(all.entries.flatMap(eventKeys).sort()).toEqual(expectedKeys(p));
        const paged = [];
        for (let offset = 0; offset < all.total; offset += limit) {
          paged.push(...arrangeTimeline(context(p), timelineSources, { offset, limit }).entries);
        }
        expect(paged).toEqual(all.entries);
      }),
      { numRuns: 200 },
    );
  });
});
