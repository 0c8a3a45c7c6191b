import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PortfolioLog } from '../../src-main/portfolio/portfolio-log';
import type { Portfolio } from '../../src-main/portfolio/portfolio-schema';

/** What a portfolio folder holds on disk: every change file folded, as any reader would. */
export async function portfolioOnDisk(folder: string, learnerId: string): Promise<Portfolio> {
  return (await PortfolioLog.readFolder(folder, learnerId)).portfolio;
}

/** The change files of a portfolio and their whole content, to show that nothing was written. */
export async function changeFilesOf(folder: string): Promise<Record<string, string>> {
  const dir = path.join(folder, 'changes');
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')])),
  );
}
