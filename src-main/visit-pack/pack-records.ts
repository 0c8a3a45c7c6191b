import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type {
  RecordSource,
  RegisteredUnit,
  CentreLibrary,
} from '../record/from-portfolio/record-source';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { sha256Hex } from '../record/issued/issued-record';
import { issueRecord } from '../record/issue/issue-record';
import type { RecordFonts } from '../record/pdf/fonts';
import { unitRef } from '../kernel/unit-label';
import { samplingReportFile } from '../sampling/sampling-report';
import type { PlanFile } from '../sampling/sampling-files';
import type { Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import type { PackFile } from './pack-model';

const recordTitles: Record<string, string> = {
  'unit-record': 'Unit assessment record',
  observation: 'Observation record',
  discussion: 'Professional discussion record',
  progress: 'Learner progress summary',
  'evidence-index': 'Evidence index',
  'assessment-plan': 'Assessment plan',
};

async function put(
  packDir: string,
  relative: string,
  bytes: Uint8Array,
  hashes: Map<string, string>,
) {
  const file = path.join(packDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  hashes.set(relative, sha256Hex(bytes));
}

/**
 * The records of one sampled unit: copies of every signed record issued from the portfolio for
 * it, exactly as issued; where none was signed, the unit assessment record issued now (unsigned,
 * or the last one again when nothing has changed), so the EQA always has the tracking sheet.
 */
export async function unitRecords(
  workspace: Workspace,
  source: RecordSource,
  { unit }: RegisteredUnit,
  folder: string,
  packDir: string,
  hashes: Map<string, string>,
  context: { actor: Actor; now: Date; fonts: RecordFonts; library: CentreLibrary },
): Promise<PackFile[]> {
  const ref = unitRef(unit);
  const files: PackFile[] = [];
  for (const entry of source.portfolio.issuedRecords) {
    if (entry.unitRef !== ref || entry.format !== 'pdf' || entry.signatures.length === 0) continue;
    const bytes = await readFile(path.join(source.portfolioDir, entry.file)).catch(() => null);
    if (!bytes || sha256Hex(bytes) !== entry.sha256) continue;
    const relative = `${folder}/records/${path.basename(entry.file)}`;
    await put(packDir, relative, bytes, hashes);
    files.push({
      path: relative,
      title: `${recordTitles[entry.kind] ?? 'Record'} ${entry.recordId} (${ref}), signed`,
      mediaType: 'application/pdf',
    });
  }
  if (files.length) return files;
  const issued = await issueRecord(
    workspace,
    { learnerId: source.learner.id, kind: 'unit-record', unit: unit.id, format: 'pdf' },
    context.actor,
    context.now,
    { fonts: context.fonts, library: context.library, unlessUnchanged: true },
  );
  const relative = `${folder}/records/${path.basename(issued.path)}`;
  await put(packDir, relative, issued.bytes, hashes);
  return [
    {
      path: relative,
      title: `Unit assessment record ${issued.entry.recordId} (${ref}), not signed`,
      mediaType: 'application/pdf',
    },
  ];
}

/**
 * The IQA sampling record of each reviewed sample in the visit, signed by the IQA when their
 * identity is given and they may seal it. The plan's whole report names every sampled learner,
 * so it stays out of the pack: index.html shows the plan with only the visit's learners named.
 */
export async function samplingRecords(
  workspace: Workspace,
  plan: PlanFile,
  sampleIds: readonly string[],
  packDir: string,
  hashes: Map<string, string>,
  context: { now: Date; identity: SigningIdentity | null; notes: string[] },
): Promise<PackFile[]> {
  const files: PackFile[] = [];
  for (const sampleId of sampleIds) {
    let bytes: Uint8Array;
    let signed = context.identity !== null;
    const make = (identity: SigningIdentity | null) =>
      samplingReportFile(workspace, plan.id, {
        format: 'pdf',
        now: context.now,
        sampleId,
        ...(identity ? { signing: { identity } } : {}),
      });
    try {
      bytes = await make(context.identity);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (error.code === 'not-found') continue; // not reviewed yet: no record to print
      if (error.code !== 'forbidden' || !context.identity) throw error;
      context.notes.push(`Sampling record of ${sampleId} is not signed: ${error.message}`);
      signed = false;
      bytes = await make(null);
    }
    const relative = `sampling/sampling-record-${sampleId}.pdf`;
    await put(packDir, relative, bytes, hashes);
    files.push({
      path: relative,
      title: `IQA sampling record ${sampleId}${signed ? ', signed' : ''}`,
      mediaType: 'application/pdf',
    });
  }
  return files;
}
