import { Box, Button, Card, Table, Text, Title } from '@mantine/core';
import type { PlanView } from '../../../../src-main/sampling/sampling-contract';
import type { ResultOf } from '../../../../src-main/api/contract';
import { call } from '../../api/client';
import { useLoadedFor } from '../../api/use-loaded-for';
import { useOperation } from '../../api/use-operation';
import { useAddressValue } from '../../api/address';
import { RecordPreview } from '../records/RecordPreview';
import { formatDate } from './sampling-format';
import { DataTable, hiddenHead } from '../common/DataTable';

/**
 * The reports and sample records saved from this plan, each opened on screen (to read, print or
 * save a copy) in the browser and the desktop app alike. The one open is in the address.
 */
export function SavedReports({ plan, generation }: { plan: PlanView; generation: number }) {
  const saved = useOperation('sampling:saved-reports', { planId: plan.id }, generation);
  const [openPath, setOpenPath] = useAddressValue('report');
  const preview = useLoadedFor(
    openPath,
    (path) => call('sampling:open-report', { path }),
    'The report could not be opened',
  );
  const shown = preview && openPath ? { path: openPath, preview } : null;

  const describe = (what: 'report' | 'record', of: string) => {
    if (what === 'report') return 'Sampling report';
    const sample =
      plan.samples.find((s) => s.id === of) ?? plan.removed.find((r) => r.sample.id === of);
    return sample
      ? `Sampling record: ${sample.learnerName}, ${sample.unitTitle}`
      : 'Sampling record';
  };
  const reports = saved.data ?? [];

  return (
    <Card withBorder data-testid="saved-reports">
      <Title order={3} size="h5" mb="xs">
        Saved reports
      </Title>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          No report has been saved from this plan yet.
        </Text>
      ) : (
        <SavedReportTable reports={reports} describe={describe} onOpen={setOpenPath} />
      )}
      {shown && (
        <Box mt="md">
          <RecordPreview
            preview={shown.preview}
            title={describe(
              reports.find((r) => r.path === shown.path)?.what ?? 'report',
              reports.find((r) => r.path === shown.path)?.of ?? '',
            )}
            onClose={() => setOpenPath(null)}
          />
        </Box>
      )}
    </Card>
  );
}

type Saved = ResultOf<'sampling:saved-reports'>[number];

/** The saved reports and records, each with when it was saved, its format and a button to open it. */
function SavedReportTable({
  reports,
  describe,
  onOpen,
}: {
  reports: Saved[];
  describe: (what: Saved['what'], of: string) => string;
  onOpen: (path: string) => void;
}) {
  return (
    <DataTable
      caption="Reports and records saved in the workspace folder"
      head={['Report', 'Saved on', 'Format', hiddenHead('Actions')]}
    >
      {reports.map((r) => {
        const label = describe(r.what, r.of);
        return (
          <Table.Tr key={r.path}>
            <Table.Td>{label}</Table.Td>
            <Table.Td>{formatDate(r.savedOn)}</Table.Td>
            <Table.Td>{r.format.toUpperCase()}</Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={`Open ${label}, ${r.format.toUpperCase()}, saved ${formatDate(r.savedOn)}`}
                onClick={() => onOpen(r.path)}
              >
                Open
              </Button>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
