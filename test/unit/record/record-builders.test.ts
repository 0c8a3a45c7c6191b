import { describe, expect, it } from 'vitest';
import type { TableSection } from '../../../src-main/record';
import {
  buildDiscussionRecord,
  buildEvidenceIndex,
  buildObservationRecord,
  buildProgressRecord,
  buildUnitRecord,
  recordDocumentSchema,
} from '../../../src-main/record';
import {
  discussionInput,
  evidenceIndexInput,
  observationInput,
  progressInput,
  unitRecordInput,
} from '../../support/record/record-inputs';

function table(doc: ReturnType<typeof buildUnitRecord>, heading: string): TableSection {
  const found = doc.sections.find((s) => s.type === 'table' && s.heading === heading);
  if (found?.type !== 'table') throw new Error(`no table ${heading}`);
  return found;
}

describe('building records from plain inputs', () => {
  it('gives the unit record one row per criterion and per part, with evidence, methods, date and decision', () => {
    const doc = buildUnitRecord(unitRecordInput(6));
    const rows = table(doc, 'Assessment criteria').rows;
    expect(rows.map((r) => r[0])).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.1 a',
      '2.1 b',
      '2.2',
      '2.3',
    ]);
    expect(rows[4]).toEqual([
      '2.1 a',
      'in person',
      'E01',
      'direct observation',
      '10 Mar 2025',
      'Met',
    ]);
    expect(doc.footer).toEqual({ learnerName: 'Zoë O’Brien', unitRef: 'J/508/4003' });
    expect(doc.sections.map((s) => s.type)).toContain('iqa');
  });

  it('refuses to record a unit as achieved while a criterion or part is not met', () => {
    const input = unitRecordInput(6);
    input.criteria[3]!.parts![1]!.decision = 'not yet met';
    expect(() => buildUnitRecord(input)).toThrow(/criteria 2\.1 are not met/);
  });

  it('lists the evidence manifest in file-name order, whatever order it was given in', () => {
    const input = unitRecordInput();
    input.evidence = [...(input.evidence ?? [])].reverse();
    const names = buildUnitRecord(input).evidenceManifest.map((e) => e.fileName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('builds every kind into a document the renderers accept', () => {
    const docs = [
      buildUnitRecord(unitRecordInput()),
      buildObservationRecord(observationInput()),
      buildDiscussionRecord(discussionInput()),
      buildProgressRecord(progressInput()),
      buildEvidenceIndex(evidenceIndexInput()),
    ];
    expect(docs.map((d) => d.kind)).toEqual([
      'unit-record',
      'observation',
      'discussion',
      'progress',
      'evidence-index',
    ]);
    for (const doc of docs) expect(recordDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('carries the rules-of-combination position as given', () => {
    const doc = buildProgressRecord(progressInput());
    const roc = doc.sections.find(
      (s) => s.type === 'paragraphs' && s.heading === 'Rules of combination',
    );
    expect(roc?.type === 'paragraphs' && roc.paragraphs[1]).toMatch(/Not yet eligible/);
  });

  it("lists the last review's targets on the progress summary, flagging one past its date", () => {
    const doc = buildProgressRecord({
      ...progressInput(),
      lastReview: {
        heldOn: '2025-01-10',
        targets: [
          { what: 'Collect the feedback forms.', byWhen: '2025-03-01', who: 'Zoë' },
          { what: 'Answer the questions.', byWhen: '2025-03-14', who: 'Zoë' },
        ],
      },
    });
    expect(table(doc, 'Targets from the progress review of 10 Jan 2025').rows).toEqual([
      ['Collect the feedback forms.', '1 Mar 2025 (past its date)', 'Zoë'],
      ['Answer the questions.', '14 Mar 2025', 'Zoë'],
    ]);
  });

  it('rejects an input that is missing what the record must show', () => {
    const input = observationInput();
    input.narrative = [];
    expect(() => buildObservationRecord(input)).toThrow();
  });
});
