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
import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import type { StaffView } from '../../../../src-main/centre/centre-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
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

type Judgement = { decision: string | null; reasoning: string };
type Judgements = Record<string, Judgement>;
type Action = { what: string; ownerId: string | null; dueOn: string };
const noJudgement: Judgement = { decision: null, reasoning: '' };

/** Each attending assessor's own decision and reasoning, before the group agreed. */
function AssessorJudgements({
  judging,
  judgements,
  onChange,
}: {
  judging: StaffView[];
  judgements: Judgements;
  onChange: Dispatch<SetStateAction<Judgements>>;
}) {
  const judgement = (id: string) => judgements[id] ?? noJudgement;
  const set = (id: string, change: Partial<Judgement>) =>
    onChange((j) => ({ ...j, [id]: { ...(j[id] ?? noJudgement), ...change } }));
  return (
    <>
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
            onChange={(v) => set(s.id, { decision: v })}
          />
          <Textarea
            label={`${s.name}'s reasoning`}
            value={judgement(s.id).reasoning}
            onChange={(e) => set(s.id, { reasoning: e.currentTarget.value })}
          />
        </Group>
      ))}
    </>
  );
}

/** The unit the work belongs to and the criteria the activity covered. */
function UnitAndCriteria(props: {
  unitId: string | null;
  onUnit: (unitId: string | null) => void;
  criteria: string;
  onCriteria: (criteria: string) => void;
}) {
  const units = useOperation('unit:list', {});
  return (
    <>
      <Select
        label="Unit"
        value={props.unitId}
        onChange={props.onUnit}
        searchable
        required
        data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.title }))}
      />
      <TextInput
        label="Criteria covered"
        description="For example: 9.1, 9.2"
        value={props.criteria}
        onChange={(e) => props.onCriteria(e.currentTarget.value)}
        required
      />
    </>
  );
}

/** The outcome the group agreed, and why. */
function AgreedOutcome(props: {
  agreed: string | null;
  onAgreed: (agreed: string | null) => void;
  rationale: string;
  onRationale: (rationale: string) => void;
}) {
  return (
    <>
      <Select
        label="Agreed outcome"
        data={decisions}
        value={props.agreed}
        onChange={props.onAgreed}
        required
      />
      <Textarea
        label="Why the group agreed it"
        value={props.rationale}
        onChange={(e) => props.onRationale(e.currentTarget.value)}
        required
      />
    </>
  );
}

/** One optional action, with its owner and due date. */
function ActionFields({
  action,
  names,
  onChange,
}: {
  action: Action;
  names: { value: string; label: string }[];
  onChange: (action: Action) => void;
}) {
  return (
    <>
      <Title order={3} size="h5">
        Action (optional)
      </Title>
      <TextInput
        label="Action"
        value={action.what}
        onChange={(e) => onChange({ ...action, what: e.currentTarget.value })}
      />
      <Group grow>
        <Select
          label="Action owner"
          data={names}
          value={action.ownerId}
          onChange={(v) => onChange({ ...action, ownerId: v })}
        />
        <DateField
          label="Action due"
          value={action.dueOn}
          onChange={(dueOn) => onChange({ ...action, dueOn })}
        />
      </Group>
    </>
  );
}

interface Filled {
  date: string;
  unitId: string | null;
  criteria: string;
  attendees: string[];
  description: string;
  work: JudgedWorkChoice;
  judging: StaffView[];
  judgements: Judgements;
  agreed: string | null;
  rationale: string;
  action: Action;
}

/** The record as the workbench saves it, or the first thing the IQA still has to choose. */
function standardisationRecord(f: Filled) {
  const judgement = (id: string) => f.judgements[id] ?? noJudgement;
  const missing = f.judging.find((s) => !judgement(s.id).decision);
  if (missing) throw new Error(`Choose ${missing.name}'s own decision.`);
  if (!f.agreed) throw new Error('Choose the outcome the group agreed.');
  if (!f.unitId) throw new Error('Choose the unit.');
  return {
    date: f.date,
    attendees: f.attendees,
    unitId: f.unitId,
    criteria: f.criteria.split(/[,\s]+/).filter(Boolean),
    sample: { ...f.work, description: f.description },
    judgements: f.judging.map((s) => ({
      assessorId: s.id,
      decision: judgement(s.id).decision as Decision,
      reasoning: judgement(s.id).reasoning,
    })),
    agreed: { decision: f.agreed as Decision, rationale: f.rationale },
    actions: f.action.what.trim()
      ? [
          {
            what: f.action.what,
            ownerId: f.action.ownerId ?? '',
            dueOn: f.action.dueOn,
            closedOn: null,
          },
        ]
      : [],
  };
}

/**
 * Records a standardisation activity: who attended, what was judged, each assessor's own
 * decision and reasoning, the agreed outcome and an action. Nothing is chosen for the IQA.
 */
export function StandardisationForm({ staff, onClose, onSaved }: Props) {
  const [date, setDate] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [criteria, setCriteria] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [work, setWork] = useState<JudgedWorkChoice>({ learnerId: null, evidenceId: null });
  const [judgements, setJudgements] = useState<Judgements>({});
  const [agreed, setAgreed] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [action, setAction] = useState<Action>({ what: '', ownerId: null, dueOn: '' });
  const { busy, run } = useAction();
  const people = staff.filter((s) => !s.archived && !s.roles.every((r) => r === 'eqa'));
  const judging = people.filter((s) => attendees.includes(s.id) && s.roles.includes('assessor'));
  const filled = { date, unitId, criteria, attendees, description, work, judging, judgements };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await run(
      () =>
        call(
          'standardisation:save',
          standardisationRecord({ ...filled, agreed, rationale, action }),
        ),
      {
        done: 'Standardisation recorded.',
        failed: 'The standardisation record was not saved',
      },
    );
    if (saved === undefined) return;
    onSaved();
    onClose();
  }

  const names = people.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Modal opened onClose={onClose} title="Record standardisation" size="lg">
      <form onSubmit={(e) => void submit(e)} aria-label="Record standardisation">
        <Stack>
          <DateField label="Date" value={date} onChange={setDate} required />
          <MultiSelect
            label="Who attended"
            data={names}
            value={attendees}
            onChange={setAttendees}
            required
          />
          <UnitAndCriteria
            unitId={unitId}
            onUnit={(id) => {
              setUnitId(id);
              setWork({ learnerId: null, evidenceId: null });
            }}
            criteria={criteria}
            onCriteria={setCriteria}
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
          <AssessorJudgements judging={judging} judgements={judgements} onChange={setJudgements} />
          <AgreedOutcome
            agreed={agreed}
            onAgreed={setAgreed}
            rationale={rationale}
            onRationale={setRationale}
          />
          <ActionFields action={action} names={names} onChange={setAction} />
          <FormFooter submit="Save the record" onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
