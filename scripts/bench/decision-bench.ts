import path from 'node:path';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench } from '../../src-main/app/workbench';
import type { MarkingView } from '../../src-main/decision/decision-views';
import { Workspace } from '../../src-main/workspace/workspace';
import { median, timed } from './timing';

const UNIT = 'unit-j-508-4003';
const ROUNDS = 120;

/**
 * A decision as the marking screen makes it, through the same dispatcher the hosts bind, with
 * each answer serialised as a host sends it: now one call that answers what changed, against the
 * two the screen used to make (the decision, then the whole marking view again). Also the unit
 * library listed cold (every file read and parsed) against warm (unchanged files reused).
 */
export async function decisionBench(root: string) {
  const workbench = new Workbench(
    { userDataDir: path.join(root, 'decision-user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
  );
  await workbench.boot();
  try {
    const dispatch = createDispatcher(workbench);
    const send = async (name: string, input: unknown) => {
      const answer = await dispatch(name, input);
      if (!answer.ok) throw new Error(answer.error.message);
      return JSON.parse(JSON.stringify(answer));
    };
    const learnerId = workbench.workspace.centre.learners.find(
      (l) => l.name === 'Amara Okafor',
    )!.id;
    const base = { learnerId, unitId: UNIT };
    const { data: view } = (await send('decision:workspace', base)) as { data: MarkingView };
    const targets = view.targets.slice(0, 4);
    const decide = (i: number) => {
      const { criterionRef, partRef } = targets[i % targets.length]!;
      const outcome = i % 2 ? 'not-yet-met' : 'not-assessed';
      return send('decision:record', { ...base, criterionRef, partRef, outcome });
    };
    const oneCall: number[] = [];
    const twoCalls: number[] = [];
    // Taken in turn, so a busy moment of the machine falls on both alike.
    for (let i = 0; i < ROUNDS; i += 1) {
      oneCall.push(await timed(() => decide(i)));
      twoCalls.push(
        await timed(async () => {
          await decide(i + 1);
          await send('decision:workspace', base);
        }),
      );
    }
    await workbench.workspace.portfolios.flush();
    const fresh = await Workspace.open(workbench.workspace.dir);
    const cold = await timed(() => fresh.listUnits());
    const warm = median(
      await Promise.all([0, 1, 2, 3, 4].map(() => timed(() => fresh.listUnits()))),
    );
    const ratio = median(oneCall) / median(twoCalls);
    return {
      text: [
        `A decision round trip, op and what the screen needs (median of ${ROUNDS} each):`,
        `  decision:record answering what changed   ${median(oneCall).toFixed(2)} ms`,
        `  decision:record, then decision:workspace  ${median(twoCalls).toFixed(2)} ms`,
        `  ratio                                     ${ratio.toFixed(2)}   (target < 1.00) ${ratio < 1 ? 'met' : 'NOT met'}`,
        `  unit library listed cold / warm           ${cold.toFixed(1)} ms / ${warm.toFixed(1)} ms`,
      ].join('\n'),
      ratio,
    };
  } finally {
    await workbench.shutdown();
  }
}
