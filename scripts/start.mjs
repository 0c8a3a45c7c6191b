#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where the Electron runtime could not be
// installed (its download needs a network this machine may not have), serve the same
// workbench to the browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronVite = new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)
  .pathname;
const built = await run(process.execPath, [electronVite, 'build']);
if (built !== 0) process.exit(built);

const electron = electronBinary();
if (electron) {
  process.exit(await run(electron, ['.']));
}
console.error(
  'The Electron runtime is not installed here (its download failed), so the workbench opens in your browser instead.',
);
process.exit(
  await run(process.execPath, [
    new URL('../bin/workbench.mjs', import.meta.url).pathname,
    'web',
    ...process.argv.slice(2),
  ]),
);
