import { Anchor, Group, Modal, Stack, Text } from '@mantine/core';
import { useOperation } from '../../../api/use-operation';
import { EvidenceContent } from '../../evidence/EvidenceContent';
import { Loading } from '../../Loading';

/** A file of the pack shown inside the workbench, with a link to the file itself. */
export function PackFilePreview({
  file,
  onClose,
}: {
  file: { path: string; title: string };
  onClose: () => void;
}) {
  const preview = useOperation('pack:preview', { path: file.path });
  return (
    <Modal opened onClose={onClose} title={file.title} size="xl">
      <Loading state={preview} label="The preview">
        {(p) => (
          <Stack data-testid="pack-file-preview">
            <EvidenceContent
              preview={p}
              title={file.title}
              imageHeight={600}
              testId="pack-preview"
              unsupportedHint="Open the file itself."
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {file.path}
              </Text>
              {p.url && (
                <Anchor href={p.url} target="_blank" rel="noopener" size="sm">
                  Open the file itself
                </Anchor>
              )}
            </Group>
          </Stack>
        )}
      </Loading>
    </Modal>
  );
}
