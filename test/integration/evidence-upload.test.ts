import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OperationName, ResultOf } from '../../src-main/api/contract';
import type { Workbench } from '../../src-main/app/workbench';
import type { ApiResult } from '../../src-main/kernel/result';
import { startHttpHost, type HttpHost } from '../../src-main/hosts/http/http-host';
import { stagingFolder } from '../../src-main/storage/staging';
import { useTempDirs } from '../support/temp-dir';
import { until } from '../support/wait-for';
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

  const fileName = encodeURIComponent('till-receipt.txt');
  const details = {
    title: 'Till receipt notes',
    producedOn: '2026-11-21',
    method: 'product evidence' as const,
  };

  /** Calls an operation over the host, as the screen does, typed by the contract. */
  async function op<K extends OperationName>(
    name: K,
    input: InputOf<K>,
  ): Promise<ApiResult<ResultOf<K>>> {
    const answer = await send(host, {
      method: 'POST',
      path: `/api/${name}`,
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify(input)),
    });
    return JSON.parse(answer.body.toString()) as ApiResult<ResultOf<K>>;
  }

  /** The answer of an operation that must succeed. */
  async function opData<K extends OperationName>(name: K, input: InputOf<K>) {
    const answer = await op(name, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  }

  async function stagingLeft(): Promise<string[]> {
    return readdir(stagingFolder(workbench.workspace.dir)).catch(() => []);
  }

  it('streams an upload into the portfolio and serves it back through a ticket, with ranges', async () => {
    const learner = workbench.workspace.centre.learners[1]!;
    const body = Buffer.from('Refund given within 5 minutes; customer thanked.\n'.repeat(2000));
    const upload = await send(host, {
      method: 'POST',
      path: '/upload',
      headers: { Authorization: `Bearer ${host.token}`, 'X-Workbench-File-Name': fileName },
      body,
    });
    expect(upload.status).toBe(200);
    const { stagedId } = JSON.parse(upload.body.toString()).data;
    const { jobId } = await opData('evidence:add-staged', {
      learnerId: learner.id,
      stagedId,
      details,
    });
    const job = await until(async () => {
      const seen = await opData('evidence:job', { jobId });
      return seen.state === 'running' ? null : seen;
    });
    expect(job.state).toBe('done');
    const data = { id: job.evidenceId as string };
    // The staged copy became the evidence file: nothing is left waiting, and the id is spent.
    expect(await stagingLeft()).toEqual([]);
    const again = await op('evidence:add-staged', { learnerId: learner.id, stagedId, details });
    expect(again.ok ? '' : again.error.message).toContain('no longer waiting');
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
      path: '/upload',
      headers: { 'X-Workbench-File-Name': fileName },
      body: Buffer.from('x'),
    });
    expect(without.status).toBe(401);
    const eqa = workbench.workspace.centre.staff.find((s) => s.roles.includes('eqa'))!;
    await workbench.signIn({ personId: eqa.id, role: 'eqa' });
    const readOnly = await send(host, {
      method: 'POST',
      path: '/upload',
      headers: { Authorization: `Bearer ${host.token}`, 'X-Workbench-File-Name': fileName },
      body: Buffer.from('x'),
    });
    expect(readOnly.status).toBe(403);
    expect((await workbench.workspace.portfolio(learner.id)).data.evidence).toHaveLength(5);
    expect(await stagingLeft()).toEqual([]);
  });

  it('refuses a file over the size limit, keeping nothing of it, and an id it never gave', async () => {
    await host.close();
    host = await startHttpHost({ workbench, rendererDir: await tempDir(), maxUploadBytes: 1024 });
    const learner = workbench.workspace.centre.learners[1]!;
    const headers = { Authorization: `Bearer ${host.token}`, 'X-Workbench-File-Name': fileName };
    // Said up front by its length, and found out only while it arrives (sent in chunks).
    const declared = await send(host, {
      method: 'POST',
      path: '/upload',
      headers,
      body: Buffer.alloc(4096, 1),
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString()).error.message).toContain('larger than 1 KB');
    const chunked = await send(host, {
      method: 'POST',
      path: '/upload',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(4096, 2),
    });
    expect(chunked.status).toBe(413);
    expect(await stagingLeft()).toEqual([]);
    const made = await op('evidence:add-staged', {
      learnerId: learner.id,
      stagedId: '../../etc/passwd',
      details,
    });
    expect(made.ok).toBe(false);
    expect((await workbench.workspace.portfolio(learner.id)).data.evidence).toHaveLength(5);
  });
});
