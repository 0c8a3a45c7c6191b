import { Alert, Box, Image, Paper, Text, Typography } from '@mantine/core';
import { useOperation } from '../../api/use-operation';
import { PdfPreview } from '../evidence/PdfPreview';
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
            {p.kind === 'image' && p.url && (
              <Image src={p.url} alt={title} fit="contain" mah={400} />
            )}
            {p.kind === 'pdf' && p.url && <PdfPreview url={p.url} />}
            {p.kind === 'audio' && p.url && (
              <audio controls src={p.url} aria-label={title} style={{ width: '100%' }} />
            )}
            {p.kind === 'video' && p.url && (
              <video controls src={p.url} aria-label={title} style={{ maxWidth: '100%' }} />
            )}
            {(p.kind === 'text' || p.kind === 'record') && (
              <Box
                component="pre"
                data-testid="inline-preview-text"
                style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
              >
                {p.text}
              </Box>
            )}
            {p.truncated && <Text c="dimmed">Only the start of this file is shown.</Text>}
            {p.kind === 'docx' && p.html && (
              <Typography>
                {/* Converted and cleaned in the main process; the page's CSP blocks any script. */}
                <div dangerouslySetInnerHTML={{ __html: p.html }} />
              </Typography>
            )}
            {p.kind === 'none' && (
              <Alert color="blue">The workbench cannot show this kind of file.</Alert>
            )}
          </Box>
        )}
      </Loading>
    </Paper>
  );
}
