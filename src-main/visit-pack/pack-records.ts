import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../kernel/user-error';
import type { RecordSource, CentreLibrary } from '../record/from-portfolio/record-source';
import type { RegisteredUnit } from '../portfolio/registered-units';
import type { SigningIdentity } from '../record/identity/signing-identity';
import { sha256Hex } from '../portfolio/issued-record';
import { issueRecord } from '../record/issue/issue-record';
import type { RecordFonts } from '../record/pdf/fonts';
import { unitRef } from '../kernel/unit-label';
import { samplingReportFile } from '../record/issue/sampling-report';
import type { PlanFile } from '../sampling/sampling-files';
import type { Actor } from '../shared/record';
import type { Workspace } from '../workspace/workspace';
import type { PackSink } from './pack-copy';
import type { PackFile } from './pack-model';

/** What each kind of issued record is called. */
export const recordTitles: Record<string, string> = {
  'unit-record': 'Unit assessment record',
  observation: 'Observation record',
  discussion: 'Professional discussion record',
  progress: 'Learner progress summary',
  'evidence-index': 'Evidence index',
  'assessment-plan': 'Assessment plan',
};

/** Where the records go: the pack folder, the hashes for its manifest, and the pack's zip. */
export interface PackOut {
  dir: string;
  hashes: Map<string, string>;
  zip?: PackSink;
}

/** Writes one file into a share and notes its SHA-256 for the manifest. */
export async function put(out: PackOut, relative: string, bytes: Uint8Array, sha256?: string) {
  const file = path.join(out.dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await Promise.all([writeFile(file, bytes), out.zip?.add(relative, bytes)]);
  out.hashes.set(relative, sha256 ?? sha256Hex(bytes));
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
  out: PackOut,
  context: {
    actor: Actor;
    now: Date;
    /** Loaded only when a record has to be issued: most units' signed records are copied. */
    fonts: () => Promise<RecordFonts>;
    library: CentreLibrary;
  },
): Promise<PackFile[]> {
  const ref = unitRef(unit);
  const files: PackFile[] = [];
  for (const entry of source.portfolio.issuedRecords) {
    if (entry.unitRef !== ref || entry.format !== 'pdf' || entry.signatures.length === 0) continue;
    const bytes = await readFile(path.join(source.portfolioDir, entry.file)).catch(() => null);
    if (!bytes || sha256Hex(bytes) !== entry.sha256) continue;
    const relative = `${folder}/records/${path.basename(entry.file)}`;
    await put(out, relative, bytes, entry.sha256);
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
    { fonts: await context.fonts(), library: context.library, unlessUnchanged: true },
  );
  const relative = `${folder}/records/${path.basename(issued.path)}`;
  await put(out, relative, issued.bytes);
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
  out: PackOut,
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
    await put(out, relative, bytes);
    files.push({
      path: relative,
      title: `IQA sampling record ${sampleId}${signed ? ', signed' : ''}`,
      mediaType: 'application/pdf',
    });
  }
  return files;
}
