// Worker thread of alignBatch and alignFiles (align-batch.ts): aligns the slices it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { AlignOptions } from '../core/align.ts';
import { alignSlice, type SliceRequest } from './align-batch.ts';

const opts = workerData as AlignOptions;
parentPort!.on('message', (req: SliceRequest) => {
  // Slices arrive one after another; an error other than an unreadable file ends the worker, which
  // the calling thread reports.
  void alignSlice(req, opts).then((result) => parentPort!.postMessage(result));
});
