import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatDate, formatDateTime } from '../kernel/dates';
import { UserError } from '../kernel/user-error';
import {
  IdentityError,
  layOutRecordPdf,
  loadRecordFonts,
  recordDocumentSchema,
  SealError,
  sha256Hex,
  signDocument,
  type RecordDocument,
} from '../record';
import { tableSection } from '../record/build/record-common';
import type { Signer } from '../record/issue/issue-record';
import { writeFileAtomic } from '../storage/atomic-write';
import { mapFsError } from '../storage/map-fs-error';

/** Where a workspace keeps its signed erasure records: they name no erased value. */
export const ERASURES_FOLDER = 'erasures';

export const ERASURE_STATEMENT =
  'I confirm that I decided this erasure, that the data named above was erased from every copy ' +
  'the workbench knows of, and that what the awarding body and funders require to be kept was kept.';

export interface ErasureRecordInput {
  recordId: string;
  centreName: string;
  learnerId: string;
  pseudonym: string;
  scope: 'evidence' | 'learner';
  basis: 'retention' | 'request';
  reason: string;
  erased: string[];
  kept: string[];
  evidence: { id: string; sha256: string | null }[];
  signer: Signer;
  now: Date;
}

export const newErasureRecordId = (now: Date) =>
  `erasure-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;

export function buildErasureRecord(input: ErasureRecordInput): RecordDocument {
  const why =
    input.basis === 'retention'
      ? 'Its retention period under the centre’s policy had ended'
      : 'The learner asked for it to be erased, where the law allows';
  return recordDocumentSchema.parse({
    schemaVersion: 1,
    kind: 'erasure-record',
    recordId: input.recordId,
    title: 'Erasure record',
    header: {
      centreName: input.centreName,
      awardingBody: '',
      qualificationTitle: '',
      qualificationNumber: '',
    },
    footer: { learnerName: input.pseudonym, unitRef: '', label: input.recordId },
    author: input.signer.name,
    subject: `Erasure of ${input.pseudonym}'s ${input.scope === 'learner' ? 'personal data' : 'evidence'}`,
    generatedAt: input.now.toISOString(),
    sections: [
      {
        type: 'fields',
        heading: 'What, when, why and by whom',
        fields: [
          { label: 'Record', value: input.recordId },
          { label: 'Learner', value: `${input.pseudonym} (id ${input.learnerId})` },
          {
            label: 'Erased',
            value:
              input.scope === 'learner'
                ? 'Evidence and the learner’s personal details'
                : 'Evidence and its witnesses’ details',
          },
          { label: 'When', value: formatDateTime(input.now.toISOString()) },
          { label: 'Why', value: why },
          { label: 'Reason given', value: input.reason },
          { label: 'By', value: `${input.signer.name}, ${input.signer.role}` },
        ],
      },
      { type: 'paragraphs', heading: 'What went', paragraphs: input.erased },
      { type: 'paragraphs', heading: 'What was kept', paragraphs: input.kept },
      tableSection(
        'Evidence erased (its SHA-256 kept)',
        [
          ['Evidence item', 30],
          ['SHA-256 of the file', 70],
        ],
        input.evidence.map((e) => [e.id, e.sha256 ?? 'No file (written in the workbench)']),
        'The portfolio held no evidence.',
      ),
      {
        type: 'declarations',
        heading: 'Declaration',
        declarations: [
          {
            statement: ERASURE_STATEMENT,
            signature: {
              name: input.signer.name,
              role: input.signer.role,
              date: input.now.toISOString().slice(0, 10),
            },
          },
        ],
      },
    ],
    evidenceManifest: [],
  });
}

/**
 * Makes the erasure record, seals it with the signature of the person erasing and files it in
 * the workspace's erasures/ folder. Returns where it went and its SHA-256.
 */
export async function issueErasureRecord(
  workspaceDir: string,
  input: ErasureRecordInput,
): Promise<{ file: string; sha256: string; bytes: Uint8Array }> {
  const doc = buildErasureRecord(input);
  let bytes: Uint8Array;
  try {
    const pdf = await layOutRecordPdf(doc, await loadRecordFonts());
    bytes = await signDocument(pdf, input.signer.identity, {
      reason: `Erasure record, ${formatDate(input.now.toISOString())}`,
      location: input.centreName,
      signingTime: input.now,
    });
  } catch (error) {
    if (error instanceof IdentityError || error instanceof SealError) {
      throw new UserError('invalid-input', error.message);
    }
    throw error;
  }
  const relative = `${ERASURES_FOLDER}/${input.recordId}.pdf`;
  const file = path.join(workspaceDir, ERASURES_FOLDER, `${input.recordId}.pdf`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  } catch (error) {
    throw mapFsError(error, 'The erasure record');
  }
  return { file: relative, sha256: sha256Hex(bytes), bytes };
}
