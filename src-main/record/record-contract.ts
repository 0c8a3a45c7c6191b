import { z } from 'zod';
import { operation } from '../shared/operation';
import { portfolioRecordKinds } from './model/record-document';
import type {
  ExportedCertificate,
  IdentityList,
  IssuedRecordView,
  RecordCheck,
  RecordChoices,
  RecordPreview,
} from './record-views';

export type * from './record-views';

const learnerId = z.string().min(1);
const recordId = z.string().min(1).max(100);
/** Typed by the person for one signing; never stored as typed. */
const passphrase = z.string().min(1).max(1000).optional();
/** A file sent from the screen, as base64 (records and .p12 files are small). */
const base64 = z
  .string()
  .max(7_000_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');

/** The centre certificate's passphrase: needed to issue, replace or revoke an identity. */
const centrePassphrase = z.string().max(1000).optional();

export const recordOperations = {
  'record:choices': operation<RecordChoices>()(z.object({ learnerId })),
  'record:generate': operation<IssuedRecordView>()(
    z.object({
      learnerId,
      kind: z.enum(portfolioRecordKinds),
      unitId: z.string().min(1).optional(),
      evidenceId: z.string().min(1).optional(),
      /** The progress review or assessment plan the record is of; without it, the latest review or
       * the only current plan. */
      id: z.string().min(1).optional(),
      format: z.enum(['pdf', 'docx']),
      sign: z.boolean().default(false),
      passphrase,
      /** In the desktop app: keep this passphrase sealed so it is not asked for again. */
      remember: z.boolean().default(false),
    }),
    { writes: true },
  ),
  'record:countersign': operation<IssuedRecordView>()(
    z.object({ learnerId, recordId, passphrase, remember: z.boolean().default(false) }),
    { writes: true },
  ),
  'record:verify': operation<RecordCheck>()(
    z.union([
      z.object({ learnerId, recordId }),
      z.object({ fileName: z.string().min(1).max(500), contentBase64: base64 }),
    ]),
  ),
  'record:list': operation<IssuedRecordView[]>()(z.object({ learnerId: learnerId.optional() })),
  'record:preview': operation<RecordPreview>()(z.object({ learnerId, recordId })),
  'identity:list': operation<IdentityList>()(z.object({})),
  /** Creates a person's identity, or replaces it (the old certificate is kept, stopped). */
  'identity:create': operation<IdentityList>()(
    z.object({ personId: z.string().min(1), passphrase, centrePassphrase }),
    { writes: true },
  ),
  'identity:import': operation<IdentityList>()(
    z.object({
      personId: z.string().min(1),
      contentBase64: base64,
      passphrase: z.string().min(1).max(1000),
      remember: z.boolean().default(false),
      centrePassphrase,
    }),
    { writes: true },
  ),
  'identity:revoke': operation<IdentityList>()(
    z.object({
      personId: z.string().min(1),
      reason: z.string().trim().min(1, 'Say why the identity is revoked.').max(2000),
      centrePassphrase,
    }),
    { writes: true },
  ),
  /** The centre certificate as PEM, for an EQA to trust. */
  /** The centre certificate, or the centre's signed revocation list to keep beside it. */
  'identity:export-centre': operation<ExportedCertificate>()(
    z.object({ part: z.enum(['certificate', 'revocations']).optional() }),
  ),
  'identity:export': operation<ExportedCertificate>()(
    z.object({ personId: z.string().min(1), format: z.enum(['pem', 'der']) }),
  ),
};
