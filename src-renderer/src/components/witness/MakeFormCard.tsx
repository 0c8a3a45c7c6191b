import {
  Button,
  Card,
  Checkbox,
  Group,
  ScrollArea,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-views';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { saveFile } from '../../api/local-files';
import { witnessOptions } from './witness-options';
import { unitLabel } from '../../../../src-main/kernel/unit-label';

interface Props {
  detail: LearnerDetail;
  onMade: () => void;
}

interface AskedCriterion {
  ref: string;
  text: string;
  parts: { ref: string }[];
}

/** The criteria the form asks the witness about; none ticked asks about the whole unit. */
function AskedCriteria({
  criteria,
  chosen,
  onChange,
}: {
  criteria: AskedCriterion[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const toggle = (ref: string) => {
    const next = new Set(chosen);
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    onChange(next);
  };
  return (
    <div>
      <Text size="sm" fw={500} id="form-criteria-label">
        Criteria the witness is asked about (none ticked: all of the unit’s)
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Stack gap={4} mt={4} role="group" aria-labelledby="form-criteria-label">
          {criteria.map((c) => (
            <Checkbox
              key={c.ref}
              label={`${c.ref} ${c.text}${c.parts.length ? ` (${c.parts.map((p) => p.ref).join(', ')})` : ''}`}
              checked={chosen.has(c.ref)}
              onChange={() => toggle(c.ref)}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </div>
  );
}

/** Choose the unit, the criteria and the witness; download a fillable PDF or a DOCX. */
export function MakeFormCard({ detail, onMade }: Props) {
  const witnesses = useOperation('witness:list', {});
  const units = detail.units;
  const [unitId, setUnitId] = useState<string | null>(units[0]?.unitId ?? null);
  const [witnessId, setWitnessId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const { busy, run } = useAction();
  const unit = units.find((u) => u.unitId === unitId);
  const refs = unit
    ? unit.outcomes.flatMap((o) =>
        o.criteria.map((c) => ({ ref: c.ref, text: c.text, kind: o.kind, parts: c.parts })),
      )
    : [];

  async function make(format: 'pdf' | 'docx') {
    if (!unit) return;
    const made = await run(
      async () => {
        const made = await call('witness:form', {
          learnerId: detail.learner.id,
          unitId: unit.unitId,
          criteria: [...chosen],
          witnessId,
          format,
        });
        saveFile(made.fileName, made.mediaType, made.base64);
        return made;
      },
      {
        done: (made) => `Made ${made.fileName}. It is listed under forms awaiting return.`,
        failed: 'The form was not made',
      },
    );
    if (made) onMade();
  }

  return (
    <Card withBorder data-testid="make-witness-form">
      <Stack>
        <Title order={3} size="h4">
          Make a form for a witness
        </Title>
        {!units.length && <Text size="sm">Register the learner on a unit first.</Text>}
        <Group grow align="flex-start">
          <Select
            label="Unit"
            data={units.map((u) => ({ value: u.unitId, label: unitLabel(u.ref, u.title) }))}
            value={unitId}
            onChange={(value) => {
              setUnitId(value);
              setChosen(new Set());
            }}
            allowDeselect={false}
          />
          <Select
            label="Witness"
            description="Registered on the Centre page; leave empty for a blank form"
            placeholder="Blank form"
            clearable
            data={witnessOptions(witnesses.data ?? [], detail.learner.employer)}
            value={witnessId}
            onChange={setWitnessId}
          />
        </Group>
        <AskedCriteria criteria={refs} chosen={chosen} onChange={setChosen} />
        <Group>
          <Button onClick={() => void make('pdf')} loading={busy} disabled={!unit}>
            Download fillable PDF
          </Button>
          <Button
            variant="default"
            onClick={() => void make('docx')}
            loading={busy}
            disabled={!unit}
          >
            Download DOCX
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
