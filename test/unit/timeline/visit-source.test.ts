import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../src-main/portfolio/portfolio-schema';
import type { TimelineContext } from '../../../src-main/timeline/timeline-entry';
import { visitSource } from '../../../src-main/timeline/visit-source';
import type { VisitAction, VisitFile } from '../../../src-main/visit-pack/visit-schema';

const unitLabels: Record<string, string> = {
  'unit-a': 'J/508/4003: Deliver Customer Service',
  'unit-b': 'T/600/8888: Resolve Customer Service Problems',
};

function action(id: string, what: string): VisitAction {
  return {
    id,
    sampleId: 'vi-0011223344556677',
    what,
    owner: 'st-margaret',
    raisedBy: 'Dr Helen Carter',
    raisedOn: '2026-11-21',
    due: '2026-12-31',
    state: 'open',
    history: [],
    from: 'eqa',
    ownerAsWritten: 'Margaret Ellis',
  };
}

/** A visit that sampled Amara's unit A and Ben's unit B, with the EQA's report and actions. */
const visit: VisitFile = {
  schemaVersion: 1,
  kind: 'eqa-visit',
  id: 'vi-0011223344556677',
  updatedAt: '2026-11-22T09:00:00Z',
  updatedBy: 'st-margaret',
  centreId: 'ce-1',
  packMadeAt: '2026-11-10T09:00:00Z',
  packMadeBy: 'st-margaret',
  packFolder: 'visits/2026-11-10-pack',
  samples: [
    {
      learnerId: 'ln-amara',
      unitId: 'unit-a',
      learner: 'Amara Okafor',
      unit: 'J/508/4003 Deliver Customer Service',
    },
    {
      learnerId: 'ln-ben',
      unitId: 'unit-b',
      learner: 'Ben Hughes',
      unit: 'T/600/8888 Resolve Customer Service Problems',
    },
  ],
  report: {
    report: {
      schemaVersion: 1,
      kind: 'eqa-report',
      visitId: 'vi-0011223344556677',
      centreId: 'ce-1',
      centreName: 'Northgate',
      eqa: { name: 'Dr Helen Carter', awardingBody: 'OCN London' },
      visitedOn: '2026-11-20',
      samples: [],
      findings: [],
      actions: [],
      riskRating: 'low',
      directClaims: 'maintained',
      directClaimsReason: '',
      signedOn: '2026-11-21',
    },
    file: 'eqa-report.pdf',
    sha256: 'a'.repeat(64),
    signer: {
      name: 'Dr Helen Carter',
      organisation: null,
      subject: 'CN=Dr Helen Carter',
      issuer: 'CN=OCN London',
      fingerprintSha256: 'AB',
      signedAt: null,
    },
    importedAt: '2026-11-22T09:00:00Z',
    importedBy: 'st-margaret',
  },
  replacedReports: [],
  actions: [
    action('va-centre', 'Hold a standardisation meeting every quarter.'),
    action('va-amara', 'Add a dated witness testimony to amara okafor’s portfolio.'),
    action('va-unit-b', 'Map the evidence of T/600/8888 criterion by criterion.'),
    action('va-title-a', 'Record the observation for Deliver Customer Service in full.'),
  ],
  audit: [],
};

function contextFor(learnerId: string, learner: string): TimelineContext {
  return {
    learnerId,
    portfolio: {} as Portfolio,
    sampling: [],
    visits: [visit],
    names: {
      person: (id) => ({ 'st-margaret': 'Margaret Ellis' })[id] ?? id,
      unit: (id) => unitLabels[id] ?? id,
      learner,
    },
  };
}

const keysFor = (learnerId: string, learner: string) =>
  visitSource(contextFor(learnerId, learner)).map((e) => e.key);

describe('EQA visits on a learner’s timeline', () => {
  it('keeps the visit for every learner sampled, and an EQA action only where it names the learner or their unit', () => {
    const visitKeys = [
      'visit-pack:vi-0011223344556677',
      'visit:vi-0011223344556677',
      'visit-report:vi-0011223344556677',
    ];
    // Amara: her name (in any case), and her unit by its title; not the centre-wide action.
    expect(keysFor('ln-amara', 'Amara Okafor')).toEqual([
      ...visitKeys,
      'action:va-amara',
      'action:va-title-a',
    ]);
    // Ben: his unit by its reference only.
    expect(keysFor('ln-ben', 'Ben Hughes')).toEqual([...visitKeys, 'action:va-unit-b']);
  });
});
