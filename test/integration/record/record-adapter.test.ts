import { newPortfolio } from '../../../src-main/portfolio/portfolio';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from '../../../src-main/evidence/evidence-records';
import { setTargetsForEvidence } from '../../../src-main/mapping/mapping';
import { buildFromPortfolio } from '../../../src-main/record/from-portfolio/build-from-portfolio';
import { pngFromDataUrl, signatureFor } from '../../../src-main/record/from-portfolio/declarations';
import { findLearner } from '../../../src-main/centre/find-learner';
import { loadRecordSource } from '../../../src-main/record/from-portfolio/record-source';
import { findRegisteredUnit } from '../../../src-main/portfolio/registered-units';
import { isCompleteReview, reviewDecisionLabels } from '../../../src-main/sampling/review-schema';
import { samplingStore } from '../../../src-main/sampling/sampling-store';
import { splitQuestions } from '../../../src-main/record/from-portfolio/session-record-input';
import type { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace, tester, when } from '../../support/demo-workspace';
import { achieveUnit } from '../../support/record/achieve-unit';
import { drawnSignaturePng } from '../../support/record/signature-png';

const stamp = { recordId: 'R-20261124-TEST01', generatedAt: when.toISOString() };
const texts = (doc: Awaited<ReturnType<typeof buildFromPortfolio>>['document']) =>
  JSON.stringify(doc.sections);

describe('records from portfolio data', () => {
  let root: string;
  let workspace: Workspace;
  let learnerId: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'workbench-adapter-'));
    ({ workspace, learnerId } = await demoWorkspace(root));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds a learner by id, ULN or exact name, and a unit by code, id or title', async () => {
    const amara = workspace.centre.learners[0]!;
    expect(findLearner(workspace.centre, amara.id).id).toBe(amara.id);
    expect(findLearner(workspace.centre, amara.uln).id).toBe(amara.id);
    expect(findLearner(workspace.centre, 'Siobhán Ní Bhriain').name).toBe('Siobhán Ní Bhriain');
    expect(() => findLearner(workspace.centre, 'Siobhan')).toThrow(/No learner in this centre/);
    const source = await loadRecordSource(workspace, amara.id);
    const byCode = findRegisteredUnit(source, 'J/508/4003');
    expect(findRegisteredUnit(source, byCode.unit.id).unit.id).toBe(byCode.unit.id);
    expect(findRegisteredUnit(source, byCode.unit.title.toUpperCase()).unit.id).toBe(
      byCode.unit.id,
    );
    expect(() => findRegisteredUnit(source, 'Z/999/9999')).toThrow(/Their units: J\/508\/4003/);
  });

  it('prints a row per criterion and part with evidence, methods, dates and decisions', async () => {
    await achieveUnit(workspace, learnerId, 'External Customers', '2026-11-20');
    const source = await loadRecordSource(workspace, learnerId);
    const { document, unitRef } = await buildFromPortfolio(
      source,
      { kind: 'unit-record', unit: 'J/508/4003' },
      stamp,
    );
    expect(unitRef).toBe('J/508/4003');
    const table = document.sections.find(
      (s) => s.type === 'table' && s.heading === 'Assessment criteria',
    );
    if (table?.type !== 'table') throw new Error('no criteria table');
    const row = (ref: string) => table.rows.find((r) => r[0] === ref);
    expect(row('7.1')).toEqual([
      '7.1',
      'Identify external customers.',
      // The customer email, the observation and the demo's practical demonstration.
      'E2, E5, E1',
      'product evidence, direct observation, practical demonstration',
      '20 Nov 2026',
      'Met',
    ]);
    expect(row('9.1 b')?.[5]).toBe('Met');
    expect(texts(document)).toContain('"Achieved"');
    expect(texts(document)).toContain('7.1 (2026-11-20): Clear evidence');
    expect(document.header).toMatchObject({
      centreName: 'Northgate Skills Centre (demo)',
      awardingBody: 'OCN London',
      qualificationTitle: 'Certificate in Customer Service (demo)',
    });
    expect(document.evidenceManifest).toHaveLength(3);
  });

  it('fills the IQA section from the review of the unit, and says not sampled otherwise', async () => {
    // The demo's plan is drawn at random (seeded) from learners whose ids are new each time.
    const reviews = (await samplingStore(workspace).allReviews()).flatMap((p) => p.reviews);
    const review = reviews.filter(isCompleteReview)[0]!;
    const unit = (await workspace.listUnits()).units.find((u) => u.id === review.unitId)!;
    const iqaOf = async (learnerId: string, unitTitle: string) => {
      const { document } = await buildFromPortfolio(
        await loadRecordSource(workspace, learnerId),
        { kind: 'unit-record', unit: unitTitle },
        stamp,
      );
      return JSON.stringify(document.sections.filter((s) => s.type === 'iqa'));
    };
    const sampled = await iqaOf(review.learnerId, unit.title);
    expect(sampled).toContain('"sampled":true');
    expect(sampled).toContain(review.type === 'summative' ? 'Summative' : 'Interim');
    expect(sampled).toContain(reviewDecisionLabels[review.decision]);
    expect(sampled).toContain('Margaret Ellis');
    // Every demo learner is on the external-customers unit, and only three reviews are made.
    const unreviewed = workspace.centre.learners.find(
      (l) => !reviews.some((r) => r.learnerId === l.id && r.unitId === 'unit-j-508-4003'),
    )!;
    const notSampled = await iqaOf(unreviewed.id, 'J/508/4003');
    expect(notSampled).toContain('"sampled":false');
    expect(notSampled).not.toContain('Margaret Ellis');
  });

  it('makes a professional discussion record from a discussion written in the app', async () => {
    // A learner part-way through the unit: a signed-off unit is locked against new mappings.
    const partWay = workspace.centre.learners[1]!.id;
    const doc = await workspace.portfolio(partWay);
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.codes.ofqual === 'J/508/4003')!;
    await doc.update((p) => {
      const added = addEvidence(
        p,
        {
          title: 'Professional discussion: handling complaints',
          producedOn: '2026-11-18',
          method: 'professional discussion',
          location: 'Quiet room, Leeds',
          producedBy: 'Priya Sharma',
          notes: 'Recorded with consent; 45 minutes.',
          record:
            'We discussed how Amara handles a complaint from first contact to closure.\n\nShe explained the escalation route and the timescales.',
        },
        null,
        tester,
        when,
      );
      return setTargetsForEvidence(
        added.portfolio,
        [unit],
        added.evidence.id,
        [{ unitId: unit.id, criterionRef: '5.3', partRef: null }],
        tester,
        when,
      );
    });
    const source = await loadRecordSource(workspace, partWay);
    const { document } = await buildFromPortfolio(
      source,
      { kind: 'discussion', unit: 'J/508/4003' },
      stamp,
    );
    const all = texts(document);
    expect(document.title).toBe('Professional discussion record');
    expect(all).toContain('45 minutes');
    expect(all).toContain('She explained the escalation route');
    expect(all).toContain('5.3');
  });

  it('turns an observation into narrative and the questions asked', () => {
    const { narrative, questions } = splitQuestions(
      'The learner greeted the customer. Questions afterwards: what would you do if they were still unhappy? Answer: escalate to the duty manager. And if the manager was away? Answer: log it and call back.',
    );
    expect(narrative).toEqual(['The learner greeted the customer.']);
    expect(questions).toEqual([
      {
        question: 'What would you do if they were still unhappy?',
        answer: 'Escalate to the duty manager.',
      },
      { question: 'And if the manager was away?', answer: 'Log it and call back.' },
    ]);
  });

  it('takes drawn or typed declaration signatures given at sign-off, and none once voided', async () => {
    const png = drawnSignaturePng(3);
    const image = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const base = {
      updatedAt: when.toISOString(),
      updatedBy: 'st-a',
      unitId: 'u',
      unitVersion: 1,
      hash: 'a'.repeat(64),
      declarationVersion: 1,
      voidedAt: null,
    };
    const portfolio = {
      ...newPortfolio('ln-1'),
      signatures: [
        {
          ...base,
          id: 'sg-1',
          purpose: 'learner-declaration' as const,
          personId: 'ln-1',
          role: 'learner' as const,
          signedAt: '2026-11-19T09:00:00Z',
          method: 'drawn' as const,
          image,
        },
        {
          ...base,
          id: 'sg-2',
          purpose: 'assessor-declaration' as const,
          personId: 'st-a',
          role: 'assessor' as const,
          signedAt: '2026-11-20T09:00:00Z',
          method: 'typed' as const,
          typedName: 'Priya Sharma',
        },
      ],
    };
    const learner = signatureFor(portfolio, 'u', 'learner', 'ln-1');
    expect(learner.date).toBe('2026-11-19');
    expect(learner.drawnPng && Buffer.from(learner.drawnPng).equals(Buffer.from(png))).toBe(true);
    expect(signatureFor(portfolio, 'u', 'assessor', 'st-a')).toEqual({
      date: '2026-11-20',
      typedName: 'Priya Sharma',
      declarationVersion: 1,
    });
    expect(signatureFor(portfolio, 'u', 'assessor', 'st-other')).toEqual({ date: null });
    const voided = {
      ...portfolio,
      signatures: portfolio.signatures.map((s) => ({ ...s, voidedAt: '2026-11-21T09:00:00Z' })),
    };
    expect(signatureFor(voided, 'u', 'learner')).toEqual({ date: null });
    expect(signatureFor(portfolio, 'another-unit', 'learner')).toEqual({ date: null });
    expect(pngFromDataUrl('data:image/png;base64,AAAA')).toBeUndefined();
  });
});
