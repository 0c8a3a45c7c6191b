import type { EvidenceView } from '../../../../src-main/learner/learner-contract';
import { call, isDesktop } from '../../api/client';
import { useOperation } from '../../api/use-operation';
import { formatFileName } from '../dates/format';
import { FileLine, FilePreviewModal, fileWithHash, OpenElsewhereButton } from './FilePreviewModal';

interface Props {
  learnerId: string;
  evidence: Pick<EvidenceView, 'id' | 'title' | 'file'>;
  onClose: () => void;
}

/** Shows an evidence item inside the workbench: images, PDF, audio, video, text, DOCX, records. */
export function PreviewModal({ learnerId, evidence, onClose }: Props) {
  const preview = useOperation('evidence:preview', { learnerId, evidenceId: evidence.id });
  const { file } = evidence;
  return (
    <FilePreviewModal
      title={evidence.title}
      preview={preview}
      testId="evidence-preview"
      contentTestId="preview"
      {...(isDesktop ? { unsupportedHint: 'Open it in its own program.' } : {})}
      onClose={onClose}
      footer={() =>
        file && (
          <FileLine where={fileWithHash(formatFileName(file.path), file.sha256)}>
            {isDesktop && (
              <OpenElsewhereButton
                open={() =>
                  call('evidence:open-externally', { learnerId, evidenceId: evidence.id })
                }
              />
            )}
          </FileLine>
        )
      }
    />
  );
}
