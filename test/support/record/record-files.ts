import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordFonts } from '../../../src-main/record';
import { loadRecordFonts } from '../../../src-main/record';
import { evidenceFiles } from './record-inputs';

let fonts: Promise<RecordFonts> | null = null;

/** The bundled fonts, read once per test file. */
export function recordFonts(): Promise<RecordFonts> {
  fonts ??= loadRecordFonts();
  return fonts;
}

/** Writes the synthetic evidence files the fixtures' manifests list, as a learner's folder would hold them. */
export async function writeEvidence(dir: string): Promise<string> {
  const evidenceDir = path.join(dir, 'evidence');
  for (const [name, body] of Object.entries(evidenceFiles)) {
    const file = path.join(evidenceDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  return evidenceDir;
}
