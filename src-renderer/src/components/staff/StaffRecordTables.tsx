import { Button, Group, Stack, Text } from '@mantine/core';
import type { StaffRecordView } from '../../../../src-main/competence/staff-record-view';
import { formatDate, formatFileName } from '../dates/format';
import type { EntryKind, StaffEntry } from './StaffEntryForms';
import { StaffRecordTable, type StaffRow } from './StaffRecordTable';

const kindWords: Record<string, string> = {
  'assessor-award': 'Assessor award',
  'iqa-award': 'IQA award',
  occupational: 'Occupational',
  other: 'Other',
};
/** A kept file's name as the screen shows it: without its folder, dates in words. */
const fileName = (p: string) => formatFileName(p.replace(/^evidence\//, ''));

type Record_ = StaffRecordView['record'];
export type CpdFile = Record_['cpd'][number]['evidence'][number];

function CpdFiles({
  cpd,
  onPreview,
}: {
  cpd: Record_['cpd'][number];
  onPreview: (cpdId: string, file: CpdFile) => void;
}) {
  return (
    <Stack gap={2}>
      {cpd.evidence.map((f) => (
        <Group key={f.sha256} gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={`Show ${fileName(f.path)}`}
            onClick={() => onPreview(cpd.id, f)}
          >
            Show
          </Button>
          <Text size="xs">
            {fileName(f.path)} (SHA-256 {f.sha256.slice(0, 12)}…)
          </Text>
        </Group>
      ))}
    </Stack>
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
export function RecordTables({ record, shown, rowOf, add, onPreview }: TablesProps) {
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
            <CpdFiles key="files" cpd={c} onPreview={onPreview} />,
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
