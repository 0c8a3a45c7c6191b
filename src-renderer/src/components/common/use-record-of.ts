import type { InputOf } from '../../../../src-main/api/contract';
import { call } from '../../api/client';
import { moveTo } from '../../api/address';
import { useAction, type ActionWords } from '../../api/use-action';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';

/**
 * Makes the record of one plan or review and opens it on the Records page, where it can be
 * read, signed again or sent on.
 */
export function useRecordOf() {
  const { busy, run } = useAction();
  const make = async (
    input: InputOf<'record:generate'>,
    words: ActionWords<IssuedRecordView>,
  ): Promise<void> => {
    const record = await run(() => call('record:generate', input), words);
    if (record)
      moveTo(
        { page: 'records', learner: input.learnerId, record: record.recordId },
        { keep: false },
      );
  };
  return { busy, make };
}
