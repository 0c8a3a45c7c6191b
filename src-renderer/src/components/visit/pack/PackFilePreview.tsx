import { Anchor } from '@mantine/core';
import { useOperation } from '../../../api/use-operation';
import { FileLine, FilePreviewModal } from '../../evidence/FilePreviewModal';

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
    <FilePreviewModal
      title={file.title}
      preview={preview}
      testId="pack-file-preview"
      contentTestId="pack-preview"
      unsupportedHint="Open the file itself."
      onClose={onClose}
      footer={(p) => (
        <FileLine where={file.path}>
          {p.url && (
            <Anchor href={p.url} target="_blank" rel="noopener" size="sm">
              Open the file itself
            </Anchor>
          )}
        </FileLine>
      )}
    />
  );
}
