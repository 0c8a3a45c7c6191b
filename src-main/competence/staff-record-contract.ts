import { z } from 'zod';
import { operation } from '../shared/operation';
import { stagedId } from '../evidence/evidence-contract';
import type { EvidencePreview } from '../evidence/evidence-views';
import { isoDate } from '../shared/record';
import { qualificationKinds, signOffPolicies } from './staff-record-schema';
import type { CompetenceOverview, StaffRecordView } from './staff-record-view';

const personId = z.string().min(1);
const id = z.string().min(1).optional();
const text = (max: number) => z.string().trim().max(max);

export const qualificationInput = z.object({
  id,
  kind: z.enum(qualificationKinds),
  title: text(300).min(1, 'Give the qualification its title.'),
  status: z.enum(['achieved', 'working-towards']),
  awardedOn: isoDate.nullable(),
  expiresOn: isoDate.nullable(),
  required: z.boolean(),
  archived: z.boolean().default(false),
});

export const experienceInput = z.object({
  id,
  role: text(200).min(1, 'Say what the role was.'),
  organisation: text(200).default(''),
  from: isoDate,
  to: isoDate.nullable(),
  summary: text(5000).default(''),
  archived: z.boolean().default(false),
});

export const cpdInput = z.object({
  id,
  date: isoDate,
  activity: text(300).min(1, 'Say what the CPD activity was.'),
  hours: z.number().min(0, 'Hours cannot be below 0.').max(1000),
  learned: text(10_000).default(''),
  archived: z.boolean().default(false),
});

export const checkInput = z.object({
  id,
  name: text(200).min(1, 'Say what the check is.'),
  checkedOn: isoDate,
  expiresOn: isoDate.nullable(),
  reference: text(200).default(''),
  archived: z.boolean().default(false),
});

/** One file of a CPD entry, named by the SHA-256 it was kept with. */
const cpdFileRef = z.object({
  personId,
  cpdId: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'That is not a SHA-256.'),
});

/** What a CPD file upload carries beside the file itself (in a header, as the body is the file). */
export const staffRecordOperations = {
  'staff:competence': operation<CompetenceOverview>()(z.object({})),
  'staff:record': operation<StaffRecordView>()(z.object({ personId })),
  'staff:save-qualification': operation<{ id: string }>()(
    z.object({ personId, entry: qualificationInput }),
    { writes: true },
  ),
  'staff:save-experience': operation<{ id: string }>()(
    z.object({ personId, entry: experienceInput }),
    { writes: true },
  ),
  'staff:save-cpd': operation<{ id: string }>()(z.object({ personId, entry: cpdInput }), {
    writes: true,
  }),
  'staff:save-check': operation<{ id: string }>()(z.object({ personId, entry: checkInput }), {
    writes: true,
  }),
  /** A file chosen in the desktop app's dialog, added to a CPD entry. */
  'staff:add-cpd-staged': operation<{ path: string; sha256: string }>()(
    z.object({ personId, cpdId: z.string().min(1), stagedId }),
    { writes: true },
  ),
  /** A CPD file shown in place, as learner evidence is (through the ticketed file route). */
  'staff:preview-cpd-file': operation<EvidencePreview>()(cpdFileRef),
  /** A CPD file opened in its own program, or shown in its folder when it could run one. */
  'staff:open-cpd-file': operation<{ opened: boolean; shownInFolder: boolean }>()(cpdFileRef),
  'staff:set-policy': operation<{ saved: true }>()(
    z.object({
      lapsedQualificationAtSignOff: z.enum(signOffPolicies),
      expiringWithinDays: z.number().int().min(0).max(365).optional(),
    }),
    { writes: true },
  ),
};
