// Aligning a batch of documents (`twintext align --batch`): the documents are independent, so they
// are shared out, in slices, between the calling thread and worker threads, one per spare core.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { alignParagraphs, type AlignOptions } from '../core/align.ts';
import type { Bead } from '../core/types.ts';

export interface BatchDoc { src: string[]; tgt: string[] }
/** A slice of the batch sent to a worker, and what comes back. */
export interface SliceRequest { start: number; docs: BatchDoc[] }
export interface SliceResult { start: number; beads: Bead[][] }

/**
 * Below this many paragraphs in all, a worker's start-up (tens of milliseconds) costs more than it
 * saves, and the batch is aligned on the calling thread alone.
 */
const MIN_PARAGRAPHS_FOR_WORKERS = 4000;
/** Paragraphs per slice: small enough to balance the threads, large enough to amortise messages. */
const SLICE_PARAGRAPHS = 1500;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

function startWorker(opts: AlignOptions): Worker {
  // bin/align-worker.js loads the bundled worker, or its TypeScript source through tsx; it sits
  // two levels above both this file and the bundle's chunks in dist/cli.
  return new Worker(new URL('../../bin/align-worker.js', import.meta.url), { workerData: opts });
}

/**
 * Beads of every document, in order; the same as aligning them one by one with alignParagraphs
 * (each document is aligned on its own), only spread over `threads` threads.
 */
export async function alignBatch(
  docs: BatchDoc[],
  opts: AlignOptions,
  threads = defaultThreads(),
  /** Called after each slice with the number of documents aligned so far and the thread (0 = caller). */
  onSlice?: (done: number, thread: number) => void,
): Promise<Bead[][]> {
  const out: Bead[][] = new Array(docs.length);
  const total = docs.reduce((a, d) => a + d.src.length + d.tgt.length, 0) / 2;
  if (threads <= 1 || total < MIN_PARAGRAPHS_FOR_WORKERS) {
    const beads = docs.map((d) => alignParagraphs(d.src, d.tgt, opts));
    onSlice?.(docs.length, 0);
    return beads;
  }
  const slices: SliceRequest[] = [];
  for (let k = 0; k < docs.length; ) {
    const start = k;
    let size = 0;
    while (k < docs.length && (size === 0 || size < SLICE_PARAGRAPHS)) size += docs[k++]!.src.length;
    slices.push({ start, docs: docs.slice(start, k) });
  }
  let next = 0, done = 0;
  const workers = Array.from({ length: Math.min(threads - 1, slices.length - 1) }, () => startWorker(opts));
  try {
    const fromWorkers = workers.map(
      (w, k) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = () => {
            if (next < slices.length) {
              inFlight++;
              w.postMessage(slices[next++]!);
            } else if (inFlight === 0) resolve();
          };
          w.on('message', (r: SliceResult) => {
            inFlight--;
            r.beads.forEach((b, i) => (out[r.start + i] = b));
            done += r.beads.length;
            onSlice?.(done, k + 1);
            send();
          });
          w.once('error', reject);
          w.once('exit', (code) => (inFlight > 0 || code !== 0 ? reject(new Error(`alignment worker stopped (exit code ${code})`)) : resolve()));
          // Two slices in hand: the worker starts the second while its first result waits for the
          // calling thread, which is busy with a slice of its own, to collect it.
          send();
          send();
        }),
    );
    // A worker that fails is reported once the calling thread's own slices are done (and not as an
    // unhandled rejection before that).
    const workersDone = Promise.all(fromWorkers);
    workersDone.catch(() => {});
    // The calling thread takes slices too, yielding between them so worker results are collected.
    while (next < slices.length) {
      const s = slices[next++]!;
      s.docs.forEach((d, i) => (out[s.start + i] = alignParagraphs(d.src, d.tgt, opts)));
      done += s.docs.length;
      onSlice?.(done, 0);
      await new Promise((r) => setImmediate(r));
    }
    await workersDone;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
