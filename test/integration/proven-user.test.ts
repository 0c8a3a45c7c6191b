import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher';
import type { Workbench } from '../../src-main/app/workbench';
import { main } from '../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';
import { portfolioSchema } from '../../src-main/portfolio/portfolio-schema';
import { samplingStore } from '../../src-main/sampling/sampling-store';
import { Workspace } from '../../src-main/workspace/workspace';
import { portfolioOnDisk } from '../support/portfolio-on-disk';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

const UNIT = 'unit-j-508-4003';
const PNG = `data:image/png;base64,${Buffer.from('drawn strokes').toString('base64')}`;

async function verifyPortfolio(dir: string, learner: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['verify-portfolio', dir, '--learner', learner], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function setUp(wb: Workbench) {
  const dispatch = createDispatcher(wb);
  const id = (name: string) => wb.workspace.centre.staff.find((s) => s.name === name)!.id;
  const learnerId = (name: string) => wb.workspace.centre.learners.find((l) => l.name === name)!.id;
  return { dispatch, id, learnerId };
}

describe('who is working is proven by their signing key', () => {
  const tempDir = useTempDirs();

  it('asks for the passphrase, records sign-offs only for the person who unlocked, and signs each', async () => {
    const wb = await bootWorkbench(await tempDir());
    const { dispatch, id, learnerId } = setUp(wb);
    const amara = learnerId('Amara Okafor');

    // Choosing an assessor needs their passphrase; a wrong one changes nothing.
    expect(
      await dispatch('session:set-user', { personId: id('Tom Fletcher'), role: 'assessor' }),
    ).toMatchObject({
      ok: false,
      error: { message: "Enter Tom Fletcher's signing passphrase to work as Tom Fletcher." },
    });
    expect(
      await dispatch('session:set-user', {
        personId: id('Tom Fletcher'),
        role: 'assessor',
        passphrase: 'not-his-passphrase',
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/passphrase/) } });
    expect(wb.signedIn()?.person.name).not.toBe('Tom Fletcher');

    // Chosen but not proven (as after a restart): the declarations can be signed on screen,
    // but the sign-off is not recorded for someone who has not unlocked their key.
    await wb.signIn({ personId: id('Priya Sharma'), role: 'assessor' });
    for (const purpose of ['learner-declaration', 'assessor-declaration'] as const) {
      expect(
        await dispatch('decision:sign', {
          learnerId: amara,
          unitId: UNIT,
          purpose,
          method: 'drawn',
          image: PNG,
        }),
      ).toMatchObject({ ok: true });
    }
    const session = await dispatch('session:get', {});
    expect(session).toMatchObject({ ok: true, data: { unlocked: false } });
    expect(await dispatch('decision:sign-off', { learnerId: amara, unitId: UNIT })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringContaining('Priya Sharma has not unlocked a signing identity'),
      },
    });

    const unlocked = await dispatch('session:set-user', {
      personId: id('Priya Sharma'),
      role: 'assessor',
      passphrase: DEMO_PASSPHRASE,
    });
    expect(unlocked).toMatchObject({ ok: true, data: { unlocked: true } });
    // Nothing secret goes back to the screen.
    expect(JSON.stringify(unlocked)).not.toMatch(/PRIVATE KEY|northgate-demo/);
    expect(await dispatch('decision:sign-off', { learnerId: amara, unitId: UNIT })).toMatchObject({
      ok: true,
    });
    const folder = path.join(wb.workspace.dir, wb.workspace.learner(amara).portfolio);
    const saved = portfolioSchema.parse(await portfolioOnDisk(folder, amara));
    expect(saved.signOffs.at(-1)?.signOffProof).toMatchObject({
      personId: id('Priya Sharma'),
      algorithm: 'RSA-SHA256',
    });

    // Someone else chosen without their passphrase cannot unlock the unit in Priya's stead.
    await wb.signIn({ personId: id('Margaret Ellis'), role: 'iqa' });
    expect(
      await dispatch('decision:unlock', {
        learnerId: amara,
        unitId: UNIT,
        reason: 'Evidence for 7.3 needs checking again.',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Someone the centre has no identity for can be chosen to mark, but is never unlocked.
    expect(
      await dispatch('identity:revoke', {
        personId: id('Tom Fletcher'),
        reason: 'Left the centre',
        centrePassphrase: DEMO_PASSPHRASE,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await dispatch('session:set-user', { personId: id('Tom Fletcher'), role: 'assessor' }),
    ).toMatchObject({ ok: true, data: { unlocked: false, user: { name: 'Tom Fletcher' } } });

    // An EQA needs no passphrase: they only read.
    expect(
      await dispatch('session:set-user', { personId: id('Dr Helen Carter'), role: 'eqa' }),
    ).toMatchObject({ ok: true, data: { readOnly: true } });
    const dir = wb.workspace.dir;
    await wb.shutdown();

    const check = await verifyPortfolio(dir, 'Amara Okafor');
    expect(check.out).not.toMatch(/Problem:/);
    expect(check.code).toBe(0);
  });

  it('verify-portfolio passes the demo and names each review or sign-off not signed by its maker', async () => {
    const wb = await bootWorkbench(await tempDir());
    const dir = wb.workspace.dir;
    const learners = wb.workspace.centre.learners;
    await wb.shutdown();
    const reviewsName = (await readdir(path.join(dir, 'sampling'))).find((n) =>
      /^reviews-.*\.json$/.test(n),
    )!;
    const planId = reviewsName.slice('reviews-'.length, -'.json'.length);
    const workspace = await Workspace.open(dir);
    const reviewsDoc = await samplingStore(workspace).reviews(planId);
    const file = structuredClone(reviewsDoc.data) as {
      reviews: { learnerId: string; feedbackToAssessor: string; proof?: unknown }[];
    };
    const [first, second] = file.reviews;
    const nameOf = (learnerId: string) => learners.find((l) => l.id === learnerId)!.name;
    for (const learner of learners) {
      const check = await verifyPortfolio(dir, learner.name);
      expect(check.out, learner.name).toMatch(/VALID\. Checked \d+/);
      expect(check.code, learner.name).toBe(0);
    }

    // A review whose feedback was changed after it was signed, and one saved without a signature.
    first!.feedbackToAssessor = 'Nothing to add.';
    delete second!.proof;
    // Saved as a change (the sampling files are change logs; their .json is only a snapshot).
    await reviewsDoc.update((f) => ({ ...f, reviews: file.reviews as typeof f.reviews }));
    const changed = await verifyPortfolio(dir, nameOf(first!.learnerId));
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(
      /Problem: IQA review of .* by Margaret Ellis on .*: the signature does not match what the record says now/,
    );
    const unsigned = await verifyPortfolio(dir, nameOf(second!.learnerId));
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toMatch(
      /Problem: IQA review of .* by Margaret Ellis on .*: it carries no signature by Margaret Ellis's key/,
    );
  });
});
