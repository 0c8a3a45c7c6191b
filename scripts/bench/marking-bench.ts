import { access } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { defaultRendererDir, defaultResourcesDir } from '../../src-main/shared/paths';
import { Workbench } from '../../src-main/app/workbench';
import { recordDecision } from '../../src-main/decision/marking';
import { targetsOf } from '../../src-main/decision/targets';
import { addEvidence } from '../../src-main/evidence/evidence-records';
import { startHttpHost } from '../../src-main/hosts/http/http-host';
import { setTargetsForEvidence } from '../../src-main/mapping/mapping';
import { registerOnUnit } from '../../src-main/portfolio/portfolio';
import type { Actor } from '../../src-main/shared/record';
import type { StoredUnit } from '../../src-main/unit/unit-schema';
import { Workspace } from '../../src-main/workspace/workspace';
import { median, ms, run } from './timing';

const CRITERIA = 300;
const EVIDENCE = 200;
const setup: Actor = { id: 'bench-setup', role: 'system' };
const methods = ['direct observation', 'product evidence', 'professional discussion'] as const;

/** One unit of 300 criteria in 30 outcomes, every tenth criterion with three parts. */
function bigUnit(now: Date): StoredUnit {
  return {
    schemaVersion: 1,
    id: 'unit-bench-300',
    version: 1,
    awardingBody: null,
    builtIn: false,
    source: { fileName: 'bench.txt', text: '', importedAt: now.toISOString() },
    title: 'Benchmark qualification: 300 assessment criteria',
    level: '3',
    credits: 30,
    glh: 240,
    codes: { ofqual: 'B/000/0300', awardingBody: null },
    outcomes: Array.from({ length: CRITERIA / 10 }, (_, o) => ({
      ref: String(o + 1),
      text: `${o % 2 ? 'Understand' : 'Be able to'} area ${o + 1} of customer service practice`,
      kind: o % 2 ? ('knowledge' as const) : ('competence' as const),
      criteria: Array.from({ length: 10 }, (_, c) => ({
        ref: `${o + 1}.${c + 1}`,
        text: `Describe how to carry out task ${c + 1} of area ${o + 1}, keeping to the organisation's procedures and timescales`,
        parts: c === 9 ? ['a', 'b', 'c'].map((ref) => ({ ref, text: `case ${ref}` })) : [],
      })),
    })),
    methods: [{ name: 'direct observation', use: 'prescribed' }],
    guidance: Array.from({ length: 40 }, (_, i) => `${i + 1}.1 Marking point for area ${i + 1}.`),
  };
}

/** A workspace with one learner on that unit, 200 evidence items and about a third decided. */
async function makeWorkspace(dir: string, now: Date) {
  const workspace = await Workspace.create(dir, { name: 'Bench College' }, setup, now);
  const assessor = await workspace.addStaffMember(
    { name: 'Bench Assessor', roles: ['assessor'], assessorStatus: 'qualified' },
    setup,
    now,
  );
  const unit = bigUnit(now);
  await workspace.saveUnit(unit);
  const learner = await workspace.addLearner(
    { name: 'Bench Learner', uln: '1000000019' },
    setup,
    now,
  );
  const actor: Actor = { id: assessor.id, role: 'assessor' };
  const targets = targetsOf(unit);
  const doc = await workspace.portfolio(learner.id);
  await doc.update((start) => {
    let p = registerOnUnit(
      start,
      { unitId: unit.id, unitVersion: 1, assessorId: assessor.id },
      actor,
      now,
    );
    for (let i = 0; i < EVIDENCE; i += 1) {
      const added = addEvidence(
        p,
        {
          title: `Evidence item ${i + 1}`,
          producedOn: '2026-10-01',
          method: methods[i % 3]!,
          record: `Record ${i + 1}.`,
        },
        null,
        actor,
        now,
      );
      const mapped = [i, i + 200].filter((k) => k < targets.length).map((k) => targets[k]!);
      p = setTargetsForEvidence(
        added.portfolio,
        [unit],
        added.evidence.id,
        mapped.map((t) => ({ unitId: unit.id, criterionRef: t.criterionRef, partRef: t.partRef })),
        actor,
        now,
      );
    }
    for (const t of targets.slice(0, 100)) {
      p = recordDecision(
        p,
        unit,
        { criterionRef: t.criterionRef, partRef: t.partRef, outcome: 'met', feedback: 'Clear.' },
        actor,
        now,
      ).portfolio;
    }
    return p;
  });
  return { learnerId: learner.id, unitId: unit.id, targets: targets.length };
}

/**
 * Runs in the page (as source text: the scripts compile without the DOM library): records
 * long tasks, and for each key press the time from the key event until the frame after it.
 */
const instrument = `(() => {
  window.longTasks = [];
  window.keyToPaint = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  // Shown means: the selected row and the detail pane both name the new criterion, painted.
  const shown = () => {
    const row = document.querySelector('[data-selected]');
    if (!row) return false;
    const label = document.querySelector('[data-testid="criterion-label"]');
    if (!label) return true;
    const key = row.getAttribute('data-testid').slice('target-'.length).replace('|', ' ');
    return label.textContent.startsWith(key + ' ') || label.textContent === key;
  };
  document.addEventListener('keydown', (e) => {
    const start = e.timeStamp;
    const before = document.querySelector('[data-selected]');
    window.painted = new Promise((resolve) => {
      const frame = (n) => requestAnimationFrame(() => {
        const moved = document.querySelector('[data-selected]') !== before;
        if ((!moved || !shown()) && n < 120) return frame(n + 1);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.keyToPaint.push(performance.now() - start);
          resolve();
        };
        channel.port2.postMessage(null);
      });
      frame(0);
    });
  }, { capture: true });
})()`;

interface Measured {
  longTasks: number[];
  keyToPaint: number[];
}

async function pressThrough(page: Page, presses: number, selected: (i: number) => Promise<void>) {
  for (let i = 1; i <= presses; i += 1) {
    await page.keyboard.press('j');
    await page.evaluate('window.painted');
    await selected(i);
  }
  return (await page.evaluate(
    '({ longTasks: window.longTasks, keyToPaint: window.keyToPaint })',
  )) as Measured;
}

/** The floor: a bare page of 300 rows where a key moves a highlight, measured the same way. */
function baselinePage(rows: number): string {
  const items = Array.from(
    { length: rows },
    (_, i) =>
      `<li id="r${i}" data-testid="target-r${i}">Criterion ${i + 1}: describe the task</li>`,
  ).join('');
  return `<!doctype html><style>[data-selected]{outline:2px solid navy}</style><ul>${items}</ul><script>
    let at = 0; document.getElementById('r0').setAttribute('data-selected', 'true');
    document.addEventListener('keydown', (e) => { if (e.key !== 'j') return;
      document.getElementById('r' + at).removeAttribute('data-selected'); at += 1;
      const next = document.getElementById('r' + at);
      next.setAttribute('data-selected', 'true'); next.scrollIntoView({ block: 'nearest' }); });
  </script>`;
}

export async function markingBench(root: string) {
  const rendererDir = defaultRendererDir();
  try {
    await access(path.join(rendererDir, 'index.html'));
  } catch {
    await run('npx', ['electron-vite', 'build']);
  }
  const now = new Date();
  const dir = path.join(root, 'marking-workspace');
  const { learnerId, unitId, targets } = await makeWorkspace(dir, now);
  const workbench = new Workbench(
    { userDataDir: path.join(root, 'marking-user-data'), resourcesDir: defaultResourcesDir() },
    { kind: 'web' },
  );
  await workbench.boot({ workspace: dir });
  const host = await startHttpHost({ workbench, rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const url = new URL(host.url);
    url.search = `?learner=${learnerId}&unit=${unitId}`;
    await page.goto(url.toString());
    await page.getByTestId('marking-workspace').waitFor();
    await page.evaluate(instrument);
    const presses = targets - 1;
    const ours = await pressThrough(page, presses, async (i) => {
      if (i % 50 === 0) await page.locator('[data-selected]').getByText(/./).first().waitFor();
    });
    const selectedAtEnd = await page.locator('[data-selected]').getAttribute('data-testid');

    const floor = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await floor.setContent(baselinePage(targets));
    await floor.evaluate(instrument);
    const base = await pressThrough(floor, presses, async () => undefined);

    const longest = Math.max(0, ...ours.longTasks);
    const ratio = median(ours.keyToPaint) / Math.max(0.1, median(base.keyToPaint));
    return {
      text: [
        `Marking by keyboard: ${presses} presses of J through a ${targets}-target unit (300 criteria) with ${EVIDENCE} evidence items, in Chromium over the HTTP host:`,
        `  key to next criterion painted, median   ${ms(median(ours.keyToPaint))}   (slowest ${ms(Math.max(...ours.keyToPaint))})`,
        `  bare 300-row page, median               ${ms(median(base.keyToPaint))}   (slowest ${ms(Math.max(...base.keyToPaint))}, ${base.longTasks.length} long tasks)`,
        `  ratio                                   ${ratio.toFixed(2)}`,
        `  long tasks (over 50 ms)                 ${ours.longTasks.length}, longest ${ms(longest)}   (target: none over 50 ms) ${ours.longTasks.length === 0 ? 'met' : 'NOT met'}`,
        `  ended on                                ${selectedAtEnd ?? 'nothing selected'}`,
      ].join('\n'),
      longest,
      ratio,
    };
  } finally {
    await browser.close();
    await host.close();
    await workbench.shutdown();
  }
}
