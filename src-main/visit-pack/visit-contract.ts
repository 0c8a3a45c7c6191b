import { z } from 'zod';
import { stagedId } from '../evidence/evidence-contract';
import type { ActionItemView } from '../sampling/sampling-views';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import type { ImportedReport, VisitFile } from './visit-schema';
import type { ImportedEqaReport } from './eqa-report-import';
import {
  eqaAnswersSchema,
  eqaIdentitySchema,
  type EqaReportFormView,
  type SignedEqaReport,
} from './eqa-report-form';

export type { EqaAnswers, EqaReportFormView, SignedEqaReport } from './eqa-report-form';
import { thirdPartyChoices } from './third-party';

/**
 * A visit pack as made. `folder` and `zip` say where it is: relative to the workspace folder in
 * the operation's answer, in full from `writeVisitPack`.
 */
export interface VisitPackView {
  folder: string;
  zip: string | null;
  learners: number;
  units: number;
  files: number;
  signedBy: string | null;
  /** The visit this pack is for: the EQA's report names it, and is kept with it when imported. */
  visitId: string;
  /** Things the IQA should know: evidence changed since it was added, records left unsigned. */
  notes: string[];
}

/** An EQA visit with the report the EQA returned, once imported, and the EQA's actions. */
export interface VisitView {
  id: string;
  packMadeAt: string;
  packMadeBy: string;
  packFolder: string;
  samples: VisitFile['samples'];
  report: (ImportedReport & { importedByName: string }) | null;
  /** Reports a corrected one replaced, oldest first: each file is kept in the visit's folder. */
  replaced: { file: string; signedOn: string; importedAt: string }[];
  actions: ActionItemView[];
}

const id = z.string().min(1);
const visitId = z.string().regex(/^vi-[0-9a-f]+$/, 'must be a visit id');
const words = z.string().trim().max(4000);

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
  /** Every EQA visit the centre made a pack for, newest first, with the report when imported. */
  'visit:list': operation<{ visits: VisitView[]; problems: string[] }>()(z.object({})),
  /**
   * Checks and keeps the EQA's signed report (staged by `POST /upload`) with its visit; a
   * corrected report replaces the first, which stays on file, with every action kept.
   */
  'visit:import-report': operation<ImportedEqaReport>()(z.object({ stagedId }), {
    writes: true,
  }),
  /** The visit's learners and units for the EQA to report on, with nothing answered. */
  'visit:report-form': operation<EqaReportFormView>()(z.object({ visitId })),
  /**
   * Signs the EQA's report with the EQA's own identity (a .p12 the centre did not issue) and
   * hands back the one signed PDF to save and return. Writes nothing into the workspace.
   */
  'visit:sign-report': operation<SignedEqaReport>()(
    z.object({
      answers: eqaAnswersSchema,
      identity: eqaIdentitySchema,
    }),
  ),
  /** The EQA's actions: every one, or only the current user's not yet closed. */
  'visit:actions': operation<ActionItemView[]>()(z.object({ mine: z.boolean() })),
  'visit:respond-action': operation<ActionItemView>()(
    z.object({ visitId, actionId: id, text: words }),
    { writes: true },
  ),
  'visit:close-action': operation<ActionItemView>()(
    z.object({ visitId, actionId: id, note: words.optional() }),
    { writes: true },
  ),
  'visit:reopen-action': operation<ActionItemView>()(
    z.object({ visitId, actionId: id, reason: words, due: isoDate.optional() }),
    { writes: true },
  ),
};
