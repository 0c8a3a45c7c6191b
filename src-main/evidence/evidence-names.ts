import path from 'node:path';
import { safeName } from '../storage/safe-name';

/** A file's extension, kept only when it is plain letters and digits (".PDF" becomes ".pdf"). */
export function safeExtension(originalName: string): string {
  const ext = path.extname(path.basename(originalName.replace(/\\/g, '/'))).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

/**
 * The readable name an evidence file gets in the portfolio: the date it was produced and its
 * title, e.g. "2026-05-03-customer-feedback-email.pdf". Whatever the original name held
 * (folders, "..", odd characters) never reaches the disk.
 */
export function evidenceFileName(title: string, producedOn: string, originalName: string): string {
  const stem = safeName(title, '') || safeName(path.parse(originalName).name, 'evidence');
  return `${producedOn}-${stem}${safeExtension(originalName)}`;
}

/** The nth alternative when a name is taken: "name.pdf", "name-2.pdf", "name-3.pdf"… */
export function numbered(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const ext = path.extname(fileName);
  return `${fileName.slice(0, fileName.length - ext.length)}-${n}${ext}`;
}
