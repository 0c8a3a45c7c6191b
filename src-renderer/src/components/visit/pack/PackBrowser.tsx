import { Box, Group, NavLink, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PackData } from '../../../../../src-main/visit-pack/pack-model';
import { FileList, PackUnitView } from './PackUnitView';
import { unitLabel } from '../../../../../src-main/kernel/unit-label';

type Open = (file: { path: string; title: string }) => void;

/** The pack's learners and their sampled units, one unit shown at a time. */
export function PackLearners({ data, onOpen }: { data: PackData; onOpen: Open }) {
  const units = data.learners.flatMap((l) => l.units.map((u) => ({ learner: l, unit: u })));
  const [shown, setShown] = useState(0);
  const current = units[shown];
  if (!current) return <Text>The pack holds no learner’s work.</Text>;
  return (
    <Group align="flex-start" wrap="nowrap" gap="lg">
      <Box
        component="nav"
        aria-label="Learners and units sampled"
        w={260}
        style={{ flexShrink: 0 }}
      >
        {units.map(({ learner, unit }, i) => (
          <NavLink
            key={`${learner.id}|${unit.id}`}
            component="button"
            label={learner.name}
            description={unitLabel(unit.ref, unit.title)}
            active={i === shown}
            aria-current={i === shown ? 'true' : undefined}
            onClick={() => setShown(i)}
          />
        ))}
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <PackUnitView learner={current.learner} unit={current.unit} onOpen={onOpen} />
      </Box>
    </Group>
  );
}

/** The centre's quality assurance in the pack: the plan's samples, sampling records, sections. */
export function PackAssurance({ data, onOpen }: { data: PackData; onOpen: Open }) {
  return (
    <Stack>
      {data.plan && (
        <Stack gap={4}>
          <Text fw={500}>
            Sampling plan: {data.plan.qualification} ({data.plan.samples.length} samples in this
            pack
            {data.plan.otherSamples
              ? `, ${data.plan.otherSamples} of other learners not named`
              : ''}
            )
          </Text>
          {data.plan.samples.map((s, i) => (
            <Text key={i} size="sm">
              {s.learner}, {s.unit}: assessor {s.assessor}, IQA {s.iqa}, {s.type}
              {s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}
            </Text>
          ))}
        </Stack>
      )}
      <FileList title="IQA sampling records" files={data.sampling} onOpen={onOpen} />
      {data.sections.map((section) => (
        <Stack key={section.id} gap={4}>
          <FileList title={section.title} files={section.documents} onOpen={onOpen} />
          {section.documents.length === 0 && <Text size="sm">{section.title}: no documents.</Text>}
        </Stack>
      ))}
    </Stack>
  );
}
