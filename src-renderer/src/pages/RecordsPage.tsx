import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type {
  IssuedRecordView,
  RecordCheck,
  RecordPreview as Preview,
} from '../../../src-main/record/record-contract';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddress } from '../api/address';
import { Loading } from '../components/Loading';
import { IssuedRecords } from '../components/records/IssuedRecords';
import { MakeRecord } from '../components/records/MakeRecord';
import { RecordPreview } from '../components/records/RecordPreview';
import { SigningIdentities } from '../components/records/SigningIdentities';
import { VerifyFile } from '../components/records/VerifyFile';
import { VerifyResult } from '../components/records/VerifyResult';
import { kindLabels } from '../components/records/record-labels';

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
  const [loaded, setLoaded] = useState<{
    recordId: string;
    preview: Preview;
    title: string;
  } | null>(null);
  const preview = loaded && loaded.recordId === recordId ? loaded : null;
  const [check, setCheck] = useState<{ check: RecordCheck; fileName: string } | null>(null);
  const refresh = () => setGeneration((g) => g + 1);

  const showPreview = (record: IssuedRecordView) =>
    moveTo({ learner: record.learnerId, record: record.recordId });
  const shown = records.data?.find((r) => r.recordId === recordId) ?? null;
  useEffect(() => {
    if (!shown) return;
    let current = true;
    const title = `${kindLabels[shown.kind]} ${shown.recordId}`;
    call('record:preview', { learnerId: shown.learnerId, recordId: shown.recordId }).then(
      (p) => current && setLoaded({ recordId: shown.recordId, preview: p, title }),
      (error: unknown) => notifyError('The record could not be shown', error),
    );
    return () => {
      current = false;
    };
  }, [shown]);

  const verify = async (record: IssuedRecordView) => {
    try {
      const result = await call('record:verify', {
        learnerId: record.learnerId,
        recordId: record.recordId,
      });
      setCheck({ check: result, fileName: record.fileName });
    } catch (error) {
      notifyError('The record could not be checked', error);
    }
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
          {check && (
            <Paper withBorder p="md" component="section" aria-labelledby="verify-result-title">
              <Stack>
                <Group justify="space-between">
                  <Title order={2} size="h4" id="verify-result-title">
                    Verification
                  </Title>
                  <Button variant="subtle" onClick={() => setCheck(null)}>
                    Close
                  </Button>
                </Group>
                <VerifyResult check={check.check} fileName={check.fileName} />
              </Stack>
            </Paper>
          )}
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
