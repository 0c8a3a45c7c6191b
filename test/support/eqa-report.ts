import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src-main/cli/main';
import { generateIdentity } from '../../src-main/record/identity/generate-identity';
import { capture } from './visit-pack';

export const EQA_NAME = 'Priya Natarajan';
export const EQA_PASSPHRASE = 'eqa-own-passphrase';

function must(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The EQA's own identity: self-issued here as an awarding body's would be, never the centre's. */
export async function makeEqaIdentity(
  root: string,
): Promise<{ p12: string; passphraseFile: string }> {
  const made = generateIdentity({
    name: EQA_NAME,
    role: 'External quality assurer',
    organisation: 'Northern Awarding Body',
    passphrase: EQA_PASSPHRASE,
  });
  const p12 = path.join(root, 'eqa.p12');
  const passphraseFile = path.join(root, 'eqa-passphrase.txt');
  await writeFile(p12, made.p12);
  await writeFile(passphraseFile, `${EQA_PASSPHRASE}\n`);
  return { p12, passphraseFile };
}

export type Answers = Record<string, unknown> & {
  samples: { agreesWithAssessor: boolean | null; agreesWithIqa: boolean | null; comment: string }[];
};

/** `workbench eqa-report new` from the pack, filled in as an EQA would; `change` alters it. */
export async function fillAnswers(
  pack: string,
  out: string,
  actions: { what: string; owner: string; due: string }[],
  change: (answers: Answers) => void = () => {},
): Promise<string> {
  const run = capture();
  must((await main(['eqa-report', 'new', pack, '--out', out], run.io)) === 0, run.err.join('\n'));
  const answers = JSON.parse(await readFile(out, 'utf8')) as Answers;
  answers.eqa = { name: EQA_NAME, awardingBody: 'Northern Awarding Body' };
  answers.visitedOn = new Date().toISOString().slice(0, 10);
  answers.samples.forEach((s, i) => {
    s.agreesWithAssessor = true;
    s.agreesWithIqa = i !== 0;
    s.comment = i === 0 ? 'IQA feedback did not address the gap in 2.3.' : 'Sound decisions.';
  });
  answers.findings = [
    'Assessment decisions were valid, authentic and sufficient.',
    'Standardisation minutes lacked the agreed outcome for one activity.',
  ];
  answers.actions = actions;
  answers.riskRating = 'low';
  answers.directClaims = 'maintained';
  change(answers);
  await writeFile(out, JSON.stringify(answers));
  return out;
}

export async function signReport(
  answers: string,
  out: string,
  identity: { p12: string; passphraseFile: string },
): Promise<{ code: number; text: string }> {
  const run = capture();
  const code = await main(
    [
      'eqa-report',
      'sign',
      answers,
      '--out',
      out,
      '--identity',
      identity.p12,
      '--passphrase-file',
      identity.passphraseFile,
    ],
    run.io,
  );
  return { code, text: [...run.out, ...run.err].join('\n') };
}

export async function importReport(
  dir: string,
  file: string,
  by = 'Margaret Ellis',
): Promise<{ code: number; text: string }> {
  const run = capture();
  const code = await main(['eqa-report', 'import', dir, '--file', file, '--by', by], run.io);
  return { code, text: [...run.out, ...run.err].join('\n') };
}
