#!/usr/bin/env node
// `npm run bench`: runs the benchmarks from their TypeScript sources.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/bench/main.ts');
