import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import type { Workbench } from '../../../src-main/app/workbench';
import { startHttpHost, type HttpHost } from '../../../src-main/hosts/http/http-host';
import { stagingFolder } from '../../../src-main/storage/staging';
import { fillForm } from '../../support/fill-witness-form';
import { useTempDirs } from '../../support/temp-dir';
import { bootWorkbench } from '../../support/workbench';

const run = promisify(execFile);

function post(
  host: HttpHost,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{
  status: number;
  json: {
    ok: boolean;
    data?: { stagedId: string; evidenceId: string };
    error?: { message: string };
  };
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path,
        headers: { Authorization: `Bearer ${host.token}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** As the screen sends a returned form: the file is staged, then `witness:import-staged` runs. */
async function upload(
  host: HttpHost,
  meta: { learnerId: string; originalName: string; typed?: unknown },
  body: Buffer,
): Promise<{
  status: number;
  json: { ok: boolean; data?: { evidenceId: string }; error?: { message: string } };
}> {
  const staged = await post(
    host,
    '/upload',
    { 'X-Workbench-File-Name': encodeURIComponent(meta.originalName) },
    body,
  );
  if (!staged.json.ok) return staged;
  const { learnerId, typed } = meta;
  const input = { learnerId, stagedId: staged.json.data!.stagedId, typed };
  return post(
    host,
    '/api/witness:import-staged',
    { 'Content-Type': 'application/json' },
    Buffer.from(JSON.stringify(input)),
  );
}

describe('returned witness forms over the HTTP host', () => {
  const tempDir = useTempDirs();
  let host: HttpHost;
  let workbench: Workbench;
  beforeEach(async () => {
    workbench = await bootWorkbench(await tempDir());
    host = await startHttpHost({ workbench, rendererDir: await tempDir() });
  });
  afterEach(() => host.close());

  async function makePdf(learnerId: string): Promise<Buffer> {
    const unitId = (await workbench.workspace.portfolio(learnerId)).data.registrations[0]!.unitId;
    const answer = await createDispatcher(workbench)('witness:form', {
      learnerId,
      unitId,
      criteria: ['7.1', '7.2'],
      witnessId: null,
      format: 'pdf',
    });
    if (!answer.ok) throw new Error(answer.error.message);
    return Buffer.from((answer.data as { base64: string }).base64, 'base64');
  }

  it('reads a filled PDF sent as the body, prints with the embedded font only, and leaves no temporary file', async () => {
    const learner = workbench.workspace.centre.learners.find(
      (l) => l.name === 'Siobhán Ní Bhriain',
    )!;
    const blank = await makePdf(learner.id);
    const filled = Buffer.from(
      await fillForm(
        blank,
        {
          witnessName: 'Siobhán Ní Bhriain’s manager Órla Ó Súilleabháin',
          description: 'Served customers.',
          contact: '0113',
        },
        ['criterion-2'],
      ),
    );
    const root = await tempDir();
    await writeFile(path.join(root, 'filled.pdf'), filled);
    const fonts = (await run('pdffonts', [path.join(root, 'filled.pdf')])).stdout;
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toMatch(/Helvetica|Times|Courier|ZapfDingbats/);
    await run('pdftoppm', [
      '-png',
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      path.join(root, 'filled.pdf'),
      path.join(root, 'page'),
    ]);
    expect((await readdir(root)).some((n) => n.startsWith('page') && n.endsWith('.png'))).toBe(
      true,
    );

    const answer = await upload(host, { learnerId: learner.id, originalName: 'back.pdf' }, filled);
    expect(answer.json.ok).toBe(true);
    const portfolio = (await workbench.workspace.portfolio(learner.id)).data;
    const testimony = portfolio.testimonies.find(
      (t) => t.evidenceId === answer.json.data!.evidenceId,
    )!;
    expect(testimony.witness.name).toBe('Siobhán Ní Bhriain’s manager Órla Ó Súilleabháin');
    expect(testimony.criteria.map((c) => c.criterionRef)).toEqual(['7.2']);
    const folder = await workbench.workspace.portfolioFolder(learner.id);
    expect(
      (await readdir(path.join(folder, 'evidence'))).filter((n) => n.startsWith('.incoming')),
    ).toEqual([]);
  });

  it('refuses a form for another learner with a message naming them, and keeps a typed-in scan with its file', async () => {
    const [first, second] = workbench.workspace.centre.learners;
    const blank = await makePdf(first!.id);
    const refused = await upload(host, { learnerId: second!.id, originalName: 'back.pdf' }, blank);
    expect(refused.json.ok).toBe(false);
    expect(refused.json.error!.message).toContain(`made for ${first!.name}`);
    const folder = await workbench.workspace.portfolioFolder(second!.id);
    expect(
      (await readdir(path.join(folder, 'evidence'))).filter((n) => n.startsWith('.incoming')),
    ).toEqual([]);
    expect(await readdir(stagingFolder(workbench.workspace.dir))).toEqual([]);

    const unitId = (await workbench.workspace.portfolio(second!.id)).data.registrations[0]!.unitId;
    const scan = Buffer.from('\xff\xd8\xff\xe0 a photographed paper form', 'latin1');
    const typed = {
      formId: null,
      unitId,
      activityDate: '2026-11-02',
      activityTime: '',
      venue: 'Shop floor',
      description: 'Handled a complaint calmly.',
      criteria: [{ criterionRef: '9.1', partRef: 'a', how: 'Logged it' }],
      witness: {
        witnessId: null,
        name: 'Sam Taylor',
        jobTitle: 'Supervisor',
        relationship: 'Supervisor',
        contact: '',
        competence: '',
        claimsExpert: false,
      },
      declaredNotRelated: true,
      declaredOwnAccount: true,
      signedOn: '2026-11-03',
      otherFields: {},
    };
    // The file is staged first; the typed-in testimony (longer than a header may be) follows.
    const long = { ...typed, description: 'Handled a complaint calmly. '.repeat(1200) };
    const kept = await upload(
      host,
      { learnerId: second!.id, originalName: 'scans/paper form.jpg', typed: long },
      scan,
    );
    if (!kept.json.ok) throw new Error(kept.json.error!.message);
    const keptId = kept.json.data!.evidenceId;
    const left = await readdir(path.join(folder, 'evidence'));
    expect(left.filter((n) => n.startsWith('.held-') || n.startsWith('.incoming'))).toEqual([]);
    expect(await readdir(stagingFolder(workbench.workspace.dir))).toEqual([]);
    const portfolio = (await workbench.workspace.portfolio(second!.id)).data;
    const evidence = portfolio.evidence.find((e) => e.id === keptId)!;
    expect(evidence.file?.originalName).toBe('paper form.jpg');
    expect(await readFile(path.join(folder, evidence.file!.path))).toEqual(scan);
    expect(portfolio.testimonies.find((t) => t.evidenceId === evidence.id)).toMatchObject({
      source: 'typed',
      venue: 'Shop floor',
    });
  });
});
