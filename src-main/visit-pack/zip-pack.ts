import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { UserError } from '../kernel/user-error';
import { filesUnder } from './pack-manifest';
import { ZipWriter } from './zip-writer';

/**
 * A .zip of the pack folder with the folder's name at its top, written beside it under a
 * temporary name and renamed once complete, so a half-written zip never has the final name.
 */
export async function zipFolder(dir: string, zipFile: string): Promise<string> {
  const temp = `${zipFile}.part`;
  const zip = await ZipWriter.create(temp);
  try {
    const top = path.basename(dir);
    for (const file of await filesUnder(dir))
      await zip.addFile(`${top}/${file}`, path.join(dir, file));
    await zip.close();
    await rename(temp, zipFile);
  } catch (error) {
    await zip.abandon();
    await rm(temp, { force: true });
    throw error;
  }
  return zipFile;
}

/**
 * Unpacks a pack's .zip into `into` and returns the pack folder inside it. Every name is checked
 * to stay inside `into`: a zip cannot write anywhere else.
 */
export async function unzipPack(zipFile: string, into: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(zipFile));
  } catch {
    throw new UserError(
      'invalid-input',
      `${path.basename(zipFile)} is not a zip file that can be read.`,
    );
  }
  const tops = new Set<string>();
  for (const entry of Object.values(zip.files)) {
    const target = path.resolve(into, entry.name);
    if (!target.startsWith(path.resolve(into) + path.sep)) {
      throw new UserError(
        'invalid-input',
        `${path.basename(zipFile)} holds a file outside its folder (${entry.name}).`,
      );
    }
    tops.add(entry.name.split('/')[0]!);
    if (entry.dir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
  }
  if (tops.size !== 1) {
    throw new UserError(
      'invalid-input',
      `${path.basename(zipFile)} is not a visit pack: it should hold one folder.`,
    );
  }
  return path.join(into, [...tops][0]!);
}
