import { UserError } from '../kernel/user-error';
import type { Evidence } from '../portfolio/evidence-schema';

/** What to do with an evidence item marked as holding other people's personal data. */
export type ThirdPartyChoice = 'leave-out' | 'include';

/** One choice for every marked item (the command line), or one per item by its id (a dialog). */
export type ThirdPartyChoices = ThirdPartyChoice | Readonly<Record<string, ThirdPartyChoice>>;

export const THIRD_PARTY_LEFT_OUT = "left out: contains other people's personal data";

export const thirdPartyChoices = ['leave-out', 'include'] as const;

/** Evidence marked as holding other people's personal data, for a share that is about to leave. */
export const isMarked = (e: Pick<Evidence, 'thirdPartyData'>) => e.thirdPartyData === true;

/** The chosen fate of one marked item, or undefined when nobody has chosen. */
export function choiceFor(
  choices: ThirdPartyChoices | undefined,
  evidenceId: string,
): ThirdPartyChoice | undefined {
  if (!choices) return undefined;
  return typeof choices === 'string' ? choices : choices[evidenceId];
}

/**
 * The ids of the marked items to leave out of a share. A marked item nobody chose for stops the
 * share: the workbench never decides for the person whether someone else's data leaves.
 */
export function itemsLeftOut(
  items: readonly Evidence[],
  choices: ThirdPartyChoices | undefined,
): Set<string> {
  const marked = items.filter(isMarked);
  const unchosen = marked.filter((e) => !choiceFor(choices, e.id));
  if (unchosen.length) {
    const titles = unchosen
      .slice(0, 5)
      .map((e) => `"${e.title}"`)
      .join(', ');
    throw new UserError(
      'invalid-input',
      `${unchosen.length === 1 ? 'An evidence item is' : `${unchosen.length} evidence items are`} marked as holding other people's personal data (${titles}${unchosen.length > 5 ? '…' : ''}). Choose for each whether to leave it out or include it.`,
    );
  }
  return new Set(marked.filter((e) => choiceFor(choices, e.id) === 'leave-out').map((e) => e.id));
}
