import {
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../../src-main/centre/centre-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { DateField } from '../dates/DateField';
import { FormFooter } from '../common/FormFooter';
import { JudgedWorkFields, type JudgedWorkChoice } from './JudgedWorkFields';

type Decision = 'met' | 'not-yet-met';
const decisions = [
  { value: 'met', label: 'Met' },
  { value: 'not-yet-met', label: 'Not yet met' },
];

interface Props {
  staff: StaffView[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records a standardisation activity: who attended, what was judged, each assessor's own
 * decision and reasoning, the agreed outcome and an action. Nothing is chosen for the IQA.
 */
export function StandardisationForm({ staff, onClose, onSaved }: Props) {
  const units = useOperation('unit:list', {});
  const [date, setDate] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [criteria, setCriteria] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [work, setWork] = useState<JudgedWorkChoice>({ learnerId: null, evidenceId: null });
  const [judgements, setJudgements] = useState<
    Record<string, { decision: string | null; reasoning: string }>
  >({});
  const [agreed, setAgreed] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [action, setAction] = useState({ what: '', ownerId: null as string | null, dueOn: '' });
  const [busy, setBusy] = useState(false);
  const people = staff.filter((s) => !s.archived && !s.roles.every((r) => r === 'eqa'));
  const judging = people.filter((s) => attendees.includes(s.id) && s.roles.includes('assessor'));
  const judgement = (id: string) => judgements[id] ?? { decision: null, reasoning: '' };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const missing = judging.find((s) => !judgement(s.id).decision);
      if (missing) throw new Error(`Choose ${missing.name}'s own decision.`);
      if (!agreed) throw new Error('Choose the outcome the group agreed.');
      if (!unitId) throw new Error('Choose the unit.');
      await call('standardisation:save', {
        date,
        attendees,
        unitId,
        criteria: criteria.split(/[,\s]+/).filter(Boolean),
        sample: { ...work, description },
        judgements: judging.map((s) => ({
          assessorId: s.id,
          decision: judgement(s.id).decision as Decision,
          reasoning: judgement(s.id).reasoning,
        })),
        agreed: { decision: agreed as Decision, rationale },
        actions: action.what.trim()
          ? [
              {
                what: action.what,
                ownerId: action.ownerId ?? '',
                dueOn: action.dueOn,
                closedOn: null,
              },
            ]
          : [],
      });
      notifyDone('Standardisation recorded.');
      onSaved();
      onClose();
    } catch (error) {
      notifyError('The standardisation record was not saved', error);
    } finally {
      setBusy(false);
    }
  }

  const names = people.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Modal opened onClose={onClose} title="Record standardisation" size="lg">
      <form onSubmit={submit} aria-label="Record standardisation">
        <Stack>
          <DateField label="Date" value={date} onChange={setDate} required />
          <MultiSelect
            label="Who attended"
            data={names}
            value={attendees}
            onChange={setAttendees}
            required
          />
          <Select
            label="Unit"
            value={unitId}
            onChange={(id) => {
              setUnitId(id);
              setWork({ learnerId: null, evidenceId: null });
            }}
            searchable
            required
            data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.title }))}
          />
          <TextInput
            label="Criteria covered"
            description="For example: 9.1, 9.2"
            value={criteria}
            onChange={(e) => setCriteria(e.currentTarget.value)}
            required
          />
          <Title order={3} size="h5">
            The work judged
          </Title>
          <JudgedWorkFields unitId={unitId} value={work} onChange={setWork} />
          <Textarea
            label="Evidence judged"
            description="The piece of evidence or learner's unit every assessor judged on their own"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            required
          />
          <Title order={3} size="h5">
            Each assessor&apos;s own decision
          </Title>
          {judging.length === 0 && (
            <Text size="sm" c="dimmed">
              Choose the assessors who attended.
            </Text>
          )}
          {judging.map((s) => (
            <Group key={s.id} align="flex-start" grow>
              <Select
                label={`${s.name}'s decision`}
                data={decisions}
                value={judgement(s.id).decision}
                onChange={(v) =>
                  setJudgements((j) => ({ ...j, [s.id]: { ...judgement(s.id), decision: v } }))
                }
              />
              <Textarea
                label={`${s.name}'s reasoning`}
                value={judgement(s.id).reasoning}
                onChange={(e) => {
                  const reasoning = e.currentTarget.value;
                  setJudgements((j) => ({ ...j, [s.id]: { ...judgement(s.id), reasoning } }));
                }}
              />
            </Group>
          ))}
          <Select
            label="Agreed outcome"
            data={decisions}
            value={agreed}
            onChange={setAgreed}
            required
          />
          <Textarea
            label="Why the group agreed it"
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            required
          />
          <Title order={3} size="h5">
            Action (optional)
          </Title>
          <TextInput
            label="Action"
            value={action.what}
            onChange={(e) => setAction({ ...action, what: e.currentTarget.value })}
          />
          <Group grow>
            <Select
              label="Action owner"
              data={names}
              value={action.ownerId}
              onChange={(v) => setAction({ ...action, ownerId: v })}
            />
            <DateField
              label="Action due"
              value={action.dueOn}
              onChange={(dueOn) => setAction({ ...action, dueOn })}
            />
          </Group>
          <FormFooter submit="Save the record" onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
