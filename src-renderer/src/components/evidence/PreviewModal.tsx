import { Alert, Box, Button, Group, Image, Modal, Stack, Text, Typography } from '@mantine/core';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call, isDesktop } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { PdfPreview } from './PdfPreview';

interface Props {
  learnerId: string;
  evidence: EvidenceView;
  onClose: () => void;
}

/** Shows an evidence item inside the workbench: images, PDF, audio, video, text, DOCX, records. */
export function PreviewModal({ learnerId, evidence, onClose }: Props) {
  const preview = useOperation('evidence:preview', { learnerId, evidenceId: evidence.id });
  return (
    <Modal opened onClose={onClose} title={evidence.title} size="xl">
      <Loading state={preview} label="The preview">
        {(p) => (
          <Stack data-testid="evidence-preview">
            {p.kind === 'image' && p.url && (
              <Image src={p.url} alt={evidence.title} fit="contain" mah={600} />
            )}
            {p.kind === 'pdf' && p.url && <PdfPreview url={p.url} />}
            {p.kind === 'audio' && p.url && (
              <audio controls src={p.url} aria-label={evidence.title} style={{ width: '100%' }} />
            )}
            {p.kind === 'video' && p.url && (
              <video
                controls
                src={p.url}
                aria-label={evidence.title}
                style={{ maxWidth: '100%' }}
              />
            )}
            {(p.kind === 'text' || p.kind === 'record') && (
              <Box
                component="pre"
                data-testid="preview-text"
                style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
              >
                {p.text}
              </Box>
            )}
            {p.truncated && <Text c="dimmed">Only the start of this file is shown.</Text>}
            {p.kind === 'docx' && p.html && (
              <Typography>
                {/* Converted and cleaned in the main process; the page's CSP blocks any script. */}
                <div data-testid="preview-docx" dangerouslySetInnerHTML={{ __html: p.html }} />
              </Typography>
            )}
            {p.kind === 'none' && (
              <Alert color="blue">
                The workbench cannot show this kind of file.{' '}
                {isDesktop ? 'Open it in its own program.' : ''}
              </Alert>
            )}
            {evidence.file && (
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {evidence.file.path} · SHA-256 {evidence.file.sha256.slice(0, 16)}…
                </Text>
                {isDesktop && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() =>
                      void call('evidence:open-externally', {
                        learnerId,
                        evidenceId: evidence.id,
                      }).catch((error: unknown) =>
                        notifyError('The file could not be opened', error),
                      )
                    }
                  >
                    Open in default app
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        )}
      </Loading>
    </Modal>
  );
}
