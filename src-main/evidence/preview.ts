import { open, readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Evidence } from '../portfolio/evidence-schema';
import { FILE_ROUTE, type FileTickets } from './file-tickets';
import type { EvidencePreview } from './evidence-views';
import { previewKindOf } from './media-types';

export type { EvidencePreview };

const TEXT_LIMIT = 256 * 1024;

/**
 * mammoth writes a small, fixed set of tags with no scripts or event handlers; links are the
 * one way a document could smuggle in a `javascript:` address, so anything but web and mail
 * links loses its address.
 */
export function safeDocxHtml(html: string): string {
  return html.replace(/href="([^"]*)"/g, (whole, href: string) =>
    /^(https?:|mailto:|#)/i.test(href) ? whole : 'href="#"',
  );
}

const none = { url: null, mediaType: null, html: null, text: null, truncated: false };

export async function previewEvidence(
  evidence: Evidence,
  file: string | null,
  tickets: FileTickets,
): Promise<EvidencePreview> {
  if (!evidence.file || !file) return { kind: 'record', ...none, text: evidence.record };
  return previewFile(file, evidence.file, tickets);
}

/**
 * A kept file as the screen shows it, whoever keeps it (a learner's evidence, a CPD
 * certificate): a ticketed address for the file route, with DOCX and text read here.
 */
export async function previewFile(
  file: string,
  kept: { path: string; mediaType: string },
  tickets: FileTickets,
): Promise<EvidencePreview> {
  const kind = previewKindOf(kept.path);
  const url = `${FILE_ROUTE}${tickets.issue(file, kept.mediaType)}`;
  const base = { ...none, kind, url, mediaType: kept.mediaType };
  if (kind === 'docx') {
    const result = await mammoth.convertToHtml({ buffer: await readFile(file) });
    return { ...base, html: safeDocxHtml(result.value) };
  }
  if (kind === 'text') {
    // Only the start of a long log or transcript: the screen needs no more.
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(TEXT_LIMIT);
      const { bytesRead } = await handle.read(buffer, 0, TEXT_LIMIT, 0);
      const size = (await handle.stat()).size;
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      return { ...base, text, truncated: size > TEXT_LIMIT };
    } finally {
      await handle.close();
    }
  }
  return base;
}
