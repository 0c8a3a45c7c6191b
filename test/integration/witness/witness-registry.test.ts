import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { markingWarnings } from '../../../src-main/decision/marking-rules';
import { markingView } from '../../../src-main/decision/marking-view';
import { progressMatrix } from '../../../src-main/decision/progress-matrix';
import type { RuleEvidence } from '../../../src-main/decision/marking-types';
import { agreePlan } from '../../support/planning/agreed-plan';
import { testimonyFactsByEvidence } from '../../../src-main/decision/witness-rules';
import { saveReturned, type TypedTestimony } from '../../../src-main/witness/testimony-service';
import { demoWorkspace, tester, when } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

function typed(unitId: string, witness: Partial<TypedTestimony['witness']> = {}): TypedTestimony {
  return {
    formId: null,
    unitId,
    activityDate: '2026-03-10',
    activityTime: '',
    venue: 'Leeds',
    description: 'Dealt with a refund request from start to finish.',
    criteria: [{ criterionRef: '7.1', partRef: null, how: 'Asked the customer' }],
    witness: {
      witnessId: null,
      name: 'Dr Maya Collins',
      jobTitle: 'Customer service trainer',
      relationship: 'Trainer at the employer',
      contact: 'maya@example.org',
      competence: '',
      claimsExpert: false,
      ...witness,
    },
    declaredNotRelated: true,
    declaredOwnAccount: true,
    signedOn: '2026-03-10',
    otherFields: {},
  };
}

describe('the witness registry and its rules', () => {
  const tempDir = useTempDirs();

  it('refuses a relative as a witness, at registration and when a testimony comes back', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    await expect(
      workspace.addWitness({ name: 'Jo Okafor', relationship: 'Sister' }, tester, when),
    ).rejects.toThrow('must not be related to the learner');
    await expect(
      workspace.addWitness({ name: 'Expert', expert: true }, tester, when),
    ).rejects.toThrow('occupationally competent');
    const unitId = (await workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
    const before = (await workspace.portfolio(learnerId)).data.evidence.length;
    await expect(
      saveReturned(
        workspace,
        learnerId,
        typed(unitId, { relationship: 'her mum' }),
        'typed',
        null,
        tester,
        when,
      ),
    ).rejects.toThrow('must not be related to the learner');
    expect((await workspace.portfolio(learnerId)).data.evidence).toHaveLength(before);
    await expect(
      saveReturned(
        workspace,
        learnerId,
        { ...typed(unitId), criteria: [{ criterionRef: '99.1', partRef: null, how: '' }] },
        'typed',
        { originalName: 'scan.png', source: Readable.from([Buffer.from('a scan')]) },
        tester,
        when,
      ),
    ).rejects.toThrow('Criterion 99.1 is not in');
    const folder = await workspace.portfolioFolder(learnerId);
    expect((await workspace.portfolio(learnerId)).data.evidence).toHaveLength(before);
    expect(
      (await readdir(path.join(folder, 'evidence'))).filter((n) => n.includes('scan')),
    ).toEqual([]);
  });

  it('counts an expert witness as expert only when named in the assessment plan beforehand', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const unitId = (await workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
    const expert = await workspace.addWitness(
      {
        name: 'Dr Maya Collins',
        jobTitle: 'Customer service trainer',
        relationship: 'Trainer at the employer',
        contact: 'maya@example.org',
        expert: true,
        competence: 'Level 4 customer service; 12 years training staff',
      },
      tester,
      when,
    );
    const doc = await workspace.portfolio(learnerId);

    const unplanned = await saveReturned(
      workspace,
      learnerId,
      typed(unitId),
      'typed',
      null,
      tester,
      when,
    );
    expect(unplanned.evidence.method).toBe('witness testimony');
    expect(unplanned.testimony.witness).toMatchObject({
      witnessId: expert.id,
      claimsExpert: true,
      countsAsExpert: false,
    });
    expect(unplanned.flags.map((f) => f.rule)).toEqual(['expert-not-in-plan']);

    // A plan made after the activity does not make it expert testimony.
    await doc.update(
      (p) =>
        agreePlan(p, { expertWitnessIds: [expert.id] }, tester, new Date('2026-03-20T09:00:00Z'))
          .portfolio,
    );
    const late = await saveReturned(
      workspace,
      learnerId,
      { ...typed(unitId), description: 'Handled a second refund.' },
      'typed',
      null,
      tester,
      when,
    );
    expect(late.evidence.method).toBe('witness testimony');

    await doc.update(
      (p) =>
        agreePlan(
          p,
          { unitIds: [unitId], expertWitnessIds: [expert.id] },
          tester,
          new Date('2026-02-01T09:00:00Z'),
        ).portfolio,
    );
    const planned = await saveReturned(
      workspace,
      learnerId,
      { ...typed(unitId), description: 'Handled a third refund.' },
      'typed',
      null,
      tester,
      when,
    );
    expect(planned.evidence.method).toBe('expert witness testimony');
    expect(planned.testimony.witness.countsAsExpert).toBe(true);
    expect(planned.flags).toEqual([]);
  });

  it('flags a testimony without contact details or without a description of what was seen', async () => {
    const { workspace, learnerId } = await demoWorkspace(await tempDir());
    const unitId = (await workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
    const saved = await saveReturned(
      workspace,
      learnerId,
      { ...typed(unitId, { name: 'Alex Byrne', contact: '' }), description: '' },
      'typed',
      null,
      tester,
      when,
    );
    expect(saved.flags.map((f) => f.rule).sort()).toEqual([
      'testimony-without-contact',
      'testimony-without-description',
    ]);
    expect(saved.flags[0]!.message).toContain('Alex Byrne');
  });
});

describe('the marking rules ask the witness rules', () => {
  const unit = {
    title: 'U',
    level: '2',
    credits: 1,
    glh: 1,
    codes: { ofqual: null, awardingBody: null },
    methods: [],
    guidance: [],
    outcomes: [
      {
        ref: '1',
        text: 'Be able to serve',
        kind: 'competence' as const,
        criteria: [{ ref: '1.1', text: 'Serve', parts: [] }],
      },
      {
        ref: '2',
        text: 'Understand service',
        kind: 'knowledge' as const,
        criteria: [{ ref: '2.1', text: 'Explain', parts: [] }],
      },
    ],
  };
  const testimony = (
    id: string,
    refs: string[],
    facts: Partial<NonNullable<RuleEvidence['testimony']>> = {},
  ): RuleEvidence => ({
    id,
    title: `Testimony ${id}`,
    method: 'witness testimony',
    date: '2026-01-01',
    links: refs.map((criterionRef) => ({ criterionRef, partRef: null })),
    testimony: {
      witnessName: 'Sam',
      contact: '0113',
      description: 'Saw it',
      claimsExpert: false,
      countsAsExpert: false,
      ...facts,
    },
  });
  const context = (evidence: RuleEvidence[]) => ({
    unit,
    evidence,
    decisions: [],
    declarations: { learner: null, assessor: null },
    today: '2026-06-01',
  });

  it('flags a whole unit evidenced only by testimony, and a competence criterion with only testimony', () => {
    const rules = markingWarnings(context([testimony('a', ['1.1', '2.1'])])).map((f) => f.rule);
    expect(rules).toContain('testimony-whole-unit');
    expect(rules).toContain('testimony-only-competence');
  });

  it('does not flag the unit once other evidence is mapped beside the testimony', () => {
    const observation: RuleEvidence = {
      id: 'o',
      title: 'Observation',
      method: 'direct observation',
      date: '2026-01-01',
      links: [{ criterionRef: '1.1', partRef: null }],
    };
    const rules = markingWarnings(context([testimony('a', ['1.1', '2.1']), observation])).map(
      (f) => f.rule,
    );
    expect(rules).not.toContain('testimony-whole-unit');
    expect(rules).not.toContain('testimony-only-competence');
  });

  it('flags a mapped testimony without contact details or description', () => {
    const flags = markingWarnings(
      context([testimony('a', ['2.1'], { contact: ' ', description: '' })]),
    );
    expect(flags.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['testimony-without-contact', 'testimony-without-description']),
    );
  });
});

describe('testimony facts for the marking context', () => {
  const tempDir = useTempDirs();

  it('come from the testimony record, or from the evidence and the registry when there is none', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const learner = workspace.centre.learners.find((l) => l.name === 'Siobhán Ní Bhriain')!;
    const portfolio = (await workspace.portfolio(learner.id)).data;
    const facts = testimonyFactsByEvidence(portfolio, workspace.centre.witnesses);
    const returned = portfolio.testimonies[0]!;
    expect(facts.get(returned.evidenceId)).toMatchObject({
      witnessName: returned.witness.name,
      countsAsExpert: false,
    });
    const written = portfolio.evidence.find(
      (e) => e.title === 'Witness testimony from line manager',
    )!;
    expect(facts.get(written.id)).toMatchObject({
      contact: 'via the employer',
      description: written.record,
    });
    expect([...facts.keys()]).not.toContain(
      portfolio.evidence.find((e) => e.method === 'direct observation')!.id,
    );
  });

  it('reach the marking screen: a testimony whose witness has no contact details is flagged in its gaps', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const learner = workspace.centre.learners.find((l) => l.name === 'Łukasz Wójcik')!;
    const portfolio = (await workspace.portfolio(learner.id)).data;
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.codes.ofqual === 'J/508/4003')!;
    const written = portfolio.evidence.find(
      (e) => e.title === 'Witness testimony from line manager',
    )!;
    const view = (witnesses: typeof workspace.centre.witnesses) =>
      markingView({
        portfolio,
        unit,
        learner,
        staff: workspace.centre.staff,
        user: null,
        allowTypedSignatures: false,
        today: '2026-12-01',
        witnesses,
      });
    const warned = (v: ReturnType<typeof view>) => v.gaps.warnings.map((f) => f.rule);
    expect(warned(view(workspace.centre.witnesses))).not.toContain('testimony-without-contact');
    const unreachable = workspace.centre.witnesses.map((w) =>
      w.id === written.witnessId ? { ...w, contact: '' } : w,
    );
    const flags = view(unreachable).gaps.warnings;
    expect(flags.map((f) => f.rule)).toContain('testimony-without-contact');
    expect(flags.find((f) => f.rule === 'testimony-without-contact')?.message).toContain(
      written.title,
    );
  });

  it('agree between the centre progress matrix and the marking screen', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.codes.ofqual === 'J/508/4003')!;
    const matrix = await progressMatrix(workspace, when);
    for (const learner of workspace.centre.learners) {
      const portfolio = (await workspace.portfolio(learner.id)).data;
      const onScreen = markingView({
        portfolio,
        unit,
        learner,
        staff: workspace.centre.staff,
        user: null,
        allowTypedSignatures: false,
        today: when.toISOString().slice(0, 10),
        witnesses: workspace.centre.witnesses,
      }).gaps.warnings.length;
      const cell = matrix.rows
        .find((r) => r.learnerId === learner.id)!
        .cells.find((c) => c.unitId === unit.id)!;
      expect({ learner: learner.name, warnings: cell.warnings }).toEqual({
        learner: learner.name,
        warnings: onScreen,
      });
    }
  });
});
