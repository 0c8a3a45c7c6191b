import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { resolveInside } from '../../storage/resolve-inside';
import { securityHeaders } from './headers';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** Serves the built renderer, and nothing outside its folder. */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  let file: string;
  try {
    file = await resolveInside(root, relative);
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}
