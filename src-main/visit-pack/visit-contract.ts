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

/** An evidence item of the visit's sample marked as holding other people's personal data. */
export interface MarkedEvidenceView {
  evidenceId: string;
  learnerName: string;
  title: string;
}

const sample = z.object({ learnerId: id, unitId: id });
const samples = z
  .array(sample)
  .min(1, 'Choose at least one learner and unit for the visit.')
  .max(500);

export const visitOperations = {
  /** The items the pack of these samples would carry that are marked as holding others' data. */
  'visit:marked-evidence': operation<MarkedEvidenceView[]>()(
    z.object({ samples: z.array(sample).max(500) }),
  ),
  /**
   * Writes the EQA visit pack of the chosen learners' units into the workspace's visits/ folder
   * (and a .zip beside it), signed by the IQA using the workbench.
   */
  'visit:make-pack': operation<VisitPackView>()(
    z.object({
      samples,
      /** Sign the manifest with the IQA's signing identity. */
      sign: z.boolean(),
      passphrase: z.string().max(1000).optional(),
      /** Per evidence item marked as holding other people's personal data: leave it out or include it. */
      thirdParty: z.record(id, z.enum(thirdPartyChoices)).optional(),
    }),
    { writes: true },
  ),
};
