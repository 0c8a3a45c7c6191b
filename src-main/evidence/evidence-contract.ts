import { z } from 'zod';
import { operation } from '../shared/operation';
import { isoDate } from '../shared/record';
import { evidenceMethod } from '../portfolio/evidence-schema';
import type { EvidencePreview, JobView, StagedFile } from './evidence-views';

const text = z.string().trim().max(5000);
const learnerId = z.string().min(1);
const evidenceId = z.string().min(1);

export const evidenceDetails = z.object({
  title: z.string().trim().min(1, 'Give the evidence a title.').max(300),
  producedOn: isoDate,
  method: evidenceMethod,
  location: text.optional(),
  producedBy: text.optional(),
  notes: text.optional(),
  witnessId: z.string().min(1).optional(),
});

/** The id of a file sent to the workbench (an upload, or a file chosen in the desktop app). */
export const stagedId = z
  .string()
  .regex(/^staged-[0-9a-f]{24}$/, 'That is not a file sent to the workbench. Choose it again.');

export const evidenceOperations = {
  'evidence:add-record': operation<{ id: string }>()(
    z.object({
      learnerId,
      details: evidenceDetails.extend({
        record: z.string().trim().min(1, 'Write the record itself.').max(100_000),
      }),
    }),
    { writes: true },
  ),
  'evidence:update': operation<{ id: string }>()(
    z.object({
      learnerId,
      evidenceId,
      change: evidenceDetails
        .extend({
          record: z.string().trim().max(100_000),
          archived: z.boolean(),
          thirdPartyData: z.boolean(),
        })
        .partial(),
    }),
    { writes: true },
  ),
  'evidence:preview': operation<EvidencePreview>()(z.object({ learnerId, evidenceId })),
  'evidence:choose-files': operation<StagedFile[]>()(z.object({}), { writes: true }),
  /** Adds a staged file as evidence, copied (with progress) in the background. */
  'evidence:add-staged': operation<{ jobId: string }>()(
    z.object({ learnerId, stagedId, details: evidenceDetails }),
    { writes: true },
  ),
  'evidence:job': operation<JobView>()(z.object({ jobId: z.string().min(1) })),
  'evidence:cancel': operation<JobView>()(z.object({ jobId: z.string().min(1) })),
  /** Documents and media open in their usual program; any other kind is shown in its folder. */
  'evidence:open-externally': operation<{ opened: boolean; shownInFolder: boolean }>()(
    z.object({ learnerId, evidenceId }),
  ),
};
