#!/usr/bin/env node
// `npm start`: build, then open the desktop app. `npm install` runs no package's install script
// (see .npmrc), so the Electron runtime is fetched here, on the first start that can reach it.
// Where it cannot be had (offline, a locked-down network), the same workbench is served to the
// browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function run(command, args, options = { stdio: 'inherit' }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function electronBinary() {
  try {
    // Resolved afresh each time: the package reads path.txt, written by its download.
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Electron's own download step (it checks the runtime against the checksums it ships). */
async function fetchElectron() {
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return null;
  }
  console.error('Fetching the Electron desktop runtime (first start only)…');
  // Its failure is a long network stack trace: the one line below says what matters.
  await run(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'ignore'] });
  return electronBinary();
}

const electronVite = new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)
  .pathname;
const built = await run(process.execPath, [electronVite, 'build']);
if (built !== 0) process.exit(built);

const electron = electronBinary() ?? (await fetchElectron());
if (electron) {
  process.exit(await run(electron, ['.']));
}
console.error(
  'The Electron runtime could not be downloaded here (offline or a blocked network), so the workbench opens in your browser instead.',
);
process.exit(
  await run(process.execPath, [
    new URL('../bin/workbench.mjs', import.meta.url).pathname,
    'web',
    ...process.argv.slice(2),
  ]),
);
