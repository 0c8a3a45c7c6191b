import { roleLabels } from '../../centre/centre-schema';
import { reviewDecisionLabels } from '../../sampling/review-schema';
import type { Workspace } from '../../workspace/workspace';
import { formatDate, sentenceCase } from '../build/record-common';
import { loadRecordSource } from '../from-portfolio/record-source';
import { registeredUnits } from '../../portfolio/registered-units';
import { unitRef } from '../../kernel/unit-label';
import type { StoredIssuedRecord } from '../../portfolio/issued-record';
import { loadRecordFonts } from '../pdf/fonts';
import type { VisibleSignature } from '../seal/signature-appearance';
import type { Signer } from './issue-record';

/**
 * What an IQA's countersignature shows in the IQA section of a unit record: who signed and when,
 * and what their review of the unit found (the latest complete review they made of it). Records
 * issued before the review say so in their signed bytes; the countersignature, added later,
 * carries the finding onto the page. Other countersignatures stay invisible.
 */
export async function iqaAppearance(
  workspace: Workspace,
  entry: StoredIssuedRecord,
  signer: Signer,
  now: Date,
): Promise<VisibleSignature | undefined> {
  if (entry.kind !== 'unit-record' || signer.role !== roleLabels.iqa) return undefined;
  const source = await loadRecordSource(workspace, entry.learnerId);
  const unit = registeredUnits(source).find((r) => unitRef(r.unit) === entry.unitRef)?.unit;
  const review = source.reviews
    .filter((r) => r.unitId === unit?.id && r.reviewerId === signer.personId)
    .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
    .at(-1);
  return {
    fonts: await loadRecordFonts(),
    lines: [
      { text: signer.name, emphasis: true },
      { text: `Digitally signed ${formatDate(now.toISOString())}` },
      ...(review
        ? [
            {
              text: `${sentenceCase(review.type)} sample reviewed ${formatDate(review.reviewedOn)}`,
            },
            { text: `IQA decision: ${reviewDecisionLabels[review.decision]}` },
          ]
        : [{ text: `${roleLabels.iqa}: no completed sample review of this unit` }]),
    ],
  };
}
