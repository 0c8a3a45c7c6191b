import { safeName } from '../storage/safe-name';

/** The folder that holds a learner's portfolio, inside the workspace: `learners/<name>-<id>`. */
export function portfolioFolderFor(name: string, learnerId: string): string {
  return `learners/${safeName(name, 'learner')}-${idSuffix(learnerId)}`;
}

/**
 * Where an erased learner's portfolio lives: named by the pseudonym, never by the learner.
 * Every computer works it out the same from the roster's tombstone.
 */
export function erasedPortfolioFolder(learnerId: string, pseudonym: string): string {
  return portfolioFolderFor(pseudonym, learnerId);
}

/** The part of a learner's id a portfolio folder's name ends with (`ln-4f0c…` → `4f0c…`). */
export function idSuffix(learnerId: string): string {
  return learnerId.slice(learnerId.indexOf('-') + 1);
}

/** Whether a folder's name under learners/ ends with the learner's id, as every portfolio's does. */
export function folderNamesLearner(folderName: string, learnerId: string): boolean {
  const suffix = idSuffix(learnerId);
  return folderName === suffix || folderName.endsWith(`-${suffix}`);
}
