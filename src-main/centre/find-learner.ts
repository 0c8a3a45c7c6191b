import { UserError } from '../kernel/user-error';
import type { CentreFile, Learner } from './centre-schema';

/** A learner named the way people name them: their id, their ULN, or their exact name. */
export function findLearner(centre: Readonly<CentreFile>, wanted: string): Learner {
  const text = wanted.trim();
  const live = centre.learners.filter((l) => !l.archived);
  const found =
    live.find((l) => l.id === text) ??
    live.find((l) => l.uln === text.replace(/\s/g, '')) ??
    live.filter((l) => l.name.normalize('NFC') === text.normalize('NFC'));
  if (Array.isArray(found)) {
    if (found.length === 1 && found[0]) return found[0];
    throw new UserError(
      found.length ? 'conflict' : 'not-found',
      found.length
        ? `More than one learner is called ${text}; give their ULN instead.`
        : `No learner in this centre has the id, ULN or name "${text}".`,
    );
  }
  return found;
}
