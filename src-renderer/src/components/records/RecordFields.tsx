import {
  Checkbox,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { formatDate } from '../dates/format';
import type { MakeRecordState } from './use-make-record';
import { unitLabel } from '../../../../src-main/kernel/unit-label';

/** What the record is about: a unit, a session, or one of the learner's plans or reviews. */
export function RecordSubject({ state: p }: { state: MakeRecordState }) {
  const { kind, ready, sessions, items } = p;
  return (
    <>
      {kind === 'unit-record' && (
        <Select
          label="Unit"
          placeholder={p.learnerId ? 'Choose a unit' : 'Choose a learner first'}
          data-testid="record-unit"
          disabled={!ready}
          data={(ready?.units ?? []).map((u) => ({
            value: u.id,
            label: `${unitLabel(u.ref, u.title)}${u.signedOff ? ' (signed off)' : ''}`,
          }))}
          value={p.unitId}
          onChange={p.setUnitId}
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
          value={p.evidenceId}
          onChange={p.setEvidenceId}
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
          value={p.itemId}
          onChange={p.setItemId}
        />
      )}
    </>
  );
}

/** PDF or Word; a PDF may be signed with the person's identity, its passphrase typed or kept. */
export function RecordFormatAndSigning({
  state: p,
  signerName,
}: {
  state: MakeRecordState;
  signerName: string | null;
}) {
  const signing = p.signing;
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="record-format-label">
          Format
        </Text>
        <SegmentedControl
          aria-labelledby="record-format-label"
          data-testid="record-format"
          value={p.format}
          onChange={(v) => p.setFormat(v === 'docx' ? 'docx' : 'pdf')}
          data={[
            { value: 'pdf', label: 'PDF (can be signed)' },
            { value: 'docx', label: 'Word (DOCX)' },
          ]}
        />
      </Stack>
      {p.format === 'pdf' && (
        <Checkbox
          label={signerName ? `Sign it as ${signerName}` : 'Sign it'}
          description="A digital signature (PAdES) that anyone can check offline, with the evidence fingerprinted inside it."
          checked={p.sign}
          onChange={(e) => p.setSign(e.currentTarget.checked)}
        />
      )}
      {signing && (
        <Group grow align="flex-end">
          <PasswordInput
            label="Passphrase of your signing identity"
            description={p.canSeal ? 'Leave empty if this computer keeps it for you.' : undefined}
            data-testid="record-passphrase"
            value={p.passphrase}
            onChange={(e) => p.setPassphrase(e.currentTarget.value)}
            autoComplete="off"
          />
          {p.canSeal && (
            <Checkbox
              label="Keep it on this computer, protected by the system keychain"
              checked={p.remember}
              onChange={(e) => p.setRemember(e.currentTarget.checked)}
            />
          )}
        </Group>
      )}
    </>
  );
}
