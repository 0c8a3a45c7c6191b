import { SimpleGrid, Stack, Title } from '@mantine/core';
import { memo } from 'react';
import { FeedbackBox } from './FeedbackBox';

interface Props {
  feedback: string;
  learnerComments: string;
  disabled: boolean;
  disabledReason?: string;
  onSave: (change: { feedback?: string; learnerComments?: string }) => void;
}

/** Feedback on the unit as a whole and the learner's own comments, both saved as typed. */
export const UnitFeedbackPanel = memo(function UnitFeedbackPanel({
  feedback,
  learnerComments,
  disabled,
  disabledReason,
  onSave,
}: Props) {
  return (
    <Stack gap="xs" data-testid="unit-feedback">
      <Title order={2} size="h4">
        Unit feedback and learner comments
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FeedbackBox
          id="unit-feedback-text"
          label="Assessor's feedback on the unit"
          value={feedback}
          disabled={disabled}
          disabledReason={disabledReason}
          onSave={(text) => onSave({ feedback: text })}
        />
        <FeedbackBox
          id="learner-comments-text"
          label="Learner's comments"
          value={learnerComments}
          disabled={disabled}
          disabledReason={disabledReason}
          onSave={(text) => onSave({ learnerComments: text })}
        />
      </SimpleGrid>
    </Stack>
  );
});
