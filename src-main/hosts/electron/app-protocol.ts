import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../content-security-policy';
import { FILE_ROUTE, type FileTickets } from '../../evidence/file-tickets';
import { resolveInside } from '../../storage/resolve-inside';
import { evidenceFileResponse } from './evidence-glue';
import { APP_HOST, APP_SCHEME } from './trusted-origin';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready: app:// behaves as a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://workbench/, and only files inside its folder. */
export function serveRenderer(rendererDir: string, tickets?: FileTickets): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (tickets && url.pathname.startsWith(FILE_ROUTE)) {
      return evidenceFileResponse(
        tickets,
        url.pathname.slice(FILE_ROUTE.length),
        request.headers.get('range'),
      );
    }
    try {
      const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
      const file = await resolveInside(rendererDir, relative);
      return new Response(await readFile(file), {
        headers: {
          'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
