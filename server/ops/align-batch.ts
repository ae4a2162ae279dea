// Aligning a batch of documents (`twintext align --batch`): the documents are independent, so they
// are shared out, in slices, between the calling thread and worker threads, one per spare core.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { alignParagraphs, type AlignOptions } from '../core/align.ts';
import { InputError } from '../core/errors.ts';
import type { Bead } from '../core/types.ts';
import { readParagraphs } from './read-paragraphs.ts';

export interface BatchDoc { src: string[]; tgt: string[] }
/** A document of a batch given as its two files (paths), read by whichever thread aligns it. */
export interface BatchFile { src: string; tgt: string }
/** A slice of the batch sent to a worker (documents, or files to read), and what comes back. */
export type SliceRequest = { start: number; docs: BatchDoc[] } | { start: number; files: BatchFile[]; preSplit: boolean };
/** The slice's beads, or the first file of the slice that could not be read. */
export type SliceResult = { start: number; beads: Bead[][] } | { start: number; error: { index: number; message: string; code: string } };

/** Aligns a slice where it is (the calling thread or a worker): a file that cannot be read ends the slice. */
export async function alignSlice(req: SliceRequest, opts: AlignOptions): Promise<SliceResult> {
  if ('docs' in req) return { start: req.start, beads: req.docs.map((d) => alignParagraphs(d.src, d.tgt, opts)) };
  const beads: Bead[][] = [];
  for (const [i, f] of req.files.entries()) {
    let doc: BatchDoc;
    try {
      doc = { src: await readParagraphs(f.src, opts.srcLang, req.preSplit), tgt: await readParagraphs(f.tgt, opts.tgtLang, req.preSplit) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { start: req.start, error: { index: req.start + i, message: e.message, code: e.code } };
    }
    beads.push(alignParagraphs(doc.src, doc.tgt, opts));
  }
  return { start: req.start, beads };
}

/**
 * Below this many paragraphs in all, a worker's start-up (tens of milliseconds) costs more than it
 * saves, and the batch is aligned on the calling thread alone.
 */
const MIN_PARAGRAPHS_FOR_WORKERS = 4000;
/** Paragraphs per slice: small enough to balance the threads, large enough to amortise messages. */
const SLICE_PARAGRAPHS = 1500;
/** The same two limits for batches of files, in bytes of input (a paragraph pair is 300–800 bytes of UTF-8). */
const MIN_BYTES_FOR_WORKERS = 1_500_000;
const SLICE_BYTES = 1_000_000;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

function startWorker(opts: AlignOptions): Worker {
  // Bundled (dist/cli/*.mjs), the worker's bundle sits beside this chunk; from source, bin/align-worker.js
  // (two levels up) loads it through tsx.
  const entry = import.meta.url.endsWith('.mjs') ? './align-worker.mjs' : '../../bin/align-worker.js';
  return new Worker(new URL(entry, import.meta.url), { workerData: opts });
}

/** Cuts `count` items into runs of about `per` units of size (at least one item each). */
function cut(count: number, size: (k: number) => number, per: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (let k = 0; k < count; ) {
    const start = k;
    let units = 0;
    while (k < count && (k === start || units < per)) units += size(k++);
    runs.push({ start, end: k });
  }
  return runs;
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
  const total = docs.reduce((a, d) => a + d.src.length + d.tgt.length, 0) / 2;
  if (threads <= 1 || total < MIN_PARAGRAPHS_FOR_WORKERS) {
    const beads = docs.map((d) => alignParagraphs(d.src, d.tgt, opts));
    onSlice?.(docs.length, 0);
    return beads;
  }
  const slices = cut(docs.length, (k) => docs[k]!.src.length, SLICE_PARAGRAPHS).map((r) => ({ start: r.start, docs: docs.slice(r.start, r.end) }));
  return runSlices(slices, docs.length, opts, threads, onSlice);
}

/**
 * Beads of every document of a batch given as file pairs. Each thread reads the files of its own
 * slices, so reading and decoding are spread too. If a file cannot be read, nothing is returned:
 * the InputError of the first such file (in batch order) is thrown once the threads have stopped.
 */
export async function alignFiles(
  files: BatchFile[],
  opts: AlignOptions,
  preSplit: boolean,
  threads = defaultThreads(),
  onSlice?: (done: number, thread: number) => void,
): Promise<Bead[][]> {
  const bytes = files.map((f) => sizeOf(f.src) + sizeOf(f.tgt));
  const total = bytes.reduce((a, b) => a + b, 0);
  // At least three slices per thread, so that every thread gets some (each worker holds two at once).
  const per = Math.min(SLICE_BYTES, total / (3 * threads));
  const slices = (threads <= 1 || total < MIN_BYTES_FOR_WORKERS ? [{ start: 0, end: files.length }] : cut(files.length, (k) => bytes[k]!, per))
    .map((r) => ({ start: r.start, files: files.slice(r.start, r.end), preSplit }));
  return runSlices(slices, files.length, opts, slices.length > 1 ? threads : 1, onSlice);
}

/** Size of a file, or 0 if it cannot be read (reading it reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Runs the slices on the calling thread and threads - 1 workers; beads in document order. */
async function runSlices(slices: SliceRequest[], count: number, opts: AlignOptions, threads: number, onSlice?: (done: number, thread: number) => void): Promise<Bead[][]> {
  const out: Bead[][] = new Array(count);
  let next = 0, done = 0;
  let failed: { index: number; message: string; code: string } | null = null;
  const take = (r: SliceResult, thread: number) => {
    if ('error' in r) {
      // No new slices; those in flight finish, and every slice before this one was handed out
      // already, so the first unreadable file of the batch is among the errors seen.
      if (!failed || r.error.index < failed.index) failed = r.error;
      next = slices.length;
      return;
    }
    r.beads.forEach((b, i) => (out[r.start + i] = b));
    done += r.beads.length;
    onSlice?.(done, thread);
  };
  const workers = Array.from({ length: Math.max(0, Math.min(threads - 1, slices.length - 1)) }, () => startWorker(opts));
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
            take(r, k + 1);
            send();
          });
          w.once('error', (e) => {
            // A worker that fails (a bug, not an unreadable file) ends the batch: no new slices, and
            // its error is what the caller gets.
            next = slices.length;
            reject(e);
          });
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
      take(await alignSlice(slices[next++]!, opts), 0);
      await new Promise((r) => setImmediate(r));
    }
    await workersDone;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failed) {
    const { message, code } = failed;
    throw new InputError(message, code);
  }
  return out;
}
