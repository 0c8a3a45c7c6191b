import { z } from 'zod';
import type { EvidencePreview } from '../evidence/evidence-views';
import { operation } from '../shared/operation';
import {
  eqaAnswersSchema,
  eqaIdentitySchema,
  type EqaReportFormView,
  type SignedEqaReport,
} from './eqa-report-form';
import type { PackData } from './pack-model';

/** A visit pack open in the workbench, read-only, with what checking it found. */
export interface OpenPackView {
  /** What the EQA opened on this computer: the pack's folder, or its .zip. */
  dir: string;
  /** Opened from its .zip, unpacked to be read into a folder of this computer's own. */
  zipped: boolean;
  data: PackData;
  check: {
    ok: boolean;
    /** Who signed the manifest, when the signature holds. */
    signedBy: string | null;
    /** Each thing that failed, naming the file. */
    problems: string[];
    notes: string[];
  };
}

/**
 * Reading a visit pack an EQA opened (a folder with pack.json and MANIFEST.sha256, or its .zip
 * unpacked into this computer's cache): nothing here
 * writes, into the pack or anywhere else; the signed report comes back to be saved by the EQA.
 */
export const packViewOperations = {
  'pack:view': operation<OpenPackView>()(z.object({})),
  /** One file of the pack, as the manifest lists it, to show in the workbench. */
  'pack:preview': operation<EvidencePreview>()(
    z.object({ path: z.string().trim().min(1).max(2000) }),
  ),
  /** The EQA's report on the pack's visit: its learners and units, nothing answered. */
  'pack:report-form': operation<EqaReportFormView>()(z.object({})),
  /** Signs the EQA's report with their own identity and hands back the one PDF to save. */
  'pack:sign-report': operation<SignedEqaReport>()(
    z.object({ answers: eqaAnswersSchema, identity: eqaIdentitySchema }),
  ),
};
