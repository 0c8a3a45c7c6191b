import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call, isDesktop } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { formatFileName } from '../dates/format';
import { EvidenceContent } from './EvidenceContent';

interface Props {
  learnerId: string;
  evidence: Pick<EvidenceView, 'id' | 'title' | 'file'>;
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
            <EvidenceContent
              preview={p}
              title={evidence.title}
              imageHeight={600}
              testId="preview"
              {...(isDesktop ? { unsupportedHint: 'Open it in its own program.' } : {})}
            />
            {evidence.file && (
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {formatFileName(evidence.file.path)} · SHA-256 {evidence.file.sha256.slice(0, 16)}
                  …
                </Text>
                {isDesktop && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() =>
                      void call('evidence:open-externally', {
                        learnerId,
                        evidenceId: evidence.id,
                      }).then(
                        ({ shownInFolder }) => {
                          if (shownInFolder)
                            notifyDone(
                              'This kind of file could run a program, so it is shown in its folder instead of opened.',
                            );
                        },
                        (error: unknown) => notifyError('The file could not be opened', error),
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
