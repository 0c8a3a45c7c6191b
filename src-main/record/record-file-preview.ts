import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { UserError } from '../kernel/user-error';
import { FILE_ROUTE, type FileTickets } from '../evidence/file-tickets';
import { safeDocxHtml } from '../evidence/preview';
import type { RecordPreview } from './record-views';

const mediaTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A record file saved in the workspace, offered to the screen through the same short-lived,
 * unguessable ticket as an evidence preview; `file` must already be confined to its folder.
 * A Word file is also read into sanitised HTML, which the screen shows instead.
 */
export async function recordFilePreview(
  tickets: FileTickets,
  file: string,
  format: 'pdf' | 'docx',
  fileName: string,
  unreadable: string,
): Promise<RecordPreview> {
  let html: string | null = null;
  try {
    if (format === 'docx') {
      html = safeDocxHtml((await mammoth.convertToHtml({ buffer: await readFile(file) })).value);
    }
  } catch {
    throw new UserError('unreadable-file', unreadable);
  }
  return {
    kind: format,
    url: `${FILE_ROUTE}${tickets.issue(file, mediaTypes[format])}`,
    fileName,
    html,
  };
}
