import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { call, isDesktop } from '../../api/client';
import { useOperation } from '../../api/use-operation';
import {
  FileLine,
  FilePreviewModal,
  fileWithHash,
  OpenElsewhereButton,
} from '../evidence/FilePreviewModal';
import { formatFileName } from '../dates/format';

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
  const name = formatFileName(file.path.replace(/^evidence\//, ''));
  return (
    <FilePreviewModal
      title={file.originalName || name}
      preview={preview}
      testId="cpd-file-preview"
      contentTestId="cpd-preview"
      {...(isDesktop ? { unsupportedHint: 'Open it in its own program.' } : {})}
      closeLabel="Close the preview"
      onClose={onClose}
      footer={() => (
        <FileLine where={fileWithHash(name, file.sha256)}>
          {isDesktop && (
            <OpenElsewhereButton
              open={() => call('staff:open-cpd-file', ref)}
              opened="Opened in its own program."
            />
          )}
        </FileLine>
      )}
    />
  );
}
