import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { IssuedRecordView, RecordCheck } from '../../../src-main/record/record-contract';
import { call } from '../api/client';
import { useAction } from '../api/use-action';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddress } from '../api/address';
import { Loading } from '../components/Loading';
import { IssuedRecords } from '../components/records/IssuedRecords';
import { MakeRecord } from '../components/records/MakeRecord';
import { RecordPreview } from '../components/records/RecordPreview';
import { SigningIdentities } from '../components/records/SigningIdentities';
import { VerifyFile } from '../components/records/VerifyFile';
import { VerifyResult } from '../components/records/VerifyResult';
import { useRecordPreview } from '../components/records/use-record-preview';

/** Make, sign, countersign, preview, print and verify assessment records; manage identities. */
export function RecordsPage() {
  const learners = useOperation('learner:list', {});
  const session = useOperation('session:get', {});
  const [generation, setGeneration] = useState(0);
  const identities = useOperation('identity:list', {}, generation);
  // ?page=records&learner=…&record=… (the record shown in the preview)
  const address = useAddress();
  const learnerId = address.get('learner');
  const recordId = address.get('record');
  const records = useOperation('record:list', learnerId ? { learnerId } : {}, generation);
  const [check, setCheck] = useState<{ check: RecordCheck; fileName: string } | null>(null);
  const refresh = () => setGeneration((g) => g + 1);

  const showPreview = (record: IssuedRecordView) =>
    moveTo({ learner: record.learnerId, record: record.recordId });
  const preview = useRecordPreview(records.data, recordId);
  const { run } = useAction();
  const verify = async (record: IssuedRecordView) => {
    const result = await run(
      () => call('record:verify', { learnerId: record.learnerId, recordId: record.recordId }),
      { failed: 'The record could not be checked' },
    );
    if (result) setCheck({ check: result, fileName: record.fileName });
  };

  return (
    <Loading state={learners} label="Records">
      {(list) => (
        <Stack>
          {session.data?.readOnly && (
            <Alert color="blue">
              You have read-only access: you can preview, print and verify records, but not make or
              sign them.
            </Alert>
          )}
          <MakeRecord
            learners={list.filter((l) => !l.archived)}
            learnerId={learnerId}
            onLearner={(id) => moveTo({ learner: id, record: null })}
            signerName={session.data?.user?.name ?? null}
            canSeal={identities.data?.canSealPassphrases ?? false}
            onIssued={(record) => {
              showPreview(record);
              refresh();
            }}
          />
          {preview && (
            <RecordPreview
              preview={preview.preview}
              title={preview.title}
              onClose={() => moveTo({ record: null })}
            />
          )}
          {check && <VerificationPanel {...check} onClose={() => setCheck(null)} />}
          <Loading state={records} label="Issued records">
            {(issued) => (
              <IssuedRecords
                records={issued}
                canSeal={identities.data?.canSealPassphrases ?? false}
                onPreview={showPreview}
                onVerify={(r) => void verify(r)}
                onChanged={refresh}
              />
            )}
          </Loading>
          <VerifyFile onChecked={(result, fileName) => setCheck({ check: result, fileName })} />
          <Loading state={identities} label="Signing identities">
            {(ids) => (
              <SigningIdentities
                list={ids}
                readOnly={session.data?.readOnly ?? true}
                onChanged={refresh}
              />
            )}
          </Loading>
        </Stack>
      )}
    </Loading>
  );
}

/** What checking a record found, until it is closed. */
function VerificationPanel({
  check,
  fileName,
  onClose,
}: {
  check: RecordCheck;
  fileName: string;
  onClose: () => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-result-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="verify-result-title">
            Verification
          </Title>
          <Button variant="subtle" onClick={onClose}>
            Close
          </Button>
        </Group>
        <VerifyResult check={check} fileName={fileName} />
      </Stack>
    </Paper>
  );
}
