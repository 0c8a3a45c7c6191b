import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { VisitView } from '../../../../src-main/visit-pack/visit-contract';
import {
  agreementWord,
  directClaimsLabels,
  eqaRiskLabels,
} from '../../../../src-main/kernel/eqa-words';
import { stagedIdOf } from '../../api/add-evidence-file';
import { useAddressValue } from '../../api/address';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { ActionTable } from '../sampling/ActionPoints';
import { formatDate, formatDateTime } from '../sampling/sampling-format';
import { ReturnedFileButton } from '../witness/ReturnedFileButton';
import { EqaReportForm } from './EqaReportForm';
import { DataTable } from '../common/DataTable';

const riskColours = { low: 'green', medium: 'orange', high: 'red' } as const;

/** The EQA's visits: each pack the centre made, and the EQA's signed report once imported. */
export function EqaVisits({
  canImport,
  canReport,
  onChanged,
}: {
  canImport: boolean;
  /** The EQA: writes and signs their report on a visit, changing nothing in the workspace. */
  canReport: boolean;
  onChanged: () => void;
}) {
  const state = useOperation('visit:list', {});
  const { busy, run } = useAction();
  return (
    <Stack data-testid="eqa-visits">
      {canImport && (
        <Group>
          <ReturnedFileButton
            label={busy ? 'Importing…' : 'Import EQA report…'}
            accept=".pdf,application/pdf"
            testId="eqa-report-input"
            variant="filled"
            onChosen={(file) =>
              void run(
                async () => call('visit:import-report', { stagedId: await stagedIdOf(file) }),
                {
                  done: (r) =>
                    `The EQA's report is kept with its visit${r.replaced ? ', replacing the earlier report (kept with it)' : ''}; ${r.actions} ${r.actions === 1 ? 'action' : 'actions'} added to the action points.${r.notInReport.length ? ` ${r.notInReport.length} earlier ${r.notInReport.length === 1 ? 'action stays' : 'actions stay'} open for you to close.` : ''}`,
                  failed: 'The EQA report was not imported',
                },
              ).then(() => {
                state.reload();
                onChanged();
              })
            }
          />
          <Text size="sm" c="dimmed">
            The signed PDF the EQA returned for a visit pack made here.
          </Text>
        </Group>
      )}
      <Loading state={state} label="EQA visits">
        {({ visits, problems }) => (
          <>
            {problems.map((p) => (
              <Alert key={p} color="orange" title="A visit record could not be read">
                {p}
              </Alert>
            ))}
            {visits.length === 0 && (
              <Text c="dimmed">No visit pack has been made for an EQA yet.</Text>
            )}
            {visits.map((v) => (
              <VisitCard key={v.id} visit={v} canReport={canReport} />
            ))}
          </>
        )}
      </Loading>
    </Stack>
  );
}

function VisitCard({ visit, canReport }: { visit: VisitView; canReport: boolean }) {
  const report = visit.report;
  // A visit opened from elsewhere (a learner's timeline) is named in the address.
  const [openedId] = useAddressValue('visit');
  const opened = openedId === visit.id;
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened) card.current?.scrollIntoView({ block: 'start' });
  }, [opened]);
  const [writing, setWriting] = useState(false);
  return (
    <Card
      withBorder
      ref={card}
      data-testid={`visit-${visit.id}`}
      aria-current={opened ? 'true' : undefined}
      bg={opened ? 'var(--mantine-color-yellow-0)' : undefined}
    >
      <Title order={3} size="h5">
        {report
          ? `EQA visit of ${formatDate(report.report.visitedOn)}`
          : `Visit pack made ${formatDateTime(visit.packMadeAt)}`}
      </Title>
      <Text size="sm" c="dimmed">
        Pack made {formatDateTime(visit.packMadeAt)} by {visit.packMadeBy}, {visit.samples.length}{' '}
        {visit.samples.length === 1 ? 'learner’s unit' : 'learners’ units'} · {visit.packFolder}
      </Text>
      {canReport && (
        <Group mt="xs">
          <Button onClick={() => setWriting(true)}>Write the EQA report</Button>
        </Group>
      )}
      <Modal
        opened={writing}
        onClose={() => setWriting(false)}
        title="EQA report"
        size="xl"
        closeOnClickOutside={false}
      >
        {writing && (
          <EqaReportForm
            source={{ kind: 'visit', visitId: visit.id }}
            onClose={() => setWriting(false)}
          />
        )}
      </Modal>
      {report ? <ReportView visit={visit} /> : <Text mt="xs">No EQA report imported yet.</Text>}
      {visit.replaced.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="replaced-reports">
          Replaced:{' '}
          {visit.replaced
            .map(
              (r) =>
                `${r.file}, signed ${formatDate(r.signedOn)}, imported ${formatDateTime(r.importedAt)}`,
            )
            .join('; ')}
          . Kept in the visit folder.
        </Text>
      )}
    </Card>
  );
}

function ReportView({ visit }: { visit: VisitView }) {
  const { report, signer } = visit.report!;
  return (
    <Stack gap="xs" mt="xs" data-testid="eqa-report">
      <Text size="sm">
        Signed by <b>{signer.name}</b> ({report.eqa.awardingBody}) with their own certificate, the
        awarding body&rsquo;s, not one this centre issued. Issued by {signer.issuer}; SHA-256
        fingerprint {signer.fingerprintSha256}. Imported {formatDateTime(visit.report!.importedAt)}{' '}
        by {visit.report!.importedByName}; kept as {visit.report!.file} in the visit folder.
      </Text>
      <Group gap="xs">
        {report.riskRating && (
          <Badge color={riskColours[report.riskRating]} variant="light">
            {eqaRiskLabels[report.riskRating]}
          </Badge>
        )}
        {report.directClaims && (
          <Badge variant="light">{directClaimsLabels[report.directClaims]}</Badge>
        )}
      </Group>
      {report.directClaimsReason && <Text size="sm">{report.directClaimsReason}</Text>}
      <Title order={4} size="h6">
        Findings
      </Title>
      <List size="sm">
        {report.findings.map((f, i) => (
          <List.Item key={i}>{f}</List.Item>
        ))}
      </List>
      <DataTable
        withTableBorder
        testId="eqa-agreement"
        caption="What the EQA found on each learner’s unit sampled"
        head={['Learner and unit', 'With the assessor', 'With the IQA', 'Comment']}
      >
        {report.samples.map((s) => (
          <Table.Tr key={`${s.learnerId}|${s.unitId}`}>
            <Table.Th scope="row" fw={500}>
              {s.learner}, {s.unit}
            </Table.Th>
            <Table.Td>{agreementWord(s.agreesWithAssessor)}</Table.Td>
            <Table.Td>{agreementWord(s.agreesWithIqa)}</Table.Td>
            <Table.Td>{s.comment}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ActionTable items={visit.actions} caption="The EQA’s actions for the centre" />
    </Stack>
  );
}
