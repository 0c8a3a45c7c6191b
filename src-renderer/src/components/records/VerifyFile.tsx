import { FileInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecordCheck } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { readAsBase64 } from '../../api/local-files';

/** Checks a record file from anywhere (an email, a USB stick) against this workspace. */
export function VerifyFile({
  onChecked,
}: {
  onChecked: (check: RecordCheck, fileName: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-file-title">
      <Stack>
        <Title order={2} size="h4" id="verify-file-title">
          Verify a record file
        </Title>
        <Text size="sm" c="dimmed">
          Checks each signature, and whether the learner’s evidence files still match the ones the
          record was signed over. A Word record is checked against the SHA-256 kept when it was
          issued.
        </Text>
        <FileInput
          label="Record file"
          placeholder="Choose a PDF or Word record"
          accept=".pdf,.docx"
          data-testid="verify-file"
          value={file}
          disabled={busy}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
          onChange={(chosen) => {
            setFile(chosen);
            if (!chosen) return;
            setBusy(true);
            readAsBase64(chosen)
              .then((contentBase64) =>
                call('record:verify', { fileName: chosen.name, contentBase64 }),
              )
              .then((check) => onChecked(check, chosen.name))
              .catch((error: unknown) => notifyError('The file could not be checked', error))
              .finally(() => setBusy(false));
          }}
        />
      </Stack>
    </Paper>
  );
}
