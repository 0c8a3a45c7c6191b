import { useState } from 'react';
import type { IssuedRecordView } from '../../../../src-main/record/record-contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useOperation, type OperationState } from '../../api/use-operation';
import type { RecordChoices } from '../../../../src-main/record/record-views';
import type { RecordKindId } from './record-labels';

export type RecordFormat = 'pdf' | 'docx';

/** What the learner has to choose from for this kind of record. */
function offered(
  kind: RecordKindId,
  learnerId: string | null,
  choices: OperationState<RecordChoices>,
) {
  // Kept while the same learner's choices reload, so an open list does not empty under the user.
  const ready =
    learnerId && choices.data && (!choices.loading || choices.refreshing) ? choices.data : null;
  const sessions =
    kind === 'observation'
      ? ready?.observations
      : kind === 'discussion'
        ? ready?.discussions
        : null;
  // A plan or a review is chosen from the learner's own, never guessed.
  const items =
    kind === 'assessment-plan' ? ready?.plans : kind === 'progress-review' ? ready?.reviews : null;
  return { ready, sessions, items };
}

/** The choices behind one record (what it is about, its format, how it is signed) and making it. */
export function useMakeRecord(
  learnerId: string | null,
  canSeal: boolean,
  onIssued: (record: IssuedRecordView) => void,
) {
  const [kind, setKind] = useState<RecordKindId>('unit-record');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [format, setFormat] = useState<RecordFormat>('pdf');
  const [sign, setSign] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const { busy, run } = useAction();
  const choices = useOperation('record:choices', { learnerId: learnerId ?? '' }, learnerId);
  const { ready, sessions, items } = offered(kind, learnerId, choices);
  const needsUnit = kind === 'unit-record';
  const signing = format === 'pdf' && sign;

  const make = async () => {
    if (!learnerId) return;
    const record = await run(
      () =>
        call('record:generate', {
          learnerId,
          kind,
          ...(needsUnit && unitId ? { unitId } : {}),
          ...(sessions && evidenceId ? { evidenceId } : {}),
          ...(items && itemId ? { id: itemId } : {}),
          format,
          sign: signing,
          ...(signing && passphrase ? { passphrase } : {}),
          remember: signing && remember,
        }),
      {
        done: (r) => `${r.title} ${r.recordId} made${r.signatures.length ? ' and signed' : ''}.`,
        failed: 'The record was not made',
      },
    );
    if (!record) return;
    setPassphrase('');
    onIssued(record);
  };

  const missing =
    !learnerId ||
    (needsUnit && !unitId) ||
    (sessions !== null && sessions !== undefined && !evidenceId) ||
    (items !== null && items !== undefined && !itemId) ||
    (signing && !passphrase && !canSeal);

  return {
    kind,
    setKind,
    unitId,
    setUnitId,
    evidenceId,
    setEvidenceId,
    itemId,
    setItemId,
    format,
    setFormat,
    sign,
    setSign,
    passphrase,
    setPassphrase,
    remember,
    setRemember,
    learnerId,
    ready,
    sessions,
    items,
    needsUnit,
    signing,
    canSeal,
    busy,
    make,
    missing: Boolean(missing),
  };
}

export type MakeRecordState = ReturnType<typeof useMakeRecord>;
