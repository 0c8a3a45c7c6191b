import path from 'node:path';
import { findLearner } from '../../centre/find-learner';
import { roleLabels } from '../../centre/centre-schema';
import { formatDate } from '../../kernel/dates';
import { UserError } from '../../kernel/user-error';
import { openP12 } from '../../record/identity-store/identity-store';
import { eraseLearner } from '../../retention/erase';
import { retentionList } from '../../retention/retention-list';
import { Workspace } from '../../workspace/workspace';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';
import { signingOptions } from '../passphrase';

export const retentionHelp = `Usage: workbench retention DIR [--json]

Lists every learner whose data has passed a period of the centre's retention policy (evidence
files, portfolio and decisions, QA records, witness contact details, each counted from
certification, withdrawal or last activity): what has passed, what an erasure would take and
what must stay. Learners already erased are listed after them.`;

export async function retentionCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(argv, { json: { type: 'boolean' } }, retentionHelp, io);
  if (!args) return 0;
  const dir = args.only('workbench retention takes one workspace folder.');
  const workspace = await Workspace.open(path.resolve(dir));
  const list = await retentionList(workspace, new Date());
  if (args.has('json')) {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  const due = list.learners.filter((l) => l.scope !== null);
  io.out(
    due.length
      ? `${due.length} learner${due.length === 1 ? '' : 's'} past a retention period on ${formatDate(list.today)}:`
      : `No learner's data has passed its retention period on ${formatDate(list.today)}.`,
  );
  for (const l of list.learners) {
    io.out('');
    io.out(
      l.scope === null
        ? `${l.name} (${l.learnerId}): erased on ${formatDate(l.erasedOn)}`
        : `${l.name} (${l.learnerId}): may erase ${l.scope === 'learner' ? 'evidence and personal details' : 'evidence'}`,
    );
    for (const item of l.items.filter((i) => i.past)) {
      io.out(`  past: ${item.words} (${item.period}, ended ${formatDate(item.endsOn)})`);
    }
    for (const go of l.wouldGo) io.out(`  would go: ${go}`);
    for (const stay of l.mustStay) io.out(`  must stay: ${stay}`);
  }
  return 0;
}

export const eraseHelp = `Usage: workbench erase DIR --learner ID --reason TEXT [--evidence-only] [--on-request] --sign --identity FILE.p12 [--passphrase-file F]

Erases a learner's evidence files and personal details from every copy the workbench keeps,
keeping the decisions, the hashes of signatures and issued records, and the audit trail with
the learner pseudonymised. Writes a signed erasure record (erasures/<id>.pdf) and notes it on
the centre's audit trail. Only one of the centre's IQAs may erase, signing with their own
identity; the passphrase is read from --passphrase-file, else WORKBENCH_PASSPHRASE.

  --learner ID       the learner's id, ULN or exact name
  --reason TEXT      why, in words (printed on the erasure record)
  --evidence-only    erase the evidence (and its witnesses' details) but keep who the learner is
  --on-request       the learner asked, where the law allows, before the period ended`;

export async function eraseCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      learner: { type: 'string' },
      reason: { type: 'string' },
      'evidence-only': { type: 'boolean' },
      'on-request': { type: 'boolean' },
      ...signingOptions,
    },
    eraseHelp,
    io,
  );
  if (!args) return 0;
  const dir = args.only('workbench erase takes one workspace folder.');
  const wanted = args.required('learner', 'say whose data with --learner (id, ULN or name).');
  const reason = args.required('reason', 'say why with --reason TEXT.');
  if (!args.has('sign'))
    throw new UsageError('an erasure is sealed by the IQA erasing: add --sign.');
  const files = await args.signingFiles('the IQA signing identity');
  const workspace = await Workspace.open(path.resolve(dir));
  const learner = findLearner(workspace.centre, wanted);
  const identity = openP12(files!.p12, files!.passphrase);
  const name = identity.info.commonName;
  const person = workspace.centre.staff.find((s) => s.name === name && !s.archived);
  if (!person) {
    throw new UserError('forbidden', `${name} is not on this centre's staff, so cannot erase.`);
  }
  const result = await eraseLearner(
    workspace,
    {
      learnerId: learner.id,
      reason,
      scope: args.has('evidence-only') ? 'evidence' : 'learner',
      onRequest: args.has('on-request'),
    },
    person,
    { identity, name: person.name, role: roleLabels.iqa, personId: person.id },
    { id: person.id, role: 'iqa' },
    new Date(),
  );
  await Workspace.flushAll();
  io.out(
    `Erased ${result.evidenceErased} evidence item${result.evidenceErased === 1 ? '' : 's'}${result.scope === 'learner' ? ` and the personal details of ${learner.name}, now ${result.pseudonym}` : ` of ${learner.name}`}.`,
  );
  io.out(
    `Erasure record ${result.recordId}: ${path.join(workspace.dir, result.recordFile)} (signed).`,
  );
  io.out(
    `Files removed: ${result.filesRemoved.length}; copies rewritten: ${result.filesRewritten.length}.`,
  );
  return 0;
}
