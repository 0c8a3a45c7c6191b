import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { useLoadedFor } from '../../api/use-loaded-for';
import { kindLabels } from './record-labels';

/** The issued record open in the preview (from the address), loaded again when it changes. */
export function useRecordPreview(records: IssuedRecordView[] | null, recordId: string | null) {
  const shown = records?.find((r) => r.recordId === recordId) ?? null;
  return useLoadedFor(
    shown?.recordId ?? null,
    async () => ({
      preview: await call('record:preview', {
        learnerId: shown!.learnerId,
        recordId: shown!.recordId,
      }),
      title: `${kindLabels[shown!.kind]} ${shown!.recordId}`,
    }),
    'The record could not be shown',
    shown,
  );
}
