// Entry point of an alignment worker thread (server/ops/align-batch.ts), bundled or from source.
import { load } from './load.js';

await load('align-worker.mjs', 'server/ops/align-worker.ts');
