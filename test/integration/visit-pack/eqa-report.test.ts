import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepVisitAction, visitActionItems } from '../../../src-main/visit-pack/visit-actions';
import { listVisits } from '../../../src-main/visit-pack/visit-store';
import type { PackData } from '../../../src-main/visit-pack/pack-model';
import { Workspace } from '../../../src-main/workspace/workspace';
import {
  EQA_NAME,
  fillAnswers,
  importReport,
  makeEqaIdentity,
  signReport,
} from '../../support/eqa-report';
import { pdfsigVerdicts, runTool } from '../../support/record/system-tools';
import { useTempDirs } from '../../support/temp-dir';
import { demoVisit, makePack } from '../../support/visit-pack';

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('the EQA’s signed report back', () => {
  const tempDir = useTempDirs();

  it('is signed with the EQA’s own identity, imported with its visit, and its actions join the loop', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'pack');
    await makePack(visit, pack);
    const packData = JSON.parse(await readFile(path.join(pack, 'pack.json'), 'utf8')) as PackData;
    const eqa = await makeEqaIdentity(root);

    const answers = await fillAnswers(pack, path.join(root, 'answers.json'), [
      {
        what: 'Record the agreed outcome in every standardisation minute.',
        owner: 'Margaret Ellis',
        due: inAMonth,
      },
      {
        what: 'Send the CPD log of each assessor to the EQA.',
        owner: 'Centre manager',
        due: inAMonth,
      },
    ]);
    const report = path.join(root, 'eqa-report.pdf');
    const signed = await signReport(answers, report, eqa);
    expect(signed.code, signed.text).toBe(0);

    // Valid (not trusted: the EQA's certificate is the awarding body's, not on this computer).
    expect(await pdfsigVerdicts(report)).toEqual(['Signature is Valid.']);
    const text = (await runTool('pdftotext', ['-layout', report, '-'])).stdout;
    expect(text).toContain('External quality assurance report');
    expect(text).toContain('Standardisation minutes lacked the agreed outcome');
    expect(text).toContain('Direct claims status maintained');
    expect(text).toContain('Low risk');
    expect(text).toContain('Disagree');

    const imported = await importReport(visit.dir, report);
    expect(imported.code, imported.text).toBe(0);

    const workspace = await Workspace.open(visit.dir);
    const { visits } = await listVisits(workspace);
    const kept = visits.find((v) => v.id === packData.visit.id)!;
    expect(kept.report?.report.findings).toHaveLength(2);
    expect(kept.report?.signer.name).toBe(EQA_NAME);
    expect(kept.report?.signer.issuer).toContain(EQA_NAME);
    const stored = await readFile(path.join(visit.dir, 'visits', kept.id, 'eqa-report.pdf'));
    expect(stored.equals(await readFile(report))).toBe(true);

    const iqa = workspace.centre.staff.find((s) => s.name === 'Margaret Ellis')!;
    // The demo's own past visit has its actions too; these are the ones from this report.
    const items = (await visitActionItems(workspace, new Date().toISOString().slice(0, 10))).filter(
      (i) => i.fromEqa?.visitId === kept.id,
    );
    expect(items.map((i) => [i.what, i.ownerName, i.state, i.due])).toEqual([
      [
        'Record the agreed outcome in every standardisation minute.',
        'Margaret Ellis',
        'open',
        inAMonth,
      ],
      [
        'Send the CPD log of each assessor to the EQA.',
        'Margaret Ellis (for “Centre manager”)',
        'open',
        inAMonth,
      ],
    ]);
    expect(items.every((i) => i.fromEqa?.eqaName === EQA_NAME)).toBe(true);

    // The same close-out loop: the owner answers, another IQA closes it.
    const answered = await stepVisitAction(
      workspace,
      kept.id,
      items[0]!.id,
      { kind: 'respond', text: 'Minutes now record the agreed outcome.' },
      { id: iqa.id, role: 'iqa' },
      new Date(),
    );
    expect(answered.state).toBe('answered');
    await expect(
      stepVisitAction(
        workspace,
        kept.id,
        items[0]!.id,
        { kind: 'close' },
        { id: iqa.id, role: 'iqa' },
        new Date(),
      ),
    ).rejects.toThrow(/cannot close an action point that is yours/);

    // A second import of the same file changes nothing.
    const again = await importReport(visit.dir, report);
    expect(again.code).toBe(2);
    expect(again.text).toContain('already been imported');
  });

  it('refuses a changed file, another centre’s visit, and a certificate the centre issued', async () => {
    const root = await tempDir();
    const visit = await demoVisit(root);
    const pack = path.join(root, 'pack');
    await makePack(visit, pack);
    const eqa = await makeEqaIdentity(root);

    const good = path.join(root, 'good.pdf');
    expect(
      (await signReport(await fillAnswers(pack, path.join(root, 'a.json'), []), good, eqa)).code,
    ).toBe(0);
    const bytes = await readFile(good);
    const tampered = Buffer.from(bytes);
    // One bit inside the signed bytes (in the report's first page, well before the signature).
    const at = tampered.indexOf('stream', 2000) + 40;
    tampered[at] = tampered[at]! ^ 0x01;
    const changed = path.join(root, 'changed.pdf');
    await writeFile(changed, tampered);
    const refusedChange = await importReport(visit.dir, changed);
    expect(refusedChange.code).toBe(2);
    expect(refusedChange.text).toMatch(/cannot be imported.*changed/s);

    const elsewhere = path.join(root, 'elsewhere.pdf');
    const otherCentre = await fillAnswers(pack, path.join(root, 'b.json'), [], (a) => {
      a.centreId = 'ce-another-centre';
      a.centreName = 'Riverside College';
    });
    expect((await signReport(otherCentre, elsewhere, eqa)).code).toBe(0);
    const refusedCentre = await importReport(visit.dir, elsewhere);
    expect(refusedCentre.code).toBe(2);
    expect(refusedCentre.text).toContain('another centre (Riverside College)');

    const noVisit = path.join(root, 'no-visit.pdf');
    const unknown = await fillAnswers(pack, path.join(root, 'c.json'), [], (a) => {
      a.visitId = 'vi-0000000000000000';
    });
    expect((await signReport(unknown, noVisit, eqa)).code).toBe(0);
    expect((await importReport(visit.dir, noVisit)).text).toContain('no record of that EQA visit');

    // Signed with an identity the centre issued (the IQA's): not an EQA's own.
    const centreIssued = path.join(root, 'centre-issued.pdf');
    const asIqa = await fillAnswers(pack, path.join(root, 'd.json'), [], (a) => {
      a.eqa = { name: 'Margaret Ellis', awardingBody: 'Northern Awarding Body' };
    });
    expect(
      (
        await signReport(asIqa, centreIssued, {
          p12: visit.iqaIdentity,
          passphraseFile: visit.passphraseFile,
        })
      ).code,
    ).toBe(0);
    expect((await importReport(visit.dir, centreIssued)).text).toContain(
      'certificate this centre issued',
    );

    // Nothing is signed until everything is decided.
    const unanswered = await fillAnswers(pack, path.join(root, 'e.json'), [], (a) => {
      a.riskRating = null;
    });
    const refusedSign = await signReport(unanswered, path.join(root, 'e.pdf'), eqa);
    expect(refusedSign.code).toBe(2);
    expect(refusedSign.text).toContain('the risk rating');

    const workspace = await Workspace.open(visit.dir);
    const { visits } = await listVisits(workspace);
    const { visit: packed } = JSON.parse(
      await readFile(path.join(pack, 'pack.json'), 'utf8'),
    ) as PackData;
    const ours = visits.find((v) => v.id === packed.id);
    expect(ours?.report).toBeNull();
    expect(ours?.actions).toEqual([]);
  });
});
