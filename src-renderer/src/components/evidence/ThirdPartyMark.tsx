import { Badge, Checkbox } from '@mantine/core';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';

interface Props {
  learnerId: string;
  evidence: EvidenceView;
  readOnly: boolean;
  onChanged: () => void;
}

/**
 * The assessor's mark that an item holds other people's personal data (a customer, a colleague,
 * a child in a setting). Whoever shares the evidence later chooses to leave it out or include it.
 */
export function ThirdPartyMark({ learnerId, evidence, readOnly, onChanged }: Props) {
  const { busy, run } = useAction();
  if (readOnly) {
    return evidence.thirdPartyData ? (
      <Badge variant="light" color="orange" tt="none" mt={4}>
        Holds other people&apos;s personal data
      </Badge>
    ) : null;
  }
  const set = (thirdPartyData: boolean) =>
    void run(
      () =>
        call('evidence:update', {
          learnerId,
          evidenceId: evidence.id,
          change: { thirdPartyData },
        }),
      {
        done: thirdPartyData
          ? `Marked "${evidence.title}" as holding other people's personal data.`
          : `"${evidence.title}" is no longer marked as holding other people's personal data.`,
        failed: 'The mark was not changed',
      },
    ).then((result) => {
      if (result) onChanged();
    });
  return (
    <Checkbox
      mt={4}
      size="xs"
      label="Holds other people's personal data"
      aria-label={`${evidence.title} holds other people's personal data`}
      checked={evidence.thirdPartyData}
      disabled={busy}
      onChange={(event) => set(event.currentTarget.checked)}
    />
  );
}
