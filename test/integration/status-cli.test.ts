import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { useTempDirs } from '../support/temp-dir';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('workbench status', () => {
  const tempDir = useTempDirs();

  it('prints each learner with their units and progress as JSON, in the documented shape', async () => {
    const dir = path.join(await tempDir(), 'demo');
    expect(await main(['demo', dir], capture().io)).toBe(0);
    const { io, out } = capture();
    expect(await main(['status', dir, '--json'], io)).toBe(0);
    const rows = JSON.parse(out.join('\n'));
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]).sort()).toEqual(['learner', 'units']);
    expect(Object.keys(rows[0].learner).sort()).toEqual(['id', 'name', 'uln']);
    expect(rows[0].units[0]).toEqual({
      ref: 'J/508/4003',
      title: 'Deliver, Monitor and Evaluate Customer Service to External Customers',
      criteria: { total: 27, met: 27, evidenced: 27 },
      signedOff: false,
      signOff: 'open',
    });
    expect(rows[0].units[1].criteria.evidenced).toBe(0);
    const unitOf = (name: string) =>
      rows.find((r: { learner: { name: string } }) => r.learner.name === name).units[0];
    // Part-way: three criteria met, two not yet met, eight evidenced.
    expect(unitOf('Łukasz Wójcik')).toMatchObject({
      criteria: { met: 3, evidenced: 8 },
      signedOff: false,
    });
    expect(unitOf('Nguyễn Thị Hoa')).toMatchObject({ signedOff: true, signOff: 'signed-off' });
    // A working-towards assessor's sign-off counts once countersigned, not before.
    expect(unitOf("Zoë O'Brien")).toMatchObject({ signedOff: true, signOff: 'signed-off' });
    expect(unitOf('Daniel Hughes')).toMatchObject({
      criteria: { met: 27 },
      signedOff: false,
      signOff: 'awaiting-countersignature',
    });
    expect(unitOf('Siobhán Ní Bhriain')).toMatchObject({ criteria: { met: 0, evidenced: 8 } });
  });

  it('prints a readable table without --json, and a one-line reason for a wrong folder', async () => {
    const dir = path.join(await tempDir(), 'demo');
    await main(['demo', dir], capture().io);
    const { io, out } = capture();
    expect(await main(['status', dir], io)).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^Learner\s+ULN\s+Unit\s+Title\s+Met\s+Evidenced\s+Signed off$/);
    expect(lines.find((l) => l.startsWith('Łukasz Wójcik'))).toMatch(
      /J\/508\/4003 .* 3\/27\s+8\/27\s+no$/,
    );

    const bad = capture();
    expect(await main(['status', path.join(dir, 'learners')], bad.io)).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toContain('is not a centre workspace');
  });
});
