import { Alert, Modal, Stack, Switch } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDate } from '../dates/format';
import { Loading } from '../Loading';
import type { RowAction } from '../common/RowActions';
import { CpdFilePreview } from './CpdFilePreview';
import { StaffEntryForm, type EntryKind, type StaffEntry } from './StaffEntryForms';
import { StaffRecordTable, type StaffRow } from './StaffRecordTable';
import { RecordTables, type CpdFile } from './StaffRecordTables';

const decisionWords: Record<string, string> = { met: 'Met', 'not-yet-met': 'Not yet met' };
const saveOperation = {
  qualification: 'staff:save-qualification',
  experience: 'staff:save-experience',
  cpd: 'staff:save-cpd',
  check: 'staff:save-check',
} as const;

type Participation = StaffRecordView['participation'];
interface Editing {
  kind: EntryKind;
  entry?: StaffEntry;
}
interface Archiving {
  kind: EntryKind;
  entry: StaffEntry;
  label: string;
}

interface Props {
  personId: string;
  readOnly: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** Archives or restores an entry: it goes back as it is kept, with only `archived` changed (stamps are dropped). */
function useSetArchived(personId: string, onDone: () => void) {
  const { run } = useAction();
  return async (kind: EntryKind, entry: StaffEntry, archived: boolean) => {
    const done = await run(
      () => call(saveOperation[kind], { personId, entry: { ...entry, archived } } as never),
      {
        done: archived ? 'Archived: it is kept on the record.' : 'Restored to the record.',
        failed: archived ? 'The entry was not archived' : 'The entry was not restored',
      },
    );
    if (done) onDone();
  };
}

/** An entry's row buttons: an archived one is restored; a shown one is edited or archived. */
function entryActions(
  archived: boolean,
  label: string,
  on: { restore: () => void; edit: () => void; archive: () => void },
): RowAction[] {
  if (archived) return [{ label: 'Restore', ariaLabel: `Restore ${label}`, onClick: on.restore }];
  return [
    { label: 'Edit', ariaLabel: `Edit ${label}`, onClick: on.edit },
    { label: 'Archive', ariaLabel: `Archive ${label}`, color: 'red', onClick: on.archive },
  ];
}

function ArchiveConfirm({
  label,
  onCancel,
  onConfirm,
}: {
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      title="Archive this entry?"
      confirmLabel="Archive"
      danger
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {label} stays on the record and in its history, but is no longer shown or counted. Turn on
      “Show archived entries” to see it or restore it.
    </ConfirmDialog>
  );
}

function StandardisationTable({ participation }: { participation: Participation }) {
  return (
    <StaffRecordTable
      title="Standardisation"
      heads={['Date', 'Unit and criteria', 'Own decision', 'Agreed outcome']}
      rows={participation.map((p) => ({
        key: p.meetingId,
        cells: [
          formatDate(p.date),
          `${p.unitTitle} (${p.criteria.join(', ')})`,
          p.decision ? decisionWords[p.decision] : 'Attended',
          `${decisionWords[p.agreed]}${p.matched === false ? ' (differed)' : ''}`,
        ],
      }))}
    />
  );
}

/** The tables' rows: archived entries only on request, and buttons only for those who may. */
function useEntryRows(
  readOnly: boolean,
  showArchived: boolean,
  on: {
    restore: (kind: EntryKind, entry: StaffEntry) => void;
    edit: (kind: EntryKind, entry?: StaffEntry) => void;
    archive: (kind: EntryKind, entry: StaffEntry, label: string) => void;
  },
) {
  const rowOf = (kind: EntryKind, entry: StaffEntry, label: string, cells: StaffRow['cells']) => ({
    key: entry.id,
    cells,
    archived: entry.archived,
    ...(readOnly
      ? {}
      : {
          actions: entryActions(entry.archived, label, {
            restore: () => on.restore(kind, entry),
            edit: () => on.edit(kind, entry),
            archive: () => on.archive(kind, entry, label),
          }),
        }),
  });
  const shown = <T extends { archived: boolean }>(list: T[]) =>
    list.filter((e) => showArchived || !e.archived);
  const add = (kind: EntryKind) => (readOnly ? undefined : () => on.edit(kind));
  return { rowOf, shown, add };
}

/** The record as it is read: a lapsed warning, the entry tables, and standardisation. */
function StaffRecordContent({
  view,
  showArchived,
  onShowArchived,
  children,
}: {
  view: StaffRecordView;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
  /** The tables of entries, with their buttons. */
  children: ReactNode;
}) {
  return (
    <Stack data-testid="staff-record">
      {view.lapsedWarning && (
        <Alert color="red" title="Required qualification lapsed">
          {view.lapsedWarning}
        </Alert>
      )}
      <Switch
        label="Show archived entries"
        checked={showArchived}
        onChange={(e) => onShowArchived(e.currentTarget.checked)}
      />
      {children}
      <StandardisationTable participation={view.participation} />
    </Stack>
  );
}

/**
 * One person's qualifications, experience, CPD, checks and standardisation, with forms to add
 * and change entries. Entries are archived, never deleted: archived ones are shown on request.
 */
export function StaffRecordDialog({ personId, readOnly, onClose, onChanged }: Props) {
  const view = useOperation('staff:record', { personId });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [archiving, setArchiving] = useState<Archiving | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [previewing, setPreviewing] = useState<{ cpdId: string; file: CpdFile } | null>(null);
  const changed = () => {
    view.reload();
    onChanged();
  };

  const setArchived = useSetArchived(personId, changed);

  const { rowOf, shown, add } = useEntryRows(readOnly, showArchived, {
    restore: (kind, entry) => void setArchived(kind, entry, false),
    edit: (kind, entry) => setEditing(entry ? { kind, entry } : { kind }),
    archive: (kind, entry, label) => setArchiving({ kind, entry, label }),
  });
  const title = view.data ? `Staff record: ${view.data.name}` : 'Staff record';

  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Loading state={view} label="The staff record">
        {(r) =>
          editing ? (
            <StaffEntryForm
              personId={personId}
              kind={editing.kind}
              {...(editing.entry ? { entry: editing.entry } : {})}
              onCancel={() => setEditing(null)}
              onDone={() => {
                setEditing(null);
                changed();
              }}
            />
          ) : (
            <StaffRecordContent
              view={r}
              showArchived={showArchived}
              onShowArchived={setShowArchived}
            >
              <RecordTables
                record={r.record}
                shown={shown}
                rowOf={rowOf}
                add={add}
                onPreview={(cpdId, file) => setPreviewing({ cpdId, file })}
              />
            </StaffRecordContent>
          )
        }
      </Loading>
      {archiving && (
        <ArchiveConfirm
          label={archiving.label}
          onCancel={() => setArchiving(null)}
          onConfirm={() => {
            const { kind, entry } = archiving;
            setArchiving(null);
            void setArchived(kind, entry, true);
          }}
        />
      )}
      {previewing && (
        <CpdFilePreview
          personId={personId}
          cpdId={previewing.cpdId}
          file={previewing.file}
          onClose={() => setPreviewing(null)}
        />
      )}
    </Modal>
  );
}
