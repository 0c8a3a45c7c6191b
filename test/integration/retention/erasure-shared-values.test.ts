import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../../src-main/demo/demo-identities';
import { signerFor } from '../../../src-main/record/identity-store/signers';
import { eraseLearner } from '../../../src-main/retention/erase';
import { Workspace } from '../../../src-main/workspace/workspace';
import { demoWorkspace } from '../../support/demo-workspace';
import { useTempDirs } from '../../support/temp-dir';

describe('a full erasure and what the learner shares with others', () => {
  const temp = useTempDirs();

  it('leaves another learner the employer both work for, on the roster and in its files', async () => {
    const root = await temp();
    const { workspace } = await demoWorkspace(root);
    const erased = workspace.centre.learners.find((l) => l.name.startsWith('Nguy'))!;
    const other = workspace.centre.learners.find(
      (l) => l.id !== erased.id && l.employer === erased.employer,
    )!;
    expect(other.employer).toBe('Harbour Hotel Group');
    const iqa = workspace.centre.staff.find((s) => s.roles.includes('iqa'))!;
    await eraseLearner(
      workspace,
      { learnerId: erased.id, reason: 'The learner asked', scope: 'learner', onRequest: true },
      iqa,
      await signerFor(workspace, iqa, 'iqa', { passphrase: DEMO_PASSPHRASE, userDataDir: root }),
      { id: iqa.id, role: 'iqa' },
      new Date('2030-06-01T09:00:00Z'),
    );
    expect(workspace.learner(erased.id)).toMatchObject({ employer: '', workplace: '' });
    expect(workspace.learner(other.id)).toMatchObject({
      employer: other.employer,
      workplace: other.workplace,
      name: other.name,
    });
    await workspace.flushCentre();
    // Read again from the centre's change files alone, as another computer would.
    const again = await Workspace.open(workspace.dir);
    expect(again.learner(other.id).employer).toBe(other.employer);
    expect(again.learner(erased.id).employer).toBe('');
  }, 120_000);
});
