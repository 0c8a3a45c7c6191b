import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../kernel/user-error';
import type { FileTickets } from '../../evidence/file-tickets';
import { recordFilePreview } from '../record-file-preview';
import type { RecordPreview } from '../record-views';
import { resolveInside } from '../../storage/resolve-inside';
import type { Workspace } from '../../workspace/workspace';
import { SAMPLING_FOLDER } from '../../sampling/sampling-files';

/** Where the Sampling page saves reports and records, inside the workspace. */
export const REPORTS_FOLDER = `${SAMPLING_FOLDER}/reports`;

/** `sampling-report-<plan>-<day>.pdf` or `sampling-record-<sample>-<day>.docx`, as saved. */
const savedName =
  /^sampling-(report|record)-((?:sp|sm)-[0-9a-f]+)-(\d{4}-\d{2}-\d{2})\.(pdf|docx)$/;

export interface SavedReport {
  /** The file inside the workspace, with forward slashes: what `sampling:open-report` takes. */
  path: string;
  fileName: string;
  what: 'report' | 'record';
  /** The plan (for a report) or the sample (for a record) it is about. */
  of: string;
  savedOn: string;
  format: 'pdf' | 'docx';
}

function parse(fileName: string): SavedReport | null {
  const match = savedName.exec(fileName);
  if (!match) return null;
  const [, what, of, savedOn, format] = match;
  if (!what || !of || !savedOn || !format) return null;
  return {
    path: `${REPORTS_FOLDER}/${fileName}`,
    fileName,
    what: what as SavedReport['what'],
    of,
    savedOn,
    format: format as SavedReport['format'],
  };
}

/** The reports of this plan and the records of its samples saved so far, newest first. */
export async function savedReports(
  workspace: Workspace,
  planId: string,
  sampleIds: readonly string[],
): Promise<SavedReport[]> {
  let names: string[];
  try {
    names = await readdir(await resolveInside(workspace.dir, REPORTS_FOLDER));
  } catch {
    return [];
  }
  const ours = new Set([planId, ...sampleIds]);
  return names
    .map(parse)
    .filter((r): r is SavedReport => r !== null && ours.has(r.of))
    .sort((a, b) => b.savedOn.localeCompare(a.savedOn) || a.fileName.localeCompare(b.fileName));
}

/**
 * A saved report for the screen to show: only a file the Sampling page saves, by its own kind of
 * name, inside the workspace's reports folder (a link pointing elsewhere is refused).
 */
export async function openSavedReport(
  workspace: Workspace,
  tickets: FileTickets,
  relative: string,
): Promise<RecordPreview> {
  const report = parse(path.posix.basename(relative));
  if (!report || relative !== report.path) {
    throw new UserError(
      'invalid-input',
      'Only sampling reports and records saved from the Sampling page can be opened here.',
    );
  }
  const file = await resolveInside(workspace.dir, report.path);
  const missing = `${report.fileName} is no longer in the workspace's ${REPORTS_FOLDER} folder. Save the report again.`;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    throw new UserError('not-found', missing);
  }
  return recordFilePreview(
    tickets,
    file,
    report.format,
    report.fileName,
    `${report.fileName} could not be read. It may be damaged; save the report again.`,
  );
}
