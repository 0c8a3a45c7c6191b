import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../src-main/app/workbench';
import { startHttpHost, type HttpHost } from '../../src-main/hosts/http/http-host';
import { useTempDirs } from '../support/temp-dir';
import { bootWorkbench } from '../support/workbench';

function send(
  host: HttpHost,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('evidence over the HTTP host', () => {
  const tempDir = useTempDirs();
  let host: HttpHost;
  let workbench: Workbench;
  beforeEach(async () => {
    workbench = await bootWorkbench(await tempDir());
    host = await startHttpHost({ workbench, rendererDir: await tempDir() });
  });
  afterEach(() => host.close());

  const meta = (learnerId: string) =>
    encodeURIComponent(
      JSON.stringify({
        learnerId,
        originalName: 'till-receipt.txt',
        details: {
          title: 'Till receipt notes',
          producedOn: '2026-11-21',
          method: 'product evidence',
        },
      }),
    );

  it('streams an upload into the portfolio and serves it back through a ticket, with ranges', async () => {
    const learner = workbench.workspace.centre.learners[1]!;
    const body = Buffer.from('Refund given within 5 minutes; customer thanked.\n'.repeat(2000));
    const upload = await send(host, {
      method: 'POST',
      path: '/upload/evidence',
      headers: { Authorization: `Bearer ${host.token}`, 'X-Workbench-Evidence': meta(learner.id) },
      body,
    });
    expect(upload.status).toBe(200);
    const { data } = JSON.parse(upload.body.toString());
    const saved = (await workbench.workspace.portfolio(learner.id)).data.evidence.find(
      (e) => e.id === data.id,
    )!;
    expect(saved.file?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    const onDisk = path.join(workbench.workspace.dir, learner.portfolio, saved.file!.path);
    expect(await readFile(onDisk)).toEqual(body);

    const preview = await send(host, {
      method: 'POST',
      path: '/api/evidence:preview',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify({ learnerId: learner.id, evidenceId: data.id })),
    });
    const shown = JSON.parse(preview.body.toString()).data;
    expect(shown.kind).toBe('text');
    expect(shown.text).toContain('Refund given');
    const part = await send(host, {
      method: 'GET',
      path: shown.url,
      headers: { Range: 'bytes=0-5' },
    });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe('Refund');
    expect(part.headers['content-security-policy']).toContain('sandbox');
    expect((await send(host, { method: 'GET', path: '/evidence-file/made-up' })).status).toBe(404);
  });

  it('refuses an upload without the token, and one from an EQA', async () => {
    const learner = workbench.workspace.centre.learners[1]!;
    const without = await send(host, {
      method: 'POST',
      path: '/upload/evidence',
      headers: { 'X-Workbench-Evidence': meta(learner.id) },
      body: Buffer.from('x'),
    });
    expect(without.status).toBe(401);
    const eqa = workbench.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
    await workbench.signIn({ personId: eqa.id, role: 'eqa' });
    const readOnly = await send(host, {
      method: 'POST',
      path: '/upload/evidence',
      headers: { Authorization: `Bearer ${host.token}`, 'X-Workbench-Evidence': meta(learner.id) },
      body: Buffer.from('x'),
    });
    expect(readOnly.status).toBe(403);
    expect((await workbench.workspace.portfolio(learner.id)).data.evidence).toHaveLength(5);
  });
});
