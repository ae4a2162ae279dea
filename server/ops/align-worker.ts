// Worker thread of alignBatch (align-batch.ts): aligns the slices of documents it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { alignParagraphs, type AlignOptions } from '../core/align.ts';
import type { SliceRequest, SliceResult } from './align-batch.ts';

const opts = workerData as AlignOptions;
parentPort!.on('message', (req: SliceRequest) => {
  const result: SliceResult = { start: req.start, beads: req.docs.map((d) => alignParagraphs(d.src, d.tgt, opts)) };
  parentPort!.postMessage(result);
});
