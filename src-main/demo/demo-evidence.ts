import { Readable } from 'node:stream';
import { addEvidence, type EvidenceDetails } from '../evidence/evidence-records';
import { addEvidenceFile } from '../evidence/evidence-store';
import { setTargetsForEvidence } from '../mapping/mapping';
import type { Actor } from '../shared/record';
import type { StoredUnit } from '../unit/unit-schema';
import type { Workspace } from '../workspace/workspace';
import { demoPdf, demoPng } from './demo-files';

interface DemoLearner {
  id: string;
  name: string;
  employer: string;
  workplace: string;
}

const targets = (unit: StoredUnit, refs: string[]) =>
  refs.map((criterionRef) => ({ unitId: unit.id, criterionRef, partRef: null }));

type DemoPeople = { assessorName: string; witnessId: string; witnessName: string };
type DemoFile = { details: EvidenceDetails; name: string; bytes: Uint8Array; refs: string[] };
type DemoRecord = { details: EvidenceDetails & { record: string }; refs: string[] };

/** The files a learner hands in: an email and reply as a PDF, a photograph, a reflective account. */
async function demoFiles(
  learner: DemoLearner,
  first: string,
  day: (offset: number) => string,
  seed: number,
): Promise<DemoFile[]> {
  return [
    {
      details: {
        title: 'Customer feedback email and reply',
        producedOn: day(0),
        method: 'product evidence',
        location: learner.workplace,
        producedBy: learner.name,
      },
      name: 'customer-feedback.pdf',
      bytes: await demoPdf('Customer feedback email and reply', [
        `From a customer of ${learner.employer}: thank you to ${first} for sorting out my booking so quickly.`,
        `${first}'s reply confirmed what the customer needed, the timescale agreed, and what would happen if it slipped.`,
      ]),
      refs: ['7.1', '7.2', '7.3'],
    },
    {
      details: {
        title: 'Photo of the service standards board',
        producedOn: day(2),
        method: 'product evidence',
        location: learner.workplace,
        producedBy: learner.name,
        notes: 'No customers in the picture.',
      },
      name: 'service-standards.png',
      bytes: demoPng(seed),
      refs: ['4.1'],
    },
    {
      details: {
        title: 'Reflective account: dealing with a complaint',
        producedOn: day(4),
        method: 'reflective account',
        producedBy: learner.name,
      },
      name: 'reflective-account.txt',
      bytes: Buffer.from(
        `Reflective account by ${learner.name}\n\nA customer complained that an order had not arrived. I listened, apologised, checked the system and explained the delay. I followed our complaints procedure and agreed a new delivery date. Next time I will check stock before confirming dates.\n`,
      ),
      refs: ['5.1', '5.3', '5.4'],
    },
  ];
}

/** The evidence written in the app: the assessor's observation and the line manager's testimony. */
function demoRecords(
  learner: DemoLearner,
  first: string,
  day: (offset: number) => string,
  people: DemoPeople,
): DemoRecord[] {
  return [
    {
      details: {
        title: 'Observation at the customer desk',
        producedOn: day(6),
        method: 'direct observation',
        location: learner.workplace,
        producedBy: people.assessorName,
        record: `${first} greeted a customer, asked open questions to confirm what they needed and the time they had, explained the options and agreed what would happen if the item was not in stock. Questions afterwards: what would you do if the customer was still unhappy? Answer: follow the complaints procedure and escalate to the duty manager.`,
      },
      refs: ['7.1', '7.2', '7.4'],
    },
    {
      details: {
        title: 'Witness testimony from line manager',
        producedOn: day(8),
        method: 'witness testimony',
        location: learner.workplace,
        producedBy: people.witnessName,
        witnessId: people.witnessId,
        record: `I saw ${first} handle a busy Saturday queue: each customer was asked what they needed, told how long it would take, and kept informed when a delivery was late.`,
      },
      refs: ['7.3'],
    },
  ];
}

/**
 * Gives a demo learner a realistic handful of evidence on the external-customers unit: a PDF,
 * a photograph, a reflective account, an observation written in the app and a witness
 * testimony, each mapped to the criteria it covers. Added through the same code as real evidence.
 */
export async function addDemoEvidence(
  workspace: Workspace,
  learner: DemoLearner,
  unit: StoredUnit,
  people: DemoPeople,
  actor: Actor,
  now: Date,
  seed: number,
): Promise<void> {
  const first = learner.name.split(' ')[0] ?? learner.name;
  const day = (offset: number) =>
    new Date(now.getTime() - (40 - offset - seed) * 86_400_000).toISOString().slice(0, 10);
  for (const f of await demoFiles(learner, first, day, seed)) {
    const evidence = await addEvidenceFile(
      workspace,
      learner.id,
      f.details,
      { originalName: f.name, source: Readable.from([Buffer.from(f.bytes)]) },
      actor,
      () => now,
    );
    const doc = await workspace.portfolio(learner.id);
    await doc.update((p) =>
      setTargetsForEvidence(p, [unit], evidence.id, targets(unit, f.refs), actor, now),
    );
  }
  const doc = await workspace.portfolio(learner.id);
  for (const r of demoRecords(learner, first, day, people)) {
    await doc.update((p) => {
      const { portfolio, evidence } = addEvidence(p, r.details, null, actor, now);
      return setTargetsForEvidence(
        portfolio,
        [unit],
        evidence.id,
        targets(unit, r.refs),
        actor,
        now,
      );
    });
  }
}
