import { Group, Radio, Select, TextInput, Title } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import {
  qualityRatings,
  vacsrChecks,
  vacsrLabels,
  type QualityRating,
} from '../../../../src-main/kernel/review-words';
import { fromYesNo, yesNo, type Quality, type VacsrAnswers } from './use-review-form';

/** Whether the evidence is valid, authentic, current, sufficient and reliable, with comments. */
export function VacsrChecks({
  vacsr,
  setVacsr,
}: {
  vacsr: VacsrAnswers;
  setVacsr: Dispatch<SetStateAction<VacsrAnswers>>;
}) {
  return (
    <>
      <Title order={4} size="h5">
        VACSR: is the evidence
      </Title>
      {vacsrChecks.map((k) => (
        <Group key={k} align="end">
          <Radio.Group
            w={320}
            label={vacsrLabels[k]}
            value={yesNo(vacsr[k].met)}
            onChange={(v) => setVacsr((all) => ({ ...all, [k]: { ...all[k], met: fromYesNo(v) } }))}
          >
            <Group gap="sm" mt={2}>
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </Group>
          </Radio.Group>
          <TextInput
            size="xs"
            w={420}
            aria-label={`Comment on ${k}`}
            value={vacsr[k].comment}
            onChange={(e) => {
              const comment = e.currentTarget.value;
              setVacsr((all) => ({ ...all, [k]: { ...all[k], comment } }));
            }}
          />
        </Group>
      ))}
    </>
  );
}

/** A quality rating (feedback, records) with the IQA's comment beside it. */
export function QualityField({
  label,
  value,
  set,
}: {
  label: string;
  value: Quality;
  set: (v: Quality) => void;
}) {
  return (
    <Group align="end">
      <Select
        label={label}
        w={220}
        placeholder="Not rated yet"
        clearable
        value={value.rating}
        data={qualityRatings.map((q) => ({
          value: q,
          label: q.charAt(0).toUpperCase() + q.slice(1),
        }))}
        onChange={(v) => set({ ...value, rating: (v as QualityRating | null) ?? null })}
      />
      <TextInput
        label={`${label}: comment`}
        w={420}
        value={value.comment}
        onChange={(e) => set({ ...value, comment: e.currentTarget.value })}
      />
    </Group>
  );
}
