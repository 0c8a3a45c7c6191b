import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EvidencePreview } from '../../../../src-main/evidence/evidence-views';
import type { OperationState } from '../../api/use-operation';
import { useAction } from '../../api/use-action';
import { Loading } from '../Loading';
import { EvidenceContent } from './EvidenceContent';

interface Props {
  title: string;
  preview: OperationState<EvidencePreview>;
  /** The test id of what is shown; its text and Word views are `<contentTestId>-text`… */
  testId: string;
  contentTestId: string;
  /** Said after "The workbench cannot show this kind of file." */
  unsupportedHint?: string;
  /** Names the dialog's close button for a screen reader. */
  closeLabel?: string;
  /** The line under the file: where it is, and what opens it elsewhere. */
  footer?: (preview: EvidencePreview) => ReactNode;
  onClose: () => void;
}

/** A file shown inside the workbench in a dialog: images, PDF, audio, video, text, DOCX. */
export function FilePreviewModal({
  title,
  preview,
  testId,
  contentTestId,
  unsupportedHint,
  closeLabel,
  footer,
  onClose,
}: Props) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      {...(closeLabel ? { closeButtonProps: { 'aria-label': closeLabel } } : {})}
    >
      <Loading state={preview} label="The preview">
        {(p) => (
          <Stack data-testid={testId}>
            <EvidenceContent
              preview={p}
              title={title}
              imageHeight={600}
              testId={contentTestId}
              {...(unsupportedHint ? { unsupportedHint } : {})}
            />
            {footer?.(p)}
          </Stack>
        )}
      </Loading>
    </Modal>
  );
}

/** Under a previewed file: where it is (dimmed), and at the end what else can be done with it. */
export function FileLine({ where, children }: { where: string; children?: ReactNode }) {
  return (
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        {where}
      </Text>
      {children}
    </Group>
  );
}

/** A file's name with the start of its SHA-256, as the record keeps it. */
export const fileWithHash = (name: string, sha256: string) =>
  `${name} · SHA-256 ${sha256.slice(0, 16)}…`;

/**
 * Opens a previewed file in the desktop's own program; a kind of file that could run a program
 * is shown in its folder instead, and the toast says so.
 */
export function OpenElsewhereButton({
  open,
  opened,
}: {
  open: () => Promise<{ shownInFolder: boolean }>;
  /** The toast once the program opened it; none where the opened file says it. */
  opened?: string;
}) {
  const { run } = useAction();
  return (
    <Button
      variant="default"
      size="xs"
      onClick={() =>
        void run(open, {
          done: ({ shownInFolder }) =>
            shownInFolder
              ? 'This kind of file could run a program, so it is shown in its folder instead of opened.'
              : (opened ?? ''),
          failed: 'The file could not be opened',
        })
      }
    >
      Open in default app
    </Button>
  );
}
