import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../api/dispatcher';
import { failure } from '../../kernel/result';
import type { Workbench } from '../../app/workbench';
import { FILE_ROUTE } from '../../evidence/file-tickets';
import { hostAllowed, tokenAllowed } from './guards';
import { sendJson } from './respond';
import { serveStatic } from './static-files';
import type * as ApiRoutes from './api-routes';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Where the browser posts a file to stage it; routed without loading the domain code first. */
export const UPLOAD_PATH = '/upload';
/** Larger than any evidence video a centre keeps (a whole observed shift in HD). */
const MAX_UPLOAD_BYTES = 32 * 1024 ** 3;

export interface HttpHostOptions {
  workbench: Workbench;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only by tests; otherwise a new random token per launch. */
  token?: string;
  /** The largest file an upload may send; lowered only by tests. */
  maxUploadBytes?: number;
}

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** What every request is answered with: the token, the options, and the operations once loaded. */
interface HostContext {
  options: HttpHostOptions;
  token: string;
  loadRoutes: () => Promise<typeof ApiRoutes>;
  dispatch: Dispatch;
}

/** `POST /upload`: a file staged for an operation to use, behind the token. */
async function handleUploadRoute(ctx: HostContext, req: IncomingMessage, res: ServerResponse) {
  if (!tokenAllowed(req, ctx.token)) {
    req.resume();
    sendJson(res, 401, failure('forbidden', 'This upload did not carry the access token.'));
  } else if (req.method !== 'POST') {
    req.resume();
    sendJson(res, 405, failure('forbidden', 'Files are uploaded with POST.'));
  } else {
    const limit = ctx.options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    await (await ctx.loadRoutes()).handleUpload(req, res, ctx.options.workbench, limit);
  }
}

/** `POST /api/<operation>`: a JSON body in, the operation's result out. */
async function handleApi(
  ctx: HostContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
) {
  if (!tokenAllowed(req, ctx.token)) {
    sendJson(
      res,
      401,
      failure(
        'forbidden',
        'Open the workbench from the address it printed (it carries the access token).',
      ),
    );
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, failure('forbidden', 'Operations are called with POST.'));
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.length ? JSON.parse(body) : {};
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      const limit = `${MAX_BODY_BYTES / 1024 / 1024} MB`;
      sendJson(res, 413, failure('invalid-input', `That request is larger than ${limit}.`));
    } else sendJson(res, 400, failure('invalid-input', 'The request was not valid JSON.'));
    return;
  }
  const result = await ctx.dispatch(name, input);
  const status = result.ok ? 200 : result.error.code === 'unknown-operation' ? 404 : 200;
  sendJson(res, status, result);
}

async function handle(
  ctx: HostContext,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!hostAllowed(req, port)) {
    sendJson(res, 403, failure('forbidden', 'This address is not the workbench.'));
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (!decodable(url.pathname)) {
    req.resume();
    sendJson(res, 400, failure('invalid-input', 'That address is not one the workbench uses.'));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    await handleApi(ctx, req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    return;
  }
  if (url.pathname === UPLOAD_PATH) {
    await handleUploadRoute(ctx, req, res);
    return;
  }
  if (url.pathname.startsWith(FILE_ROUTE) && (req.method === 'GET' || req.method === 'HEAD')) {
    // The ticket stands in for the token: an <img> or <video> cannot send a header.
    const { handleEvidenceFile } = await ctx.loadRoutes();
    const ticket = url.pathname.slice(FILE_ROUTE.length);
    await handleEvidenceFile(req, res, ctx.options.workbench, ticket);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, failure('forbidden', 'Only GET is served here.'));
    return;
  }
  await serveStatic(ctx.options.rendererDir, url.pathname, res);
}

/** The workbench over loopback HTTP: the same operations as the desktop app, for a browser. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let routes: Promise<typeof ApiRoutes> | null = null;
  const loadRoutes = () => (routes ??= import('./api-routes'));
  let dispatcher: Dispatch | null = null;
  const dispatch: Dispatch = async (name, input) => {
    dispatcher ??= (await loadRoutes()).createDispatcher(options.workbench);
    return dispatcher(name, input);
  };
  const ctx: HostContext = { options, token, loadRoutes, dispatch };
  let port = 0;

  const server: Server = createServer((req, res) => {
    void handle(ctx, port, req, res).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, failure('internal', 'The workbench could not answer.'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Load the operations now, while the person opens the address.
  void loadRoutes().catch(() => undefined);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

class BodyTooLarge extends Error {}

/**
 * Reads a request's body. One over the limit is read to its end and dropped, not cut off, so the
 * sender gets the answer saying why rather than a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new BodyTooLarge())
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}
