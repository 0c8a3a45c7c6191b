import { Stack, Title } from '@mantine/core';
import type { LearnerDetail } from '../../../../src-main/learner/learner-contract';
import { call } from '../../api/client';
import { useAction, type ActionWords } from '../../api/use-action';
import { useOperation } from '../../api/use-operation';
import { RegisterOnUnit } from './RegisterOnUnit';
import { RegistrationRow } from './RegistrationRow';
import { DataTable, hiddenHead } from '../common/DataTable';

interface Props {
  detail: LearnerDetail;
  readOnly: boolean;
  onChanged: () => void;
}

/** The units the learner is registered on, with their assessor, version and progress. */
export function RegistrationsPanel({ detail, readOnly, onChanged }: Props) {
  const centre = useOperation('centre:get', {});
  const { run } = useAction();
  const assessors = (centre.data?.staff ?? []).filter(
    (s) => !s.archived && s.roles.includes('assessor'),
  );
  const learnerId = detail.learner.id;

  async function change(action: () => Promise<unknown>, words: ActionWords<unknown>) {
    const done = await run(async () => {
      await action();
      return true;
    }, words);
    if (done) onChanged();
  }

  return (
    <Stack>
      <Title order={2} size="h4">
        Units
      </Title>
      <DataTable
        withTableBorder
        testId="registrations"
        head={['Unit', 'Assessor', 'Evidenced', 'Met', hiddenHead('Actions')]}
      >
        {detail.registrations.map((r) => (
          <RegistrationRow
            key={r.id}
            registration={r}
            assessors={assessors}
            readOnly={readOnly}
            onAssessor={(assessorId) =>
              void change(
                () => call('registration:update', { learnerId, registrationId: r.id, assessorId }),
                { done: 'Assessor changed.', failed: 'The assessor was not changed' },
              )
            }
            onWithdrawn={(withdrawn) =>
              void change(
                () => call('registration:update', { learnerId, registrationId: r.id, withdrawn }),
                {
                  done: withdrawn
                    ? 'Withdrawn from the unit; its records are kept.'
                    : 'Registered again.',
                  failed: 'The registration was not changed',
                },
              )
            }
          />
        ))}
      </DataTable>
      {!readOnly && (
        <RegisterOnUnit
          assessors={assessors}
          onRegister={(registration) =>
            void change(() => call('registration:add', { learnerId, ...registration }), {
              done: 'Registered on the unit.',
              failed: 'The registration was not saved',
            })
          }
        />
      )}
    </Stack>
  );
}
