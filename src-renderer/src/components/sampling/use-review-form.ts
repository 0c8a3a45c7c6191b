import { useState } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import {
  vacsrChecks,
  type QualityRating,
  type ReviewDecision,
  type VacsrCheck,
} from '../../../../src-main/kernel/review-words';
import type { ReviewStatus } from '../../../../src-main/sampling/review-schema';
import { criterionLabel } from '../../../../src-main/kernel/criterion-key';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';

export const refOf = (c: { ref: string; partRef: string | null }) =>
  criterionLabel(c.ref, c.partRef);

export type Answer = boolean | null;
export type Quality = { rating: QualityRating | null; comment: string };
export type Agreement = { agree: Answer; comment: string };
export type VacsrAnswers = Record<VacsrCheck, { met: Answer; comment: string }>;
export type NewAction = { what: string; due: string };

export const yesNo = (value: Answer) => (value === null ? null : value ? 'yes' : 'no');
export const fromYesNo = (value: string | null): Answer =>
  value === 'yes' ? true : value === 'no' ? false : null;

function agreementsFrom(detail: SampleDetail): Record<string, Agreement> {
  const previous = detail.review;
  return Object.fromEntries(
    detail.criteria.map((c) => {
      const seen = previous?.criteria.find((p) => p.ref === refOf(c));
      return [refOf(c), { agree: seen?.agree ?? null, comment: seen?.comment ?? '' }];
    }),
  );
}

function vacsrFrom(detail: SampleDetail): VacsrAnswers {
  return Object.fromEntries(
    vacsrChecks.map((k) => [k, detail.review?.vacsr[k] ?? { met: null, comment: '' }]),
  ) as VacsrAnswers;
}

/**
 * What the IQA has answered so far on one sample's review, starting from the saved review (or
 * from nothing answered), and saving it as a draft or complete.
 */
export function useReviewForm(detail: SampleDetail, today: string, onSaved: () => void) {
  const previous = detail.review;
  const [reviewedOn, setReviewedOn] = useState(previous?.reviewedOn ?? today);
  const [criteria, setCriteria] = useState(() => agreementsFrom(detail));
  const [vacsr, setVacsr] = useState(() => vacsrFrom(detail));
  const [feedbackQuality, setFeedbackQuality] = useState<Quality>(
    previous?.feedbackQuality ?? { rating: null, comment: '' },
  );
  const [recordsQuality, setRecordsQuality] = useState<Quality>(
    previous?.recordsQuality ?? { rating: null, comment: '' },
  );
  const [decision, setDecision] = useState<ReviewDecision | null>(previous?.decision ?? null);
  const [feedback, setFeedback] = useState(previous?.feedbackToAssessor ?? '');
  const [sampled, setSampled] = useState<string[]>(previous?.evidenceSampled ?? []);
  const [actions, setActions] = useState<NewAction[]>([]);
  const [saving, setSaving] = useState<ReviewStatus | null>(null);
  const { run } = useAction();

  async function save(status: ReviewStatus) {
    setSaving(status);
    const saved = await run(
      () =>
        call('sampling:save-review', {
          planId: detail.planId,
          sampleId: detail.sample.id,
          status,
          reviewedOn,
          criteria: Object.entries(criteria).map(([ref, c]) => ({ ref, ...c })),
          evidenceSampled: sampled,
          vacsr,
          feedbackQuality,
          recordsQuality,
          decision,
          feedbackToAssessor: feedback,
          newActions: actions.filter((a) => a.what.trim()),
        }),
      {
        done:
          status === 'draft'
            ? 'Draft saved. It does not count until you complete the review.'
            : 'Review completed.',
        failed: 'The review was not saved',
      },
    );
    if (saved) onSaved();
    setSaving(null);
  }

  return {
    reviewedOn,
    setReviewedOn,
    criteria,
    setCriteria,
    vacsr,
    setVacsr,
    feedbackQuality,
    setFeedbackQuality,
    recordsQuality,
    setRecordsQuality,
    decision,
    setDecision,
    feedback,
    setFeedback,
    sampled,
    setSampled,
    actions,
    setActions,
    saving,
    save,
  };
}
