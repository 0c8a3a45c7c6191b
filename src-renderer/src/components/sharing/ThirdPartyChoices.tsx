import { Alert, Radio, Stack, Text } from '@mantine/core';
import type { ThirdPartyChoice } from '../../../../src-main/visit-pack/third-party';

export interface MarkedItem {
  evidenceId: string;
  /** "Photo of the salon floor", or with the learner's name where a share holds several. */
  label: string;
}

export type Choices = Readonly<Record<string, ThirdPartyChoice>>;

/** Every marked item has an answer: only then may the share be made. */
export const allChosen = (items: readonly MarkedItem[], choices: Choices) =>
  items.every((i) => choices[i.evidenceId] !== undefined);

interface Props {
  items: readonly MarkedItem[];
  choices: Choices;
  onChange: (next: Choices) => void;
}

/**
 * For each evidence item marked as holding other people's personal data: leave it out or include
 * it. Nothing is chosen beforehand; the person sharing decides each one.
 */
export function ThirdPartyChoices({ items, choices, onChange }: Props) {
  if (!items.length) return null;
  return (
    <Alert color="orange" title="Evidence holding other people's personal data">
      <Stack gap="sm">
        <Text size="sm">
          {items.length === 1 ? 'This item was' : 'These items were'} marked as holding other
          people&apos;s personal data. Choose for each whether it leaves the workspace. An item left
          out is listed as &ldquo;left out: contains other people&apos;s personal data&rdquo;,
          without its file or notes.
        </Text>
        {items.map((item) => (
          <Radio.Group
            key={item.evidenceId}
            label={item.label}
            value={choices[item.evidenceId] ?? null}
            onChange={(value) =>
              onChange({ ...choices, [item.evidenceId]: value as ThirdPartyChoice })
            }
          >
            <Stack gap={4} mt={4}>
              <Radio value="leave-out" label="Leave it out" />
              <Radio value="include" label="Include it" />
            </Stack>
          </Radio.Group>
        ))}
      </Stack>
    </Alert>
  );
}
