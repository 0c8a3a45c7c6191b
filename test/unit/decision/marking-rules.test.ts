import { describe, expect, it } from 'vitest';
import {
  canMarkMet,
  markingWarnings,
  signOffBlockers,
} from '../../../src-main/decision/marking-rules';
import type {
  MarkingContext,
  RuleDecision,
  RuleEvidence,
} from '../../../src-main/decision/marking-types';
import { targetsOf } from '../../../src-main/decision/targets';
import type { UnitSpec } from '../../../src-main/unit/unit-schema';
import { complaintsUnit } from '../../support/decision/complaints-unit';

const unit: UnitSpec = {
  title: 'Deal with customer problems',
  level: '3',
  credits: 3,
  glh: 12,
  codes: { ofqual: null, awardingBody: null },
  ...complaintsUnit,
  guidance: [],
};

const evidence = (
  id: string,
  method: string,
  links: [string, string | null][],
  date = '2026-10-01',
): RuleEvidence => ({
  id,
  title: `Evidence ${id}`,
  method,
  date,
  links: links.map(([criterionRef, partRef]) => ({ criterionRef, partRef })),
});
const met = (
  criterionRef: string,
  partRef: string | null = null,
  date = '2026-10-10',
): RuleDecision => ({
  criterionRef,
  partRef,
  status: 'met',
  date,
});

function complete(): MarkingContext {
  return {
    unit,
    evidence: [
      evidence('E1', 'professional discussion', [['1.1', null]]),
      evidence('E2', 'practical demonstration', [
        ['2.1', 'a'],
        ['2.1', 'b'],
      ]),
    ],
    decisions: [met('1.1'), met('2.1', 'a'), met('2.1', 'b')],
    declarations: {
      learner: { personId: 'ln-1', signedAt: '2026-10-11T10:00:00Z' },
      assessor: { personId: 'st-1', signedAt: '2026-10-11T10:05:00Z' },
    },
    today: '2026-11-24',
  };
}

const rules = (flags: { rule: string; target: string | null }[]) =>
  flags.map((f) => `${f.rule}@${f.target ?? '-'}`);

describe('targets', () => {
  it('decides each part of a criterion that has parts, and the criterion itself otherwise', () => {
    expect(targetsOf(unit).map((t) => t.label)).toEqual(['1.1', '2.1 a', '2.1 b']);
  });
});

describe('marking a criterion met', () => {
  it('needs evidence mapped to it', () => {
    const context = { ...complete(), evidence: [] };
    const [first] = targetsOf(unit);
    expect(canMarkMet(context, first!)).toEqual({
      ok: false,
      reason:
        'Criterion 1.1 has no evidence mapped to it. Map at least one evidence item before marking it met.',
    });
    expect(canMarkMet(complete(), first!)).toEqual({ ok: true });
  });

  it('needs evidence for each part: evidence on the whole criterion does not cover its parts', () => {
    const context = {
      ...complete(),
      evidence: [
        evidence('E3', 'practical demonstration', [
          ['2.1', null],
          ['2.1', 'a'],
        ]),
      ],
    };
    const [, partA, partB] = targetsOf(unit);
    expect(canMarkMet(context, partA!).ok).toBe(true);
    expect(canMarkMet(context, partB!)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Part 2.1 b has no evidence'),
    });
  });
});

describe('signing off a unit', () => {
  it('is allowed when every criterion and part is met, the prescribed method used and both declarations signed', () => {
    expect(signOffBlockers(complete())).toEqual([]);
  });

  it('is blocked by a criterion or a part not met', () => {
    const context = complete();
    context.decisions = [
      met('1.1'),
      met('2.1', 'a'),
      { ...met('2.1', 'b'), status: 'not-yet-met' },
    ];
    expect(rules(signOffBlockers(context))).toEqual(['not-met@2.1 b']);
  });

  it('is blocked by a part without evidence', () => {
    const context = complete();
    context.evidence = [
      context.evidence[0]!,
      evidence('E2', 'practical demonstration', [['2.1', 'a']]),
    ];
    expect(rules(signOffBlockers(context))).toEqual(['part-without-evidence@2.1 b']);
  });

  it('is blocked when the prescribed method has not been used', () => {
    const context = complete();
    context.evidence = [
      context.evidence[0]!,
      evidence('E2', 'product evidence', [
        ['2.1', 'a'],
        ['2.1', 'b'],
      ]),
    ];
    const blockers = signOffBlockers(context);
    expect(rules(blockers)).toEqual(['prescribed-method-unused@-']);
    expect(blockers[0]?.message).toBe(
      'The unit prescribes practical demonstration, and no evidence mapped to this unit uses it.',
    );
  });

  it('is blocked by a criterion without evidence, even when marked met', () => {
    const context = complete();
    context.evidence = [context.evidence[1]!];
    expect(rules(signOffBlockers(context))).toEqual(['no-evidence@1.1']);
  });

  it('is blocked by each prescribed method unused, matching method names without regard to case', () => {
    const context = complete();
    context.unit = {
      ...unit,
      methods: [
        { name: 'Practical Demonstration', use: 'prescribed' },
        { name: 'professional discussion', use: 'prescribed' },
        { name: 'essay', use: 'prescribed' },
        { name: 'case study', use: 'optional' },
      ],
    };
    expect(signOffBlockers(context).map((b) => b.message)).toEqual([
      'The unit prescribes essay, and no evidence mapped to this unit uses it.',
    ]);
  });

  it('does not count evidence mapped to nothing towards a prescribed method', () => {
    const context = complete();
    context.evidence = [
      evidence('E1', 'professional discussion', [
        ['1.1', null],
        ['2.1', 'a'],
        ['2.1', 'b'],
      ]),
      evidence('E2', 'practical demonstration', []),
    ];
    expect(rules(signOffBlockers(context))).toEqual(['prescribed-method-unused@-']);
  });

  it('is blocked until the learner and the assessor have signed their declarations', () => {
    const context = { ...complete(), declarations: { learner: null, assessor: null } };
    expect(rules(signOffBlockers(context))).toEqual([
      'learner-declaration-missing@-',
      'assessor-declaration-missing@-',
    ]);
  });
});

describe('warnings', () => {
  it('has none for sound evidence', () => {
    expect(markingWarnings(complete())).toEqual([]);
  });

  it('flags a competence criterion evidenced only by witness testimony', () => {
    const context = complete();
    context.evidence = [
      context.evidence[0]!,
      evidence('E2', 'witness testimony', [
        ['2.1', 'a'],
        ['2.1', 'b'],
      ]),
      evidence('E4', 'practical demonstration', [['2.1', 'a']]),
    ];
    expect(rules(markingWarnings(context))).toEqual(['testimony-only-competence@2.1 b']);
  });

  it('flags a knowledge criterion evidenced only by observation', () => {
    const context = complete();
    context.evidence = [
      evidence('E1', 'direct observation', [['1.1', null]]),
      context.evidence[1]!,
    ];
    expect(rules(markingWarnings(context))).toEqual(['observation-only-knowledge@1.1']);
  });

  it('flags witness testimony standing for the whole unit', () => {
    const context = complete();
    context.evidence = [
      evidence('E9', 'expert witness testimony', [
        ['1.1', null],
        ['2.1', 'a'],
        ['2.1', 'b'],
      ]),
    ];
    expect(rules(markingWarnings(context))).toContain('testimony-whole-unit@-');
  });

  it('flags evidence dated after the decision', () => {
    const context = complete();
    context.evidence = [
      evidence('E1', 'professional discussion', [['1.1', null]], '2026-10-20'),
      context.evidence[1]!,
    ];
    const flags = markingWarnings(context);
    expect(rules(flags)).toEqual(['evidence-after-decision@1.1']);
    expect(flags[0]?.message).toContain(
      '"Evidence E1" is dated 2026-10-20, after the decision on 1.1 (2026-10-10)',
    );
  });

  it('does not flag testimony for the whole unit when other evidence is mapped too', () => {
    const context = complete();
    context.evidence = [...context.evidence, evidence('E9', 'witness testimony', [['1.1', null]])];
    expect(rules(markingWarnings(context))).toEqual([]);
  });

  it('does not date-check a criterion not yet assessed', () => {
    const context = complete();
    context.evidence = [
      evidence('E1', 'professional discussion', [['1.1', null]], '2026-12-20'),
      context.evidence[1]!,
    ];
    context.decisions = [
      { ...met('1.1', null, '2026-12-30'), status: 'not-assessed' },
      met('2.1', 'a'),
      met('2.1', 'b'),
    ];
    expect(markingWarnings(context)).toEqual([]);
  });

  it('flags an assessment date in the future', () => {
    const context = complete();
    context.decisions = [met('1.1', null, '2026-12-01'), met('2.1', 'a'), met('2.1', 'b')];
    expect(rules(markingWarnings(context))).toEqual(['decision-in-future@1.1']);
  });
});
