import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { VisitPackView } from '../../../../src-main/visit-pack/visit-contract';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';
import { Loading } from '../Loading';
import { allChosen, ThirdPartyChoices, type Choices } from '../sharing/ThirdPartyChoices';

const keyOf = (s: { learnerId: string; unitId: string }) => `${s.learnerId}|${s.unitId}`;

/**
 * The IQA chooses the learners and units for an EQA visit (the plan's samples, or the EQA's own
 * list ticked from them) and makes the pack: a folder and .zip in the workspace's visits/ folder.
 */
export function VisitPackButton({ planId }: { planId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          Make the EQA visit pack…
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title="EQA visit pack" size="lg">
        {open && <VisitPackForm planId={planId} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function VisitPackForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const plan = useOperation('sampling:get-plan', { planId });
  // Nothing is ticked until the IQA ticks it: the visit's sample is their (or the EQA's) choice.
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<VisitPackView | null>(null);
  const [thirdParty, setThirdParty] = useState<Choices>({});
  const samples = [...chosen].sort().map((k) => {
    const [learnerId = '', unitId = ''] = k.split('|');
    return { learnerId, unitId };
  });
  const markedState = useOperation('visit:marked-evidence', { samples });
  const marked = (markedState.data ?? []).map((m) => ({
    evidenceId: m.evidenceId,
    label: `${m.learnerName}: ${m.title}`,
  }));

  async function make() {
    setBusy(true);
    try {
      setMade(await call('visit:make-pack', { samples, sign: true, passphrase, thirdParty }));
      setPassphrase('');
    } catch (error) {
      notifyError('The visit pack was not made', error);
    } finally {
      setBusy(false);
    }
  }

  if (made) return <PackMade made={made} onDone={onDone} />;
  const ready =
    chosen.size > 0 &&
    passphrase !== '' &&
    markedState.data !== null &&
    allChosen(marked, thirdParty);
  return (
    <Loading state={plan} label="The sampling plan">
      {(p) => (
        <Stack>
          <SampleChoice samples={p.samples} chosen={chosen} onChange={setChosen} />
          <ThirdPartyChoices items={marked} choices={thirdParty} onChange={setThirdParty} />
          <PasswordInput
            label="Passphrase of your signing identity (you sign the pack's manifest)"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
          <Group justify="end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button onClick={make} loading={busy} disabled={!ready}>
              Make the pack ({chosen.size} chosen)
            </Button>
          </Group>
        </Stack>
      )}
    </Loading>
  );
}

/** What was made, where, and who signed it; with anything the IQA should know. */
function PackMade({ made, onDone }: { made: VisitPackView; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="green" title="The visit pack is ready" data-testid="visit-pack-made">
        {made.learners} learners, {made.units} units and {made.files} files in the workspace folder
        as {made.folder}
        {made.zip ? ` and ${made.zip}` : ''}
        {made.signedBy ? `, signed by ${made.signedBy}` : ', not signed'}. Give the EQA the .zip and
        the centre certificate; they open index.html in any browser.
      </Alert>
      {made.notes.map((n) => (
        <Alert key={n} color="orange">
          {n}
        </Alert>
      ))}
      <Group justify="end">
        <Button onClick={onDone}>Close</Button>
      </Group>
    </Stack>
  );
}

interface PlanSample {
  learnerId: string;
  unitId: string;
  learnerName: string;
  unitTitle: string;
  assessorName: string;
}

/** The plan's learners' units to tick for the visit, none ticked to start with. */
function SampleChoice({
  samples,
  chosen,
  onChange,
}: {
  samples: readonly PlanSample[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const distinct = [...new Map(samples.map((s) => [keyOf(s), s])).values()];
  return (
    <>
      <Text size="sm">
        Tick the learners&apos; units the EQA will sample: the plan&apos;s samples, or the ones on
        the EQA&apos;s own list. Only these learners are named in the pack.
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => onChange(new Set(distinct.map(keyOf)))}>
          Tick every sample in the plan
        </Button>
        <Button size="xs" variant="default" onClick={() => onChange(new Set())}>
          Untick all
        </Button>
      </Group>
      <Stack gap={4} role="group" aria-label="Learners and units for the visit">
        {distinct.map((s) => (
          <Checkbox
            key={keyOf(s)}
            label={`${s.learnerName}: ${s.unitTitle} (assessor ${s.assessorName})`}
            checked={chosen.has(keyOf(s))}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.currentTarget.checked) next.add(keyOf(s));
              else next.delete(keyOf(s));
              onChange(next);
            }}
          />
        ))}
      </Stack>
    </>
  );
}
