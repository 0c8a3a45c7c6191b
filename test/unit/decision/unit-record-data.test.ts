import { describe, expect, it } from 'vitest';
import { unitRecordData } from '../../../src-main/decision/unit-record-data';
import { buildUnitRecord } from '../../../src-main/record/build/unit-record';
import { useTempDirs } from '../../support/temp-dir';
import { demoWorkspace } from '../../support/demo-workspace';

describe('unit record data from the marking rules', () => {
  const tempDir = useTempDirs();

  it('gives the record each decision, part by part, and the signatures of a signed-off unit', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.id === 'unit-j-508-4003')!;
    const learner = workspace.centre.learners.find((l) => l.name === 'Nguyễn Thị Hoa')!;
    const doc = await workspace.portfolio(learner.id);
    const data = unitRecordData(doc.data, unit, workspace.centre.staff, '2026-11-24');
    expect(data.unitDecision).toBe('achieved');
    const nine = data.criteria.find((c) => c.ref === '9.1')!;
    expect(nine.parts?.map((p) => [p.ref, p.decision])).toEqual([
      ['a', 'met'],
      ['b', 'met'],
      ['c', 'met'],
    ]);
    expect(nine.parts?.[0]?.methods).toContain('practical demonstration');
    expect(data.learnerSignature.drawnPng?.subarray(1, 4)).toEqual(
      new Uint8Array(Buffer.from('PNG')),
    );
    expect(data.assessorSignature.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The record engine accepts it as it is.
    const record = buildUnitRecord({
      recordId: 'rec-1',
      generatedAt: '2026-11-24T10:00:00Z',
      centreName: workspace.centre.centre.name,
      awardingBody: 'OCN London',
      qualification: { title: 'Customer Service', number: '600/0000/0' },
      learner: { name: learner.name, uln: learner.uln },
      unit: { title: unit.title, ref: 'J/508/4003' },
      assessor: { name: 'Priya Sharma' },
      ...data,
      countersignature: undefined,
      iqa: { sampled: false },
    });
    expect(JSON.stringify(record)).toContain('Achieved');
  });

  it('prints a part-way unit as not yet achieved, with not-yet-met criteria and no signatures', async () => {
    const { workspace } = await demoWorkspace(await tempDir());
    const { units } = await workspace.listUnits();
    const unit = units.find((u) => u.id === 'unit-j-508-4003')!;
    const learner = workspace.centre.learners.find((l) => l.name === 'Łukasz Wójcik')!;
    const doc = await workspace.portfolio(learner.id);
    const data = unitRecordData(doc.data, unit, workspace.centre.staff, '2026-11-24');
    expect(data.unitDecision).toBe('not yet achieved');
    expect(data.criteria.find((c) => c.ref === '7.3')?.decision).toBe('not yet met');
    expect(data.criteria.find((c) => c.ref === '1.1')?.decision).toBe('not yet assessed');
    expect(data.learnerSignature).toEqual({ date: null });
    expect(data.feedback[0]).toContain('Next visit');
  });
});
