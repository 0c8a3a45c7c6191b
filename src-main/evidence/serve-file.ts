import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FileTickets } from './file-tickets';

export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Readable | null;
}

/** Evidence is shown, never run: a file's own scripts or styles get nowhere. */
const fileSecurity = {
  'Content-Security-Policy':
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Disposition': 'inline',
};

/**
 * Answers a ticketed file request, with byte ranges so a long video can be sought through
 * without loading all of it. Shared by the HTTP host and the desktop app's protocol.
 */
export async function answerFileRequest(
  tickets: FileTickets,
  ticketId: string,
  range: string | undefined,
): Promise<FileAnswer> {
  const ticket = tickets.redeem(ticketId);
  const notFound = {
    status: 404,
    headers: { ...fileSecurity, 'Content-Type': 'text/plain' },
    body: null,
  };
  if (!ticket) return notFound;
  let size: number;
  try {
    const info = await stat(ticket.file);
    if (!info.isFile()) return notFound;
    size = info.size;
  } catch {
    return notFound;
  }
  const headers = { ...fileSecurity, 'Content-Type': ticket.mediaType, 'Accept-Ranges': 'bytes' };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (match && (match[1] || match[2])) {
    let start = match[1] ? Number(match[1]) : size - Number(match[2]);
    let end = match[1] && match[2] ? Number(match[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start > end || start >= size) {
      return {
        status: 416,
        headers: { ...headers, 'Content-Range': `bytes */${size}` },
        body: null,
      };
    }
    return {
      status: 206,
      headers: {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': String(end - start + 1),
      },
      body: createReadStream(ticket.file, { start, end }),
    };
  }
  return {
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
    body: createReadStream(ticket.file),
  };
}
