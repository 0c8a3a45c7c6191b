import { Button, Group, Paper, Select, Stack, Title } from '@mantine/core';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import type { LearnerSummary } from '../../../../src-main/learner/learner-contract';
import { kindLabels, type RecordKindId } from './record-labels';
import { RecordFormatAndSigning, RecordSubject } from './RecordFields';
import { useMakeRecord } from './use-make-record';

interface Props {
  learners: LearnerSummary[];
  learnerId: string | null;
  onLearner: (id: string | null) => void;
  signerName: string | null;
  canSeal: boolean;
  onIssued: (record: IssuedRecordView) => void;
}

/** Choose learner, kind and unit; make the record as PDF or Word; sign the PDF. */
export function MakeRecord({
  learners,
  learnerId,
  onLearner,
  signerName,
  canSeal,
  onIssued,
}: Props) {
  const state = useMakeRecord(learnerId, canSeal, onIssued);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="make-record-title">
      <Stack>
        <Title order={2} size="h4" id="make-record-title">
          Make a record
        </Title>
        <Group grow align="flex-start">
          <Select
            label="Learner"
            placeholder="Choose a learner"
            data-testid="record-learner"
            searchable
            data={learners.map((l) => ({ value: l.id, label: `${l.name} (${l.uln})` }))}
            value={learnerId}
            onChange={(id) => {
              onLearner(id);
              state.setUnitId(null);
              state.setEvidenceId(null);
              state.setItemId(null);
            }}
          />
          <Select
            label="Kind of record"
            data-testid="record-kind"
            allowDeselect={false}
            data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            value={state.kind}
            onChange={(k) => {
              if (k) state.setKind(k as RecordKindId);
              state.setEvidenceId(null);
              state.setItemId(null);
            }}
          />
        </Group>
        <RecordSubject state={state} />
        <RecordFormatAndSigning state={state} signerName={signerName} />
        <Group>
          <Button
            onClick={() => void state.make()}
            loading={state.busy}
            disabled={state.missing}
            data-testid="record-make"
          >
            {state.signing ? 'Make and sign' : 'Make record'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
