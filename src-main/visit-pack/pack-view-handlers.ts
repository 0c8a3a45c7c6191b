import type { HandlerMap } from '../api/handler';
import { mediaTypeOf } from '../evidence/media-types';
import { previewFile } from '../evidence/preview';
import { loadRecordFonts } from '../record/pdf/fonts';
import { openEqaIdentityFor, signEqaReportFromForm } from './eqa-report-form';
import { packFilePath } from './open-pack';
import { packReportForm, packVisit } from './pack-report';
import type { packViewOperations } from './pack-view-contract';

export const packViewHandlers: HandlerMap<keyof typeof packViewOperations> = {
  'pack:view': async (_input, workbench) => {
    const { source, data, check } = workbench.requirePack();
    return {
      dir: source,
      zipped: /\.zip$/i.test(source),
      data,
      check: {
        ok: check.ok,
        signedBy: check.signedBy,
        problems: check.problems,
        notes: check.notes,
      },
    };
  },

  'pack:preview': async ({ path }, workbench) => {
    const pack = workbench.requirePack();
    const file = await packFilePath(pack, path);
    return previewFile(file, { path, mediaType: mediaTypeOf(path) }, workbench.tickets);
  },

  'pack:report-form': async (_input, workbench) => packReportForm(workbench.requirePack().data),

  'pack:sign-report': async ({ answers, identity }, workbench) => {
    const pack = workbench.requirePack();
    const opened = openEqaIdentityFor(
      pack.centreCertificate,
      Buffer.from(identity.contentBase64, 'base64'),
      identity.passphrase,
    );
    return signEqaReportFromForm(
      packVisit(pack.data),
      answers,
      opened,
      await loadRecordFonts(),
      workbench.clock(),
    );
  },
};
