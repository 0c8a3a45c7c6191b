import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { call, isDesktop } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { EvidenceContent } from '../evidence/EvidenceContent';
import { formatFileName } from '../dates/format';
import { Loading } from '../Loading';

type CpdFile = StaffRecordView['record']['cpd'][number]['evidence'][number];

interface Props {
  personId: string;
  cpdId: string;
  file: CpdFile;
  onClose: () => void;
}

/** A CPD certificate or note shown in place, as learner evidence is; others open in their program. */
export function CpdFilePreview({ personId, cpdId, file, onClose }: Props) {
  const ref = { personId, cpdId, sha256: file.sha256 };
  const preview = useOperation('staff:preview-cpd-file', ref);
  const { run } = useAction();
  const name = formatFileName(file.path.replace(/^evidence\//, ''));
  function openElsewhere() {
    void run(() => call('staff:open-cpd-file', ref), {
      done: ({ shownInFolder }) =>
        shownInFolder
          ? 'This kind of file could run a program, so it is shown in its folder instead of opened.'
          : 'Opened in its own program.',
      failed: 'The file could not be opened',
    });
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={file.originalName || name}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close the preview' }}
    >
      <Loading state={preview} label="The preview">
        {(p) => (
          <Stack data-testid="cpd-file-preview">
            <EvidenceContent
              preview={p}
              title={file.originalName || name}
              imageHeight={600}
              testId="cpd-preview"
              {...(isDesktop ? { unsupportedHint: 'Open it in its own program.' } : {})}
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {name} · SHA-256 {file.sha256.slice(0, 16)}…
              </Text>
              {isDesktop && (
                <Button variant="default" size="xs" onClick={openElsewhere}>
                  Open in default app
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Loading>
    </Modal>
  );
}
