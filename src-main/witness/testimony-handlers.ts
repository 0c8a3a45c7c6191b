import type { HandlerMap } from '../api/handler';
import { unitRef } from '../kernel/unit-label';
import { loadRecordFonts } from '../record/pdf/fonts';
import { listTemplates, saveTemplate } from './template-store';
import { recordAuthenticity, withdrawForm } from './testimony';
import type { testimonyOperations } from './testimony-contract';
import { importReturnedFile } from './import-returned';
import { makeForm, saveReturned } from './testimony-service';
import { factsOf, testimonyFlags } from '../decision/witness-rules';

const strip = <T extends { updatedAt: string; updatedBy: string }>({
  updatedAt: _a,
  updatedBy: _b,
  ...rest
}: T) => rest;

export const testimonyHandlers: HandlerMap<keyof typeof testimonyOperations> = {
  'witness:templates': async (_input, wb) => listTemplates(wb.workspace.dir),

  'witness:template-save': async ({ templateId, content }, wb) => {
    const saved = await saveTemplate(wb.workspace.dir, templateId, content, wb.actor(), wb.clock());
    return { id: saved.id, version: saved.version };
  },

  'witness:testimonies': async ({ learnerId }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    const { units } = await wb.workspace.listUnits();
    const p = doc.data;
    return {
      forms: p.witnessForms.map((f) => {
        const unit = units.find((u) => u.id === f.unitId && u.version === f.unitVersion);
        return {
          ...strip(f),
          unitTitle: unit?.title ?? f.unitId,
          unitRef: unit ? unitRef(unit) : f.unitId,
        };
      }),
      testimonies: p.testimonies.map((t) => {
        const evidence = p.evidence.find((e) => e.id === t.evidenceId);
        const title = evidence?.title ?? 'Witness testimony';
        return {
          ...strip(t),
          evidenceTitle: title,
          hasFile: Boolean(evidence?.file),
          flags: testimonyFlags(title, factsOf(t)),
        };
      }),
      plans: p.assessmentPlans.map(strip),
    };
  },

  'witness:form': async (input, wb) => {
    const made = await makeForm(
      wb.workspace,
      input,
      await loadRecordFonts(wb.paths.resourcesDir),
      wb.actor(),
      wb.clock(),
    );
    return {
      formId: made.form.id,
      fileName: made.fileName,
      mediaType: made.mediaType,
      base64: Buffer.from(made.bytes).toString('base64'),
    };
  },

  'witness:withdraw-form': async ({ learnerId, formId }, wb) => {
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update((p) => withdrawForm(p, formId, wb.actor(), wb.clock()));
    return { id: formId };
  },

  'witness:record-typed': async ({ learnerId, typed }, wb) => {
    const saved = await saveReturned(
      wb.workspace,
      learnerId,
      typed,
      'typed',
      null,
      wb.actor(),
      wb.clock(),
    );
    return { evidenceId: saved.evidence.id };
  },

  'witness:import-staged': async ({ learnerId, stagedId, typed }, wb) => {
    const taken = wb.staged.take(stagedId);
    const file = taken.kind === 'received' ? taken.received.tempFile : taken.file;
    try {
      const saved = await importReturnedFile(
        wb.workspace,
        learnerId,
        file,
        taken.originalName,
        typed,
        wb.actor(),
        wb.clock(),
      );
      return { evidenceId: saved.evidence.id };
    } finally {
      // A staged copy goes whatever the answer: the evidence, if kept, has its own.
      if (taken.kind === 'received') await taken.release();
    }
  },

  'witness:authenticity': async ({ learnerId, testimonyId, checkedOn, how }, wb) => {
    const actor = wb.actor();
    const name = wb.workspace.centre.staff.find((s) => s.id === actor.id)?.name ?? actor.id;
    const doc = await wb.workspace.portfolio(learnerId);
    await doc.update((p) =>
      recordAuthenticity(p, testimonyId, { checkedBy: name, checkedOn, how }, actor, wb.clock()),
    );
    return { id: testimonyId };
  },
};
