#!/usr/bin/env node
// The `workbench` command: runs the command line from its bundle, rebuilt first when its sources changed.
import { pathToFileURL } from 'node:url';
import { cliBundle } from '../scripts/cli-bundle.mjs';

const { main } = await import(pathToFileURL(await cliBundle()).href);
process.exitCode = await main(process.argv.slice(2));
