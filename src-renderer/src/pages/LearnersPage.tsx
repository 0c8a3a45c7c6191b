import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOperation } from '../api/use-operation';
import { moveTo, useAddressValue } from '../api/address';
import { LearnerForm } from '../components/learner/LearnerForm';
import { LearnerView } from '../components/learner/LearnerView';
import { Loading } from '../components/Loading';
import { LearnerTable } from '../components/learner/LearnerTable';
import { matchesFind } from '../components/common/find';
import { CaseloadOverview } from '../components/progress/CaseloadOverview';

/** The caseload: every learner with their progress, to find one and open them. */
export function LearnersPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const learners = useOperation('learner:list', { includeArchived });
  const reviewsDue = useOperation('review:due', {});
  const dueOf = new Map((reviewsDue.data ?? []).map((r) => [r.learnerId, r]));
  const session = useOperation('session:get', {});
  const [filter, setFilter] = useState('');
  // The open learner is in the address (?page=learners&learner=ln-…), so Back returns to the list.
  const [selected, setSelected] = useAddressValue('learner');
  const [adding, setAdding] = useState(false);

  if (selected) {
    return (
      <LearnerView
        learnerId={selected}
        onBack={() => {
          moveTo({ learner: null, tab: null });
          learners.reload();
        }}
      />
    );
  }
  return (
    <Stack>
      <CaseloadOverview />
      <Group align="end">
        <TextInput
          label="Find a learner"
          placeholder="Name, ULN, employer or workplace"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={420}
        />
        <Switch
          label="Show archived learners"
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
          mb={8}
        />
        {!session.data?.readOnly && (
          <Button onClick={() => setAdding(true)} ml="auto">
            Add learner
          </Button>
        )}
      </Group>
      <Loading state={learners} label="The learners">
        {(list) => (
          <LearnerTable
            learners={list.filter((l) =>
              matchesFind(filter, [l.name, l.uln, l.employer, l.workplace, l.cohort]),
            )}
            dueOf={dueOf}
            onOpen={setSelected}
          />
        )}
      </Loading>
      {adding && (
        <LearnerForm
          opened
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            learners.reload();
            setSelected(id);
          }}
        />
      )}
    </Stack>
  );
}
