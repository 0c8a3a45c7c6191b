import { readFile } from 'node:fs/promises';
import type { HandlerMap } from '../api/handler';
import { UserError } from '../kernel/user-error';
import { unitProgress } from '../decision/progress';
import { unitRef } from '../kernel/unit-label';
import { resolveInside } from '../storage/resolve-inside';
import { loadRecordSource } from './from-portfolio/record-source';
import { registeredUnits } from '../portfolio/registered-units';
import { sessionEvidence } from './from-portfolio/session-record-input';
import { planChoices, planSigner } from './from-portfolio/assessment-plan-input';
import { reviewChoices } from './from-portfolio/progress-review-input';
import { identityHandlers } from './identity-handlers';
import { rememberFor, signerFor } from './identity-store/signers';
import { checkRecordFile } from './issue/check-record-file';
import { assertMayCountersign, countersignIssued } from './issue/countersign-record';
import { issueRecord } from './issue/issue-record';
import { assertMaySignRecord } from './issue/may-sign';
import type { recordOperations } from './record-contract';
import { recordFilePreview } from './record-file-preview';
import { passphraseSource, view } from './record-handler-support';

const sessions = (items: { id: string; title: string; producedOn: string }[]) =>
  items.map(({ id, title, producedOn }) => ({ id, title, producedOn }));

export const recordHandlers: HandlerMap<keyof typeof recordOperations> = {
  ...identityHandlers,

  'record:choices': async ({ learnerId }, wb) => {
    const source = await loadRecordSource(wb.workspace, learnerId);
    return {
      units: registeredUnits(source).map(({ unit }) => ({
        id: unit.id,
        ref: unitRef(unit),
        title: unit.title,
        signedOff: unitProgress(source.portfolio, unit, source.centre.staff).signedOff,
      })),
      observations: sessions(sessionEvidence(source, 'observation')),
      discussions: sessions(sessionEvidence(source, 'discussion')),
      plans: planChoices(source.portfolio),
      reviews: reviewChoices(source.portfolio),
    };
  },

  'record:generate': async (input, wb) => {
    const workspace = wb.workspace;
    const learner = workspace.learner(input.learnerId);
    let signer;
    if (input.sign) {
      const { person, role } = wb.requireSignedIn();
      const portfolio = (await workspace.portfolio(learner.id)).data;
      const reg =
        input.kind === 'unit-record' && input.unitId
          ? portfolio.registrations.find((r) => r.unitId === input.unitId && !r.withdrawn)
          : input.kind === 'assessment-plan'
            ? planSigner(portfolio, input.id)
            : undefined;
      assertMaySignRecord(
        person,
        role,
        reg
          ? { learnerName: learner.name, assessorId: reg.assessorId, staff: workspace.centre.staff }
          : null,
      );
      const source = passphraseSource(wb, input.passphrase);
      signer = await signerFor(workspace, person, 'assessor', source);
      if (input.remember) await rememberFor(workspace, person, source);
    }
    const issued = await issueRecord(
      workspace,
      {
        learnerId: learner.id,
        kind: input.kind,
        ...(input.unitId ? { unit: input.unitId } : {}),
        ...(input.evidenceId ? { evidenceId: input.evidenceId } : {}),
        ...(input.id ? { id: input.id } : {}),
        format: input.format,
        ...(signer ? { signer } : {}),
      },
      wb.actor(),
      wb.clock(),
    );
    return view(issued.entry, learner.name);
  },

  'record:countersign': async (input, wb) => {
    const workspace = wb.workspace;
    const learner = workspace.learner(input.learnerId);
    const { person, role } = wb.requireSignedIn();
    // Only the person who proved who they are this session countersigns as themselves.
    wb.assertUnlocked('a countersignature');
    const doc = await workspace.portfolio(learner.id);
    const entry = doc.data.issuedRecords.findLast((r) => r.recordId === input.recordId);
    assertMayCountersign(person, role, entry);
    const source = passphraseSource(wb, input.passphrase);
    const signer = await signerFor(workspace, person, role, source);
    if (input.remember) await rememberFor(workspace, person, source);
    const updated = await countersignIssued(
      workspace,
      learner.id,
      input.recordId,
      signer,
      wb.actor(),
      wb.clock(),
    );
    return view(updated, learner.name);
  },

  'record:verify': async (input, wb) => {
    const workspace = wb.workspace;
    if ('recordId' in input) {
      const doc = await workspace.portfolio(input.learnerId);
      const entry = doc.data.issuedRecords.findLast((r) => r.recordId === input.recordId);
      if (!entry)
        throw new UserError('not-found', 'That record was not issued from this portfolio.');
      const file = await resolveInside(
        await workspace.portfolioFolder(input.learnerId),
        entry.file,
      );
      const bytes = await readFile(file).catch(() => {
        throw new UserError(
          'not-found',
          `The file of record ${entry.recordId} is missing from the records folder.`,
        );
      });
      return checkRecordFile(new Uint8Array(bytes), entry.file, workspace);
    }
    const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
    if (bytes.length === 0) throw new UserError('invalid-input', 'The chosen file is empty.');
    return checkRecordFile(bytes, input.fileName, workspace);
  },

  'record:list': async ({ learnerId }, wb) => {
    const workspace = wb.workspace;
    const learners = workspace.centre.learners.filter((l) =>
      learnerId ? l.id === learnerId : !l.archived,
    );
    const lists = await Promise.all(
      learners.map((l) =>
        workspace.portfolios
          .summarise(l, (p) => p.issuedRecords.map((e) => view(e, l.name)))
          .catch(() => []),
      ),
    );
    return lists.flat().sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  },

  'record:preview': async ({ learnerId, recordId }, wb) => {
    const workspace = wb.workspace;
    const doc = await workspace.portfolio(learnerId);
    const entry = doc.data.issuedRecords.findLast((r) => r.recordId === recordId);
    if (!entry) throw new UserError('not-found', 'That record was not issued from this portfolio.');
    const file = await resolveInside(await workspace.portfolioFolder(learnerId), entry.file);
    return recordFilePreview(
      wb.tickets,
      file,
      entry.format,
      view(entry, '').fileName,
      `The file of record ${recordId} could not be read. It may have been moved or damaged.`,
    );
  },
};
