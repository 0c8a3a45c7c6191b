import { Group, Radio, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import type { SampleDetail } from '../../../../src-main/sampling/sampling-contract';
import { fromYesNo, refOf, yesNo, type Agreement } from './use-review-form';
import { DataTable } from '../common/DataTable';

type Agreements = Record<string, Agreement>;

/** Whether the IQA agrees with each decision the assessor made, criterion by criterion. */
export function ReviewCriteriaTable({
  rows,
  criteria,
  setCriteria,
}: {
  rows: SampleDetail['criteria'];
  criteria: Agreements;
  setCriteria: Dispatch<SetStateAction<Agreements>>;
}) {
  return (
    <DataTable
      withTableBorder
      verticalSpacing={2}
      caption="Do you agree with each decision the assessor made?"
      head={['Criterion', 'Your answer', 'Comment']}
    >
      {rows.map((row) => {
        const ref = refOf(row);
        const c = criteria[ref]!;
        const change = (next: Partial<Agreement>) =>
          setCriteria((all) => ({ ...all, [ref]: { ...c, ...next } }));
        return (
          <Table.Tr key={ref}>
            <Table.Th scope="row">{ref}</Table.Th>
            <Table.Td>
              {row.outcome !== 'not yet assessed' ? (
                <Radio.Group
                  label={<VisuallyHidden>Your answer on criterion {ref}</VisuallyHidden>}
                  value={yesNo(c.agree)}
                  onChange={(v) => change({ agree: fromYesNo(v) })}
                >
                  <Group gap="sm">
                    <Radio value="yes" label="Agree" aria-label={`Agree with ${ref}`} />
                    <Radio value="no" label="Disagree" aria-label={`Disagree with ${ref}`} />
                  </Group>
                </Radio.Group>
              ) : (
                <Text size="xs" c="dimmed">
                  No assessor decision to sample
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <TextInput
                size="xs"
                aria-label={`Comment on criterion ${ref}`}
                value={c.comment}
                onChange={(e) => change({ comment: e.currentTarget.value })}
              />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
