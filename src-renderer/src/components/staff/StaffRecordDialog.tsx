import { Alert, Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDate, formatFileName } from '../dates/format';
import { Loading } from '../Loading';
import { CpdFilePreview } from './CpdFilePreview';
import { StaffEntryForm, type EntryKind, type StaffEntry } from './StaffEntryForms';
import { StaffRecordTable, type StaffRow } from './StaffRecordTable';

const kindWords: Record<string, string> = {
  'assessor-award': 'Assessor award',
  'iqa-award': 'IQA award',
  occupational: 'Occupational',
  other: 'Other',
};
/** A kept file's name as the screen shows it: without its folder, dates in words. */
const fileName = (p: string) => formatFileName(p.replace(/^evidence\//, ''));
const decisionWords: Record<string, string> = { met: 'Met', 'not-yet-met': 'Not yet met' };
const saveOperation = {
  qualification: 'staff:save-qualification',
  experience: 'staff:save-experience',
  cpd: 'staff:save-cpd',
  check: 'staff:save-check',
} as const;

type Record_ = StaffRecordView['record'];
type CpdFile = Record_['cpd'][number]['evidence'][number];
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
  const { run } = useAction();
  const changed = () => {
    view.reload();
    onChanged();
  };

  async function setArchived(kind: EntryKind, entry: StaffEntry, archived: boolean) {
    // The entry goes back as it is kept, with only `archived` changed (stamps are dropped).
    const done = await run(
      () => call(saveOperation[kind], { personId, entry: { ...entry, archived } } as never),
      {
        done: archived ? 'Archived: it is kept on the record.' : 'Restored to the record.',
        failed: archived ? 'The entry was not archived' : 'The entry was not restored',
      },
    );
    if (done) changed();
  }

  const rowOf = (kind: EntryKind, entry: StaffEntry, label: string, cells: StaffRow['cells']) => ({
    key: entry.id,
    cells,
    archived: entry.archived,
    ...(readOnly
      ? {}
      : {
          actions: entry.archived
            ? [
                {
                  label: 'Restore',
                  ariaLabel: `Restore ${label}`,
                  onClick: () => void setArchived(kind, entry, false),
                },
              ]
            : [
                {
                  label: 'Edit',
                  ariaLabel: `Edit ${label}`,
                  onClick: () => setEditing({ kind, entry }),
                },
                {
                  label: 'Archive',
                  ariaLabel: `Archive ${label}`,
                  color: 'red',
                  onClick: () => setArchiving({ kind, entry, label }),
                },
              ],
        }),
  });
  const shown = <T extends { archived: boolean }>(list: T[]) =>
    list.filter((e) => showArchived || !e.archived);
  const add = (kind: EntryKind) => (readOnly ? undefined : () => setEditing({ kind }));
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
            <Stack data-testid="staff-record">
              {r.lapsedWarning && (
                <Alert color="red" title="Required qualification lapsed">
                  {r.lapsedWarning}
                </Alert>
              )}
              <Switch
                label="Show archived entries"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
              <RecordTables
                record={r.record}
                shown={shown}
                rowOf={rowOf}
                add={add}
                onPreview={(cpdId, file) => setPreviewing({ cpdId, file })}
              />
              <StaffRecordTable
                title="Standardisation"
                heads={['Date', 'Unit and criteria', 'Own decision', 'Agreed outcome']}
                rows={r.participation.map((p) => ({
                  key: p.meetingId,
                  cells: [
                    formatDate(p.date),
                    `${p.unitTitle} (${p.criteria.join(', ')})`,
                    p.decision ? decisionWords[p.decision] : 'Attended',
                    `${decisionWords[p.agreed]}${p.matched === false ? ' (differed)' : ''}`,
                  ],
                }))}
              />
            </Stack>
          )
        }
      </Loading>
      {archiving && (
        <ConfirmDialog
          title="Archive this entry?"
          confirmLabel="Archive"
          danger
          onCancel={() => setArchiving(null)}
          onConfirm={() => {
            const { kind, entry } = archiving;
            setArchiving(null);
            void setArchived(kind, entry, true);
          }}
        >
          {archiving.label} stays on the record and in its history, but is no longer shown or
          counted. Turn on “Show archived entries” to see it or restore it.
        </ConfirmDialog>
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

interface TablesProps {
  record: Record_;
  shown: <T extends { archived: boolean }>(list: T[]) => T[];
  rowOf: (kind: EntryKind, entry: StaffEntry, label: string, cells: StaffRow['cells']) => StaffRow;
  add: (kind: EntryKind) => (() => void) | undefined;
  onPreview: (cpdId: string, file: CpdFile) => void;
}

/** The four kinds of entry a person keeps: qualifications, experience, CPD and checks. */
function RecordTables({ record, shown, rowOf, add, onPreview }: TablesProps) {
  return (
    <>
      <StaffRecordTable
        title="Qualifications"
        heads={['Qualification', 'Kind', 'Status', 'Awarded', 'Expires']}
        addLabel="Add a qualification"
        add={add('qualification')}
        rows={shown(record.qualifications).map((q) =>
          rowOf('qualification', q, `the qualification ${q.title}`, [
            q.title + (q.required ? ' (required)' : ''),
            kindWords[q.kind],
            q.status === 'achieved' ? 'Achieved' : 'Working towards',
            formatDate(q.awardedOn) || '—',
            formatDate(q.expiresOn) || 'Does not expire',
          ]),
        )}
      />
      <StaffRecordTable
        title="Occupational experience"
        heads={['Role', 'Organisation', 'From', 'To', 'What it involved']}
        addLabel="Add experience"
        add={add('experience')}
        rows={shown(record.experience).map((e) =>
          rowOf('experience', e, `the experience ${e.role}`, [
            e.role,
            e.organisation,
            formatDate(e.from),
            formatDate(e.to) || 'Now',
            e.summary,
          ]),
        )}
      />
      <StaffRecordTable
        title="CPD"
        heads={['Date', 'Activity', 'Hours', 'What was learned', 'Files']}
        addLabel="Add a CPD entry"
        add={add('cpd')}
        rows={shown(record.cpd).map((c) =>
          rowOf('cpd', c, `the CPD entry ${c.activity}`, [
            formatDate(c.date),
            c.activity,
            c.hours,
            c.learned,
            <Stack key="files" gap={2}>
              {c.evidence.map((f) => (
                <Group key={f.sha256} gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Show ${fileName(f.path)}`}
                    onClick={() => onPreview(c.id, f)}
                  >
                    Show
                  </Button>
                  <Text size="xs">
                    {fileName(f.path)} (SHA-256 {f.sha256.slice(0, 12)}…)
                  </Text>
                </Group>
              ))}
            </Stack>,
          ]),
        )}
      />
      <StaffRecordTable
        title="Checks"
        heads={['Check', 'Checked on', 'Expires', 'Reference']}
        addLabel="Add a check"
        add={add('check')}
        rows={shown(record.checks).map((c) =>
          rowOf('check', c, `the check ${c.name}`, [
            c.name,
            formatDate(c.checkedOn),
            formatDate(c.expiresOn) || '—',
            c.reference,
          ]),
        )}
      />
    </>
  );
}
