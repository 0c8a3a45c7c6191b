import { Box, Paper } from '@mantine/core';
import { useOperation } from '../../api/use-operation';
import { EvidenceContent } from '../evidence/EvidenceContent';
import { Loading } from '../Loading';

interface Props {
  learnerId: string;
  evidenceId: string;
  title: string;
}

/** One evidence item shown in place, beside the criterion it is mapped to. */
export function InlinePreview({ learnerId, evidenceId, title }: Props) {
  const preview = useOperation('evidence:preview', { learnerId, evidenceId });
  return (
    <Paper withBorder p="sm" data-testid="inline-preview" aria-label={`Preview of ${title}`}>
      <Loading state={preview} label="The preview">
        {(p) => (
          <Box mah={420} style={{ overflow: 'auto' }}>
            <EvidenceContent preview={p} title={title} imageHeight={400} testId="inline-preview" />
          </Box>
        )}
      </Loading>
    </Paper>
  );
}
