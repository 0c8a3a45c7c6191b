import { Select } from '@mantine/core';
import { useOperation } from '../../api/use-operation';

export interface JudgedWorkChoice {
  learnerId: string | null;
  evidenceId: string | null;
}

interface Props {
  unitId: string | null;
  value: JudgedWorkChoice;
  onChange: (value: JudgedWorkChoice) => void;
}

/** One of the learner's evidence items, chosen from their portfolio (optional). */
function EvidencePicker({
  learnerId,
  value,
  onChange,
}: {
  learnerId: string;
  value: string | null;
  onChange: (evidenceId: string | null) => void;
}) {
  const learner = useOperation('learner:get', { learnerId }, learnerId);
  const items = (learner.data?.evidence ?? []).filter((e) => !e.archived);
  return (
    <Select
      label="Evidence item judged (optional)"
      description="Leave empty when the assessors judged the learner's unit as a whole"
      placeholder={learner.loading ? 'Reading the portfolio…' : 'The whole unit'}
      value={value}
      onChange={onChange}
      clearable
      searchable
      data={items.map((e) => ({ value: e.id, label: e.title }))}
    />
  );
}

/**
 * Where the judged work came from, when it is in a portfolio: a learner registered on the unit
 * and, if the assessors judged one item, that item. Nothing is chosen for the IQA.
 */
export function JudgedWorkFields({ unitId, value, onChange }: Props) {
  const learners = useOperation('learner:list', {});
  const onUnit = (learners.data ?? []).filter(
    (l) => !l.archived && unitId && l.units.some((u) => u.unitId === unitId),
  );
  return (
    <>
      <Select
        label="Learner whose work was judged (optional)"
        description={
          unitId
            ? 'A learner registered on this unit; leave empty for work from outside the workbench'
            : 'Choose the unit first'
        }
        value={value.learnerId}
        onChange={(learnerId) => onChange({ learnerId, evidenceId: null })}
        disabled={!unitId}
        clearable
        searchable
        data={onUnit.map((l) => ({ value: l.id, label: l.name }))}
      />
      {value.learnerId && (
        <EvidencePicker
          learnerId={value.learnerId}
          value={value.evidenceId}
          onChange={(evidenceId) => onChange({ ...value, evidenceId })}
        />
      )}
    </>
  );
}
