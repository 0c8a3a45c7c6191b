import { z } from 'zod';
import { operation } from '../shared/operation';
import { thirdPartyChoices } from '../visit-pack/third-party';

export interface LearnerCopyView {
  /** Where the copy is, relative to the workspace folder. */
  folder: string;
  zip: string | null;
  files: number;
  /** Evidence items left out because they hold other people's personal data. */
  leftOut: number;
  notes: string[];
}

const id = z.string().min(1);

export const learnerCopyOperations = {
  /**
   * Writes a learner's own copy of everything held about them (subject access) into the
   * workspace's learner-copies/ folder, with a .zip beside it. Each evidence item marked as
   * holding other people's personal data needs a choice: leave it out or include it.
   */
  'learner:export-copy': operation<LearnerCopyView>()(
    z.object({
      learnerId: id,
      thirdParty: z.record(id, z.enum(thirdPartyChoices)).optional(),
    }),
    { writes: true },
  ),
};
