import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src-main/hosts/http/http-host';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the test can send any Host header (fetch will not). */
function send(
  host: HttpHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the HTTP host', () => {
  const tempDir = useTempDirs();
  let host: HttpHost;
  let auth: Record<string, string>;

  beforeEach(async () => {
    const root = await tempDir();
    const rendererDir = path.join(root, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><title>Workbench</title>',
    );
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(root, 'secret.txt'), 'not for the browser');
    const workbench = await bootWorkbench(root);
    host = await startHttpHost({ workbench, rendererDir });
    auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
  });

  afterEach(async () => host.close());

  it('prints a loopback URL that carries the token in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers POST /api/centre:get with the token', async () => {
    const answer = await send(host, {
      method: 'POST',
      path: '/api/centre:get',
      headers: auth,
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: true,
      data: { name: 'Northgate Skills Centre (demo)' },
    });
  });

  it('refuses an API call without the token, or with a wrong one, with 401', async () => {
    const none = await send(host, { method: 'POST', path: '/api/centre:get', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await send(host, {
      method: 'POST',
      path: '/api/centre:get',
      headers: { Authorization: `Bearer ${'x'.repeat(host.token.length)}` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain('Northgate');
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1.evil.example:${host.port}`,
    ]) {
      const answer = await send(host, {
        method: 'POST',
        path: '/api/centre:get',
        headers: { ...auth, Host: hostHeader },
        body: '{}',
      });
      expect(answer.status).toBe(403);
    }
    const page = await send(host, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('sends no CORS headers, even when asked from another origin', async () => {
    const answer = await send(host, {
      method: 'POST',
      path: '/api/centre:get',
      headers: { ...auth, Origin: 'https://evil.example' },
      body: '{}',
    });
    const cors = Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'));
    expect(cors).toEqual([]);
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves the built renderer and nothing outside it', async () => {
    const index = await send(host, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Workbench</title>');
    expect((await send(host, { path: '/assets/app.js' })).headers['content-type']).toContain(
      'text/javascript',
    );
    for (const escape of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2fetc%2fpasswd',
    ]) {
      const answer = await send(host, { path: escape });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('not for the browser');
    }
  });

  it('answers bad requests plainly', async () => {
    const unknown = await send(host, {
      method: 'POST',
      path: '/api/centre:explode',
      headers: auth,
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown-operation');
    const badJson = await send(host, {
      method: 'POST',
      path: '/api/centre:get',
      headers: auth,
      body: '{',
    });
    expect(badJson.status).toBe(400);
    const get = await send(host, { path: '/api/centre:get', headers: auth });
    expect(get.status).toBe(405);
    const badInput = await send(host, {
      method: 'POST',
      path: '/api/workspace:open',
      headers: auth,
      body: '{"dir":""}',
    });
    expect(JSON.parse(badInput.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'That could not be used: Give the folder of the workspace.',
      },
    });
  });

  it('answers a malformed address with 400 and an oversized body with 413, in JSON', async () => {
    for (const bad of ['/api/centre%3Aget%E0%A4%A', '/assets/%E0%A4%A.js']) {
      const answer = await send(host, { method: 'POST', path: bad, headers: auth, body: '{}' });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    const huge = await send(host, {
      method: 'POST',
      path: '/api/centre:get',
      headers: auth,
      body: `{"padding":"${'x'.repeat(20 * 1024 * 1024)}"}`,
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toBe('That request is larger than 5 MB.');
  });
});
