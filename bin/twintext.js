#!/usr/bin/env node
// Entry point of the `twintext` command (bundled, or from the TypeScript sources: see load.js).
import { load } from './load.js';

const { run } = await load('main.mjs', 'server/cli/main.ts');
await run(process.argv.slice(2));
