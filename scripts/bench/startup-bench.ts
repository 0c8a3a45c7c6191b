import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { appRoot } from '../../src-main/shared/paths';
import { median, ms, run, timed } from './timing';

const RUNS = 9;
const workbenchBin = path.join(appRoot(), 'bin', 'workbench.mjs');

export interface StartupResult {
  text: string;
  helpRatio: number;
  webReadyMs: number;
}

async function medianOf(task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await timed(task));
  return median(times);
}

/**
 * Starts `workbench web` on a workspace and times it from launch to the printed address (it then
 * serves the screens), and to the first answer of an operation (the domain code has loaded).
 */
function webStart(
  workspace: string,
  userDataDir: string,
): Promise<{ ready: number; answered: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [workbenchBin, 'web', '--workspace', workspace], {
      env: { ...process.env, WORKBENCH_USER_DATA: userDataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    child.on('error', reject);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      printed += text;
      const address = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(printed);
      if (!address || child.killed) return;
      const ready = performance.now() - start;
      void fetch(`http://127.0.0.1:${address[1]}/api/centre:get`, {
        method: 'POST',
        headers: { authorization: `Bearer ${address[2]}`, 'content-type': 'application/json' },
        body: '{}',
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(`centre:get answered ${response.status}`);
          await response.json();
          resolve({ ready, answered: performance.now() - start });
        }, reject)
        .finally(() => child.kill('SIGINT'));
    });
  });
}

/** Command-line start-up against bare Node, and the browser host's start on the demo centre. */
export async function startupBench(root: string): Promise<StartupResult> {
  const dir = path.join(root, 'startup');
  const workspace = path.join(dir, 'demo');
  const userDataDir = path.join(dir, 'user-data');
  await mkdir(userDataDir, { recursive: true });
  // Builds the command line's bundle if its sources changed, and writes the demo centre.
  await run(process.execPath, [workbenchBin, 'demo', workspace]);

  const bare = await medianOf(() => run(process.execPath, ['-e', '0']));
  const help = await medianOf(() => run(process.execPath, [workbenchBin, 'help']));
  const starts: { ready: number; answered: number }[] = [];
  for (let i = 0; i < RUNS; i += 1) starts.push(await webStart(workspace, userDataDir));
  const ready = median(starts.map((s) => s.ready));
  const answered = median(starts.map((s) => s.answered));
  const helpRatio = help / bare;
  const text = [
    `Start-up (median of ${RUNS}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores):`,
    `  workbench help ${ms(help)} against node -e 0 ${ms(bare)}: ratio ${helpRatio.toFixed(1)}× (target ≤ 5×)`,
    `  workbench web on the demo centre: address printed after ${ms(ready)} (target ≤ 500 ms; ${(ready / bare).toFixed(1)}× node -e 0), first operation answered after ${ms(answered)}`,
  ].join('\n');
  return { text, helpRatio, webReadyMs: ready };
}
