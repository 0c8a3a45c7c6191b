import { z } from 'zod';
import { operation } from '../shared/operation';
import { thirdPartyChoices } from './third-party';

export interface VisitPackView {
  /** Where the pack is, relative to the workspace folder. */
  folder: string;
  zip: string | null;
  learners: number;
  units: number;
  files: number;
  signedBy: string | null;
  notes: string[];
}

const id = z.string().min(1);

export const visitOperations = {
  /**
   * Writes the EQA visit pack of the chosen learners' units into the workspace's visits/ folder
   * (and a .zip beside it), signed by the IQA using the workbench.
   */
  'visit:make-pack': operation<VisitPackView>()(
    z.object({
      samples: z
        .array(z.object({ learnerId: id, unitId: id }))
        .min(1, 'Choose at least one learner and unit for the visit.')
        .max(500),
      /** Sign the manifest with the IQA's signing identity. */
      sign: z.boolean(),
      passphrase: z.string().max(1000).optional(),
      /** Per evidence item marked as holding other people's personal data: leave it out or include it. */
      thirdParty: z.record(id, z.enum(thirdPartyChoices)).optional(),
    }),
    { writes: true },
  ),
};
