import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import type { Workbench } from '../app/workbench';
import { auditEntry, changedFields } from '../audit/audit';
import { dayOf, stamp } from '../shared/record';
import { competenceStore } from './competence-store';
import { addCpdEvidence } from './staff-evidence';
import { openCpdFile, previewCpdFile } from './staff-files';
import { saveEntry, type EntryInput, type EntryList } from './staff-record-actions';
import type { staffRecordOperations } from './staff-record-contract';
import { competenceOverview, staffMemberOf, staffRecordView } from './staff-record-view';

/** A person keeps their own record; an IQA or the centre's administrator keeps anyone's. */
function assertMayEdit(wb: Workbench, personId: string): void {
  const actor = wb.actor();
  staffMemberOf(wb.workspace, personId);
  if (actor.id === personId || actor.role === 'iqa' || actor.role === 'admin') return;
  throw new UserError(
    'forbidden',
    "Only the person themselves or an IQA can change a staff member's competence record.",
  );
}

async function save<L extends EntryList>(
  wb: Workbench,
  personId: string,
  list: L,
  entry: EntryInput<L>,
): Promise<{ id: string }> {
  assertMayEdit(wb, personId);
  const now = wb.clock();
  let id = '';
  await competenceStore(wb.workspace).changeStaffRecord(personId, wb.actor(), now, (record) => {
    const result = saveEntry(record, list, entry, wb.actor(), now);
    id = result.id;
    return result.record;
  });
  return { id };
}

export const staffRecordHandlers: HandlerMap<keyof typeof staffRecordOperations> = {
  'staff:competence': async (_input, wb) => competenceOverview(wb.workspace, dayOf(wb.clock())),
  'staff:record': async ({ personId }, wb) =>
    staffRecordView(wb.workspace, personId, dayOf(wb.clock())),
  'staff:save-qualification': async ({ personId, entry }, wb) =>
    save(wb, personId, 'qualifications', entry),
  'staff:save-experience': async ({ personId, entry }, wb) =>
    save(wb, personId, 'experience', entry),
  'staff:save-cpd': async ({ personId, entry }, wb) => save(wb, personId, 'cpd', entry),
  'staff:save-check': async ({ personId, entry }, wb) => save(wb, personId, 'checks', entry),
  'staff:add-cpd-staged': async ({ personId, cpdId, stagedId }, wb) => {
    // Taken first, so a refusal still removes the staged copy.
    const taken = wb.staged.take(stagedId);
    try {
      assertMayEdit(wb, personId);
      const { file, size } =
        taken.kind === 'received'
          ? { file: taken.received.tempFile, size: taken.received.size }
          : taken;
      return await addCpdEvidence(
        wb.workspace,
        personId,
        cpdId,
        { originalName: taken.originalName, source: { file }, total: size },
        wb.actor(),
        wb.clock,
      );
    } finally {
      if (taken.kind === 'received') await taken.release();
    }
  },
  'staff:preview-cpd-file': async (ref, wb) => previewCpdFile(wb, ref),
  'staff:open-cpd-file': async (ref, wb) => openCpdFile(wb, ref),
  'staff:set-policy': async (change, wb) => {
    const actor = wb.actor();
    if (actor.role !== 'iqa' && actor.role !== 'admin') {
      throw new UserError('forbidden', 'An IQA sets what happens when a qualification lapses.');
    }
    const now = wb.clock();
    await competenceStore(wb.workspace).changePolicy((policy) => {
      const next = { ...policy, ...change, ...stamp(actor, now) };
      const diff = changedFields(policy, next, ['updatedAt', 'updatedBy', 'audit']);
      if (!diff) return policy;
      const entry = auditEntry(actor, now, 'changed staff competence settings', 'settings', diff);
      return { ...next, audit: [...policy.audit, entry] };
    });
    return { saved: true };
  },
};
