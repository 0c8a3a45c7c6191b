import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { EvidenceView, LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { useAddressValue } from '../../api/address';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { CriteriaPicker } from '../mapping/CriteriaPicker';
import { EvidenceRow } from './EvidenceRow';
import { PreviewModal } from './PreviewModal';
import { DataTable } from '../common/DataTable';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

/** The portfolio's evidence items, each with preview, criteria mapping and archive. */
export function EvidenceList({ detail, readOnly, onChanged }: Props) {
  const [previewing, setPreviewing] = useState<EvidenceView | null>(null);
  const [mapping, setMapping] = useState<EvidenceView | null>(null);
  const learnerId = detail.learner.id;
  const { run } = useAction();
  // An item opened from elsewhere (the timeline) is named in the address and shown first.
  const [openedId] = useAddressValue('evidence');
  const openedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    openedRow.current?.scrollIntoView({ block: 'center' });
  }, [openedId]);
  async function archive(e: EvidenceView) {
    const archived = await run(
      () => call('evidence:update', { learnerId, evidenceId: e.id, change: { archived: true } }),
      {
        done: `Archived ${e.title}; the file and record are kept.`,
        failed: 'The evidence was not archived',
      },
    );
    if (archived !== undefined) onChanged();
  }
  const opened = detail.evidence.find((e) => e.id === openedId);
  const shown = detail.evidence.filter((e) => !e.archived || e === opened);
  if (!shown.length) return <Text c="dimmed">No evidence yet.</Text>;
  return (
    <>
      <DataTable
        withTableBorder
        striped
        testId="evidence-table"
        head={['Evidence', 'Method', 'Produced', 'Criteria', 'Actions']}
      >
        {shown.map((e) => (
          <EvidenceRow
            key={e.id}
            learnerId={learnerId}
            evidence={e}
            readOnly={readOnly}
            opened={e === opened}
            rowRef={e === opened ? openedRow : undefined}
            onPreview={() => setPreviewing(e)}
            onMap={() => setMapping(e)}
            onArchive={() => void archive(e)}
            onChanged={onChanged}
          />
        ))}
      </DataTable>
      {previewing && (
        <PreviewModal
          learnerId={learnerId}
          evidence={previewing}
          onClose={() => setPreviewing(null)}
        />
      )}
      {mapping && (
        <CriteriaPicker
          learnerId={learnerId}
          evidence={mapping}
          units={detail.units}
          onClose={() => setMapping(null)}
          onSaved={onChanged}
        />
      )}
    </>
  );
}
