#!/usr/bin/env node
// Entry point of the `twintext` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../server/cli/main.ts');
await run(process.argv.slice(2));
