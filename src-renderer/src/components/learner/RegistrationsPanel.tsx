import {
  Badge,
  Button,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { notifyDone, notifyError } from '../../api/notify';
import { useOperation } from '../../api/use-operation';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

/** The units the learner is registered on, with their assessor, version and progress. */
export function RegistrationsPanel({ detail, readOnly, onChanged }: Props) {
  const units = useOperation('unit:list', {});
  const centre = useOperation('centre:get', {});
  const [unitKey, setUnitKey] = useState<string | null>(null);
  const [assessorId, setAssessorId] = useState<string | null>(null);
  const [qualification, setQualification] = useState('');
  const assessors = (centre.data?.staff ?? []).filter(
    (s) => !s.archived && s.roles.includes('assessor'),
  );
  const learnerId = detail.learner.id;

  async function run(action: () => Promise<unknown>, done: string, failed: string) {
    try {
      await action();
      notifyDone(done);
      onChanged();
    } catch (error) {
      notifyError(failed, error);
    }
  }

  function register(event: FormEvent) {
    event.preventDefault();
    if (!unitKey || !assessorId) return;
    const [unitId = '', version = '1'] = unitKey.split('@');
    void run(
      () =>
        call('registration:add', {
          learnerId,
          unitId,
          unitVersion: Number(version),
          assessorId,
          qualification,
        }),
      'Registered on the unit.',
      'The registration was not saved',
    );
  }

  return (
    <Stack>
      <Title order={2} size="h4">
        Units
      </Title>
      <Table withTableBorder data-testid="registrations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Unit</Table.Th>
            <Table.Th scope="col">Assessor</Table.Th>
            <Table.Th scope="col">Evidenced</Table.Th>
            <Table.Th scope="col">Met</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.registrations.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.unitTitle}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.unitRef} · version {r.unitVersion}
                  {r.qualification ? ` · ${r.qualification}` : ''}
                </Text>
                {r.withdrawn && (
                  <Badge color="gray" variant="light">
                    Withdrawn
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Assessor for ${r.unitTitle}`}
                  size="xs"
                  value={r.assessorId}
                  disabled={readOnly || r.withdrawn}
                  allowDeselect={false}
                  data={assessors.map((a) => ({ value: a.id, label: a.name }))}
                  onChange={(next) =>
                    next &&
                    void run(
                      () =>
                        call('registration:update', {
                          learnerId,
                          registrationId: r.id,
                          assessorId: next,
                        }),
                      'Assessor changed.',
                      'The assessor was not changed',
                    )
                  }
                />
              </Table.Td>
              <Table.Td miw={120}>
                <Text size="xs">
                  {r.progress.evidenced} of {r.progress.total}
                </Text>
                <Progress
                  value={r.progress.total ? (100 * r.progress.evidenced) / r.progress.total : 0}
                  aria-label={`${r.unitTitle}: criteria with evidence`}
                  size="sm"
                />
              </Table.Td>
              <Table.Td>
                {r.progress.met} of {r.progress.total}
                {r.progress.signedOff && (
                  <Badge ml="xs" color="green" variant="light">
                    Signed off
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      void run(
                        () =>
                          call('registration:update', {
                            learnerId,
                            registrationId: r.id,
                            withdrawn: !r.withdrawn,
                          }),
                        r.withdrawn
                          ? 'Registered again.'
                          : 'Withdrawn from the unit; its records are kept.',
                        'The registration was not changed',
                      )
                    }
                  >
                    {r.withdrawn ? 'Register again' : 'Withdraw'}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <form onSubmit={register}>
          <Group align="end">
            <Select
              label="Register on a unit"
              placeholder="Choose a unit"
              value={unitKey}
              onChange={setUnitKey}
              data={(units.data?.units ?? []).map((u) => ({
                value: `${u.id}@${u.version}`,
                label: `${u.title} (version ${u.version})`,
              }))}
              w={360}
              searchable
            />
            <Select
              label="Assessor"
              placeholder="Choose an assessor"
              value={assessorId}
              onChange={setAssessorId}
              data={assessors.map((a) => ({ value: a.id, label: a.name }))}
            />
            <TextInput
              label="Qualification"
              value={qualification}
              onChange={(e) => setQualification(e.currentTarget.value)}
            />
            <Button type="submit" disabled={!unitKey || !assessorId}>
              Register
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
