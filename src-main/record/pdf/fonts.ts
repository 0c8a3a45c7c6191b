import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultResourcesDir } from '../../shared/paths';

/** The TrueType files the records print with: DejaVu Sans covers Latin, Greek and Vietnamese. */
export interface RecordFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export async function loadRecordFonts(resourcesDir = defaultResourcesDir()): Promise<RecordFonts> {
  const dir = path.join(resourcesDir, 'fonts');
  const [regular, bold] = await Promise.all([
    readFile(path.join(dir, 'DejaVuSans.ttf')),
    readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
