// The command line runs from a bundle of its TypeScript sources in out/cli, built by esbuild in
// a fraction of a second whenever a source it was built from has changed since (or on first use
// after `npm install`), so `npx workbench` starts as fast as plain Node without a build step.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Two levels below the root, like out/main, so src-main/shared/paths.ts finds the root the same way.
const outDir = path.join(root, 'out', 'cli');
const entry = path.join(outDir, 'main.js');
// The source files the bundle was built from, with their sizes and modification times.
const stampFile = path.join(outDir, 'sources.json');

async function fingerprint(file) {
  const info = await stat(path.join(root, file));
  return `${info.size}:${info.mtimeMs}`;
}

async function isFresh() {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(stampFile, 'utf8'));
    await stat(entry);
  } catch {
    return false;
  }
  try {
    const now = await Promise.all(Object.keys(stamp).map(fingerprint));
    return Object.values(stamp).every((was, i) => was === now[i]);
  } catch {
    return false; // a source was moved or deleted
  }
}

/** Writes a file whole or not at all, so a second workbench starting at the same time never reads half of one. */
async function writeWhole(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

export async function buildCliBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src-main/cli/main.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Each command is its own chunk, loaded only when that command runs.
    splitting: true,
    chunkNames: '[name]-[hash]',
    packages: 'external',
    outdir: outDir,
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  await mkdir(outDir, { recursive: true });
  // Chunks are named by their content; the entry that loads them is written last.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === entry) - Number(b.path === entry),
  );
  for (const file of files) await writeWhole(file.path, file.contents);
  const sources = Object.keys(result.metafile.inputs).filter(
    (file) => !file.includes('node_modules'),
  );
  const stamp = Object.fromEntries(
    await Promise.all(sources.map(async (file) => [file, await fingerprint(file)])),
  );
  await writeWhole(stampFile, JSON.stringify(stamp));
  await removeOldChunks(new Set(files.map((file) => path.basename(file.path))));
}

/** Drops chunks of earlier builds, once no command started from one can still be loading it. */
async function removeOldChunks(current) {
  const aMinuteAgo = Date.now() - 60_000;
  for (const name of await readdir(outDir)) {
    if (!name.endsWith('.js') || current.has(name)) continue;
    const file = path.join(outDir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < aMinuteAgo) await rm(file, { force: true });
  }
}

/** The path of an up-to-date command-line bundle, building it first when needed. */
export async function cliBundle() {
  if (!(await isFresh())) await buildCliBundle();
  return entry;
}

// `node scripts/cli-bundle.mjs` (part of `npm run build`) builds it ahead of time.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCliBundle();
}
