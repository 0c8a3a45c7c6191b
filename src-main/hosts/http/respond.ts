import type { ServerResponse } from 'node:http';
import type { ApiResult } from '../../kernel/result';
import { securityHeaders } from './headers';

export function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
