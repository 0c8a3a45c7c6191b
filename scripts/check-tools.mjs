#!/usr/bin/env node
// The first step of `npm test`: the tests prove behaviour with the programs people who check
// records really use, so a missing one is named here, in one line, not deep inside a test.
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

/** Each program the tests run, with the Debian package that provides it. */
const TOOLS = Object.entries(
  JSON.parse(readFileSync(new URL('./system-tools.json', import.meta.url), 'utf8')),
);

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(program) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && executable(path.join(dir, program)));
}

function installed(program) {
  // The end-to-end tests take Chromium from CHROMIUM_PATH when it is set (see playwright.config.ts).
  if (program === 'chromium') return executable(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  return onPath(program);
}

const missing = TOOLS.filter(([program]) => !installed(program));
if (missing.length) {
  const packages = [...new Set(missing.map(([, debian]) => debian))];
  console.error(
    `npm test needs ${missing.map(([program]) => program).join(', ')}, not installed here: install them with apt-get install ${packages.join(' ')} (see README, Requirements).`,
  );
  process.exit(1);
}
