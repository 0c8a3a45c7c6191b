import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import { addEvidence, updateEvidence } from './evidence-records';
import type { evidenceOperations } from './evidence-contract';
import { addEvidenceFile, evidenceFile } from './evidence-store';
import { openInItsProgram } from './open-file';
import { previewEvidence } from './preview';

export const evidenceHandlers: HandlerMap<keyof typeof evidenceOperations> = {
  'evidence:add-record': async ({ learnerId, details }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    let id = '';
    await doc.update((p) => {
      const result = addEvidence(p, details, null, wb.actor(), wb.clock());
      id = result.evidence.id;
      return result.portfolio;
    });
    return { id };
  },

  'evidence:update': async ({ learnerId, evidenceId, change }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update(
      (p) => updateEvidence(p, evidenceId, change, wb.actor(), wb.clock()).portfolio,
    );
    return { id: evidenceId };
  },

  'evidence:preview': async ({ learnerId, evidenceId }, wb) => {
    const { evidence, file } = await evidenceFile(wb.workspace, learnerId, evidenceId);
    try {
      return await previewEvidence(evidence, file, wb.tickets);
    } catch {
      throw new UserError(
        'unreadable-file',
        `The file of "${evidence.title}" could not be read for a preview. It may have been moved or damaged; check the evidence folder.`,
      );
    }
  },

  'evidence:choose-files': async (_input, wb) => {
    if (!wb.host.chooseFiles) {
      throw new UserError('unsupported', 'Drop the files on the page, or use "Choose files…".');
    }
    return wb.staged.chosen(await wb.host.chooseFiles());
  },

  'evidence:add-staged': async ({ learnerId, stagedId, details }, wb) => {
    const taken = wb.staged.take(stagedId);
    await wb.workspace.portfolio(learnerId).catch(async (error: unknown) => {
      if (taken.kind === 'received') await taken.release();
      throw error;
    });
    const { workspace, clock } = wb;
    const actor = wb.actor();
    const size = taken.kind === 'received' ? taken.received.size : taken.size;
    const source = taken.kind === 'received' ? { received: taken.received } : { file: taken.file };
    const jobId = wb.jobs.start(async (signal, onProgress) => {
      try {
        return await addEvidenceFile(
          workspace,
          learnerId,
          details,
          { originalName: taken.originalName, source, signal, onProgress, total: size },
          actor,
          clock,
        );
      } finally {
        if (taken.kind === 'received') await taken.release();
      }
    }, size);
    return { jobId };
  },

  'evidence:job': async ({ jobId }, wb) => wb.jobs.view(jobId),
  'evidence:cancel': async ({ jobId }, wb) => wb.jobs.cancel(jobId),

  'evidence:open-externally': async ({ learnerId, evidenceId }, wb) =>
    openInItsProgram(wb.host, async () => {
      const { file } = await evidenceFile(wb.workspace, learnerId, evidenceId);
      if (!file) throw new UserError('not-found', 'This evidence item has no file to open.');
      return file;
    }),
};
