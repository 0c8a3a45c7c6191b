import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PortfolioLog } from '../../src-main/portfolio/portfolio-log';

const WRITER = path.resolve(import.meta.dirname, 'decision-writer.ts');

/** Starts a writer process; `acks` fills with the ids whose saves it acknowledged. */
export function startWriter(dir: string, learnerId: string, name: string, count?: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, dir, learnerId, name, ...(count ? [String(count)] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acks: string[] = [];
  let buffered = '';
  let errors = '';
  const waiting: { count: number; resolve: () => void }[] = [];
  const wake = (all: boolean) => {
    for (const w of [...waiting]) {
      if (all || acks.length >= w.count) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (errors += text));
  child.stdout.on('data', (text: string) => {
    buffered += text;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
    wake(false);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      wake(true);
      resolve(code);
    });
  });
  /** Resolves once the writer has acknowledged `count` saves, or has ended. */
  const acked = (count: number) =>
    acks.length >= count || child.exitCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.push({ count, resolve }));
  const firstAck = acked(1);
  return { child, acks, firstAck, acked, exited, errors: () => errors };
}

export interface CycleResult {
  acknowledged: number;
  lost: string[];
  unreadable: string[];
}

/**
 * What a portfolio folder holds after a crash: every acknowledged id must be in the fold, every
 * change line must read, and portfolio.json (when there is one) must parse.
 */
export async function checkFolder(
  folder: string,
  learnerId: string,
  acknowledged: readonly string[],
): Promise<CycleResult> {
  const { portfolio, warnings } = await PortfolioLog.readFolder(folder, learnerId);
  const held = new Set(portfolio.decisions.map((d) => d.id));
  const unreadable = [...warnings];
  try {
    JSON.parse(await readFile(path.join(folder, 'portfolio.json'), 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') unreadable.push('portfolio.json');
  }
  return {
    acknowledged: acknowledged.length,
    lost: acknowledged.filter((id) => !held.has(id)),
    unreadable,
  };
}

/**
 * Runs a writer and kills it with SIGKILL a little after its first acknowledged save, `cycles`
 * times, checking after each that no acknowledged save is lost and every file reads.
 */
export async function killCycles(
  dir: string,
  folder: string,
  learnerId: string,
  cycles: number,
  onCycle: (cycle: number, result: CycleResult) => void = () => undefined,
): Promise<CycleResult> {
  const acknowledged: string[] = [];
  let last: CycleResult = { acknowledged: 0, lost: [], unreadable: [] };
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    const writer = startWriter(dir, learnerId, `k${cycle}`);
    // Let it run a few saves, by its own acknowledgements, not by the clock.
    await writer.acked(1 + (cycle % 7));
    writer.child.kill('SIGKILL');
    await writer.exited;
    acknowledged.push(...writer.acks);
    last = await checkFolder(folder, learnerId, acknowledged);
    onCycle(cycle, last);
  }
  return last;
}

/** Temporary files left in a portfolio folder (a fresh open removes those of dead processes). */
export async function temporaryFiles(folder: string): Promise<string[]> {
  const names = [
    ...(await readdir(folder)),
    ...(await readdir(path.join(folder, 'changes'))).map((n) => `changes/${n}`),
  ];
  return names.filter((n) => n.endsWith('.tmp') || n.endsWith('.part'));
}
