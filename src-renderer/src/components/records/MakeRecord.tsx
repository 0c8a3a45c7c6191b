import {
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import type { LearnerSummary } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { kindLabels, type RecordKindId } from './record-labels';
import { formatDate } from '../dates/format';

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
  const [kind, setKind] = useState<RecordKindId>('unit-record');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [sign, setSign] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices = useOperation('record:choices', { learnerId: learnerId ?? '' }, learnerId);
  // Kept while the same learner's choices reload, so an open list does not empty under the user.
  const ready =
    learnerId && choices.data && (!choices.loading || choices.refreshing) ? choices.data : null;
  const sessions =
    kind === 'observation'
      ? ready?.observations
      : kind === 'discussion'
        ? ready?.discussions
        : null;
  // A plan or a review is chosen from the learner's own, never guessed.
  const items =
    kind === 'assessment-plan' ? ready?.plans : kind === 'progress-review' ? ready?.reviews : null;
  const needsUnit = kind === 'unit-record';
  const signing = format === 'pdf' && sign;

  const make = async () => {
    if (!learnerId) return;
    setBusy(true);
    try {
      const record = await call('record:generate', {
        learnerId,
        kind,
        ...(needsUnit && unitId ? { unitId } : {}),
        ...(sessions && evidenceId ? { evidenceId } : {}),
        ...(items && itemId ? { id: itemId } : {}),
        format,
        sign: signing,
        ...(signing && passphrase ? { passphrase } : {}),
        remember: signing && remember,
      });
      setPassphrase('');
      notifyDone(
        `${record.title} ${record.recordId} made${record.signatures.length ? ' and signed' : ''}.`,
      );
      onIssued(record);
    } catch (error) {
      notifyError('The record was not made', error);
    } finally {
      setBusy(false);
    }
  };

  const missing =
    !learnerId ||
    (needsUnit && !unitId) ||
    (sessions !== null && sessions !== undefined && !evidenceId) ||
    (items !== null && items !== undefined && !itemId) ||
    (signing && !passphrase && !canSeal);

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
              setUnitId(null);
              setEvidenceId(null);
              setItemId(null);
            }}
          />
          <Select
            label="Kind of record"
            data-testid="record-kind"
            allowDeselect={false}
            data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(k) => {
              if (k) setKind(k as RecordKindId);
              setEvidenceId(null);
              setItemId(null);
            }}
          />
        </Group>
        {needsUnit && (
          <Select
            label="Unit"
            placeholder={learnerId ? 'Choose a unit' : 'Choose a learner first'}
            data-testid="record-unit"
            disabled={!ready}
            data={(ready?.units ?? []).map((u) => ({
              value: u.id,
              label: `${u.ref} ${u.title}${u.signedOff ? ' (signed off)' : ''}`,
            }))}
            value={unitId}
            onChange={setUnitId}
          />
        )}
        {sessions && (
          <Select
            label={kind === 'observation' ? 'Observation' : 'Professional discussion'}
            placeholder={sessions.length ? 'Choose one' : 'None recorded for this learner yet'}
            data-testid="record-session"
            disabled={sessions.length === 0}
            data={sessions.map((s) => ({
              value: s.id,
              label: `${formatDate(s.producedOn)}: ${s.title}`,
            }))}
            value={evidenceId}
            onChange={setEvidenceId}
          />
        )}
        {items && (
          <Select
            label={kind === 'assessment-plan' ? 'Assessment plan' : 'Progress review'}
            placeholder={
              items.length
                ? 'Choose one'
                : kind === 'assessment-plan'
                  ? 'No assessment plan for this learner yet (the Plans tab makes one)'
                  : 'No progress review for this learner yet (the Reviews tab records one)'
            }
            data-testid="record-item"
            disabled={items.length === 0}
            data={items.map((i) => ({ value: i.id, label: i.label }))}
            value={itemId}
            onChange={setItemId}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="record-format-label">
            Format
          </Text>
          <SegmentedControl
            aria-labelledby="record-format-label"
            data-testid="record-format"
            value={format}
            onChange={(v) => setFormat(v === 'docx' ? 'docx' : 'pdf')}
            data={[
              { value: 'pdf', label: 'PDF (can be signed)' },
              { value: 'docx', label: 'Word (DOCX)' },
            ]}
          />
        </Stack>
        {format === 'pdf' && (
          <Checkbox
            label={signerName ? `Sign it as ${signerName}` : 'Sign it'}
            description="A digital signature (PAdES) that anyone can check offline, with the evidence fingerprinted inside it."
            checked={sign}
            onChange={(e) => setSign(e.currentTarget.checked)}
          />
        )}
        {signing && (
          <Group grow align="flex-end">
            <PasswordInput
              label="Passphrase of your signing identity"
              description={canSeal ? 'Leave empty if this computer keeps it for you.' : undefined}
              data-testid="record-passphrase"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              autoComplete="off"
            />
            {canSeal && (
              <Checkbox
                label="Keep it on this computer, protected by the system keychain"
                checked={remember}
                onChange={(e) => setRemember(e.currentTarget.checked)}
              />
            )}
          </Group>
        )}
        <Group>
          <Button
            onClick={() => void make()}
            loading={busy}
            disabled={Boolean(missing)}
            data-testid="record-make"
          >
            {signing ? 'Make and sign' : 'Make record'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
