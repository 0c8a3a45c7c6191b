import { UserError } from '../kernel/user-error';
import { openInItsProgram } from '../evidence/open-file';
import { previewFile, type EvidencePreview } from '../evidence/preview';
import type { Workbench } from '../app/workbench';
import { competenceStore } from './competence-store';
import { staffMemberOf } from './staff-record-view';

interface CpdFileRef {
  personId: string;
  cpdId: string;
  sha256: string;
}

/** Where a CPD entry's file is on disk (inside the person's folder), with what was kept of it. */
async function cpdFile(wb: Workbench, ref: CpdFileRef) {
  staffMemberOf(wb.workspace, ref.personId);
  const store = competenceStore(wb.workspace);
  const record = await store.readStaffRecord(ref.personId);
  const entry = record?.cpd.find((c) => c.id === ref.cpdId);
  const kept = entry?.evidence.find((f) => f.sha256 === ref.sha256);
  if (!entry || !kept) {
    throw new UserError('not-found', 'That file is not on this CPD entry any more.');
  }
  return { entry, kept, file: await store.staffFile(ref.personId, kept.path) };
}

/** A CPD certificate or note shown in place, through the same ticketed route as evidence. */
export async function previewCpdFile(wb: Workbench, ref: CpdFileRef): Promise<EvidencePreview> {
  const { entry, kept, file } = await cpdFile(wb, ref);
  try {
    return await previewFile(file, kept, wb.tickets);
  } catch {
    throw new UserError(
      'unreadable-file',
      `The file of the CPD entry "${entry.activity}" could not be read for a preview. It may have been moved or damaged; check the staff folder.`,
    );
  }
}

/** Opens a CPD file in its own program; a file that could run a program is shown in its folder. */
export async function openCpdFile(
  wb: Workbench,
  ref: CpdFileRef,
): Promise<{ opened: boolean; shownInFolder: boolean }> {
  return openInItsProgram(wb.host, async () => (await cpdFile(wb, ref)).file);
}
