// The review page's hot read, cached: a statement's rendered JSON per revision (the id of its newest
// event), plain and gzipped. Flag writes, the most frequent change, patch the cached view in place
// instead of rebuilding it, and recompress only the part of it they changed.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as Z, crc32, deflateRawSync } from 'node:zlib';
import Negotiator from 'negotiator';
import type { Db } from '../store/db.ts';
import { statementRevision, eventsSince } from '../store/events.ts';
import { beadPosition, getFlag, isCurrentAlignment, type FlagRow } from '../store/beads.ts';
import { getStatementView, type StatementView } from '../ops/review.ts';

// Beads per pre-joined chunk: a flag write re-joins one group. (Joining the whole body from its 400
// bead and comma parts on every write cost ~0.4 ms per write, mostly per-part overhead in Buffer.concat.)
const GROUP = 16;

/** A rendered view: its JSON in one chunk or a few (written in one go), and the tag that names exactly these bytes. */
export interface CachedView {
  chunks: readonly Buffer[];
  length: number;
  etag: string;
  /** The JSON as it is, or gzipped (sent with Content-Encoding: gzip). */
  encoding: 'identity' | 'gzip';
}

// Tags name a cache entry of this process (boot, serial) at a revision: a restarted server or a rebuilt
// entry never answers 304 for bytes it did not produce, even if something changed without an event.
const BOOT = randomUUID().slice(0, 8);
let serials = 0;

/** One encoding of the response, built from the parts a write left intact. */
interface Rendition {
  /** The beads GROUP at a time (gzip: each group compressed on its own); null where a write changed a bead since the last read. */
  groups: (Buffer | null)[];
  /** The view around the beads array (`…"beads":[` and `]…`); null after a write changed the summary. */
  frame: { head: Buffer; tail: Buffer } | null;
  /** The response in ~15–30 chunks (frame and groups, plus gzip's header and trailer); null from a write until the next read. */
  parts: { chunks: Buffer[]; length: number } | null;
  /** The same joined into one buffer, from the second read of an unchanged view on. */
  body: Buffer | null;
}

interface Entry {
  statementId: number;
  serial: number;
  rev: number;
  view: { ok: true } & StatementView;
  /** Each bead's JSON, encoded, so a flag write re-serialises and re-encodes one bead, not the whole statement. */
  beads: Buffer[];
  plain: Rendition;
  gzip: Rendition;
}

const HOLE = '"@@beads@@"';
const COMMA = Buffer.from(',');

function rendition(groups: number): Rendition {
  return { groups: new Array<null>(groups).fill(null), frame: null, parts: null, body: null };
}

/** Forgets what a write made stale: the group of bead k (or none), the frame, and the assembled response. */
function invalidate(r: Rendition, group: number | null): void {
  if (group !== null) r.groups[group] = null;
  r.frame = null;
  r.parts = null;
  r.body = null;
}

function frame(view: Entry['view']): { head: Buffer; tail: Buffer } {
  const { beads: _spliced, ...alignment } = view.alignment!;
  // The hole is the last key of the last key of the view, so the last occurrence of its text is the hole itself.
  const skeleton = JSON.stringify({ ...view, alignment: { ...alignment, beads: '@@beads@@' } });
  const at = skeleton.lastIndexOf(HOLE);
  return { head: Buffer.from(skeleton.slice(0, at) + '['), tail: Buffer.from(']' + skeleton.slice(at + HOLE.length)) };
}

/** Group g's beads joined with commas; every group after the first starts with the comma that separates it from the one before. */
function joinGroup(beads: Buffer[], g: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = g * GROUP; i < Math.min(beads.length, (g + 1) * GROUP); i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(beads[i]!);
  }
  return Buffer.concat(parts);
}

/** The plain JSON in pieces: frame head, the groups, frame tail (or the whole view when it has no beads). */
function plainPieces(e: Entry): Buffer[] {
  const r = e.plain;
  if (!e.view.alignment) return [(r.frame ??= { head: Buffer.from(JSON.stringify(e.view)), tail: EMPTY }).head];
  r.frame ??= frame(e.view);
  const pieces: Buffer[] = [r.frame.head];
  for (let g = 0; g < r.groups.length; g++) pieces.push((r.groups[g] ??= joinGroup(e.beads, g)));
  pieces.push(r.frame.tail);
  return pieces;
}

// Gzip in pieces, as pigz does: each piece is a raw deflate stream of its own, ended by a sync flush
// (byte-aligned, not final), so pieces concatenate into one valid stream that a final empty block
// closes. A flag write then recompresses one group of beads and the small frame, not the whole view;
// the CRC of the whole plain text is recomputed (zlib's crc32 runs at gigabytes per second).
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const EMPTY = Buffer.alloc(0);
const LAST_BLOCK = deflateRawSync(Buffer.alloc(0));
// Copied out: zlib hands back a slice of a 16 KiB buffer, which a cached piece of a few hundred bytes would keep alive.
const deflatePiece = (b: Buffer): Buffer => Buffer.from(deflateRawSync(b, { level: Z.Z_BEST_SPEED, finishFlush: Z.Z_SYNC_FLUSH }));

function gzipPieces(e: Entry, plain: Buffer[]): Buffer[] {
  const r = e.gzip;
  r.frame ??= { head: deflatePiece(plain[0]!), tail: plain.length > 1 ? deflatePiece(plain.at(-1)!) : EMPTY };
  let crc = 0, length = 0;
  for (const p of plain) {
    crc = crc32(p, crc);
    length += p.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  const pieces = [GZIP_HEADER, r.frame.head];
  if (plain.length > 1) {
    for (let g = 0; g < r.groups.length; g++) pieces.push((r.groups[g] ??= deflatePiece(plain[g + 1]!)));
    pieces.push(r.frame.tail);
  }
  pieces.push(LAST_BLOCK, trailer);
  return pieces;
}

/**
 * The response in one encoding: only the parts a write changed are redone. The first read after a
 * write sends the chunks as they are; the second joins them once for every later read. (Joining on
 * every write cost up to ~0.6 ms for a 1 MB view, mostly page faults of the fresh buffer, and under
 * non-stop flag writes a view is read about once per write; under mostly reads, one buffer per
 * response is cheaper than ~30 writes of chunks.)
 */
function render(r: Rendition, pieces: () => Buffer[]): { chunks: readonly Buffer[]; length: number } {
  if (r.body) return { chunks: [r.body], length: r.body.length };
  if (r.parts) {
    r.body = Buffer.concat(r.parts.chunks, r.parts.length);
    r.parts = null;
    return { chunks: [r.body], length: r.body.length };
  }
  const chunks = pieces();
  return (r.parts = { chunks, length: chunks.reduce((n, c) => n + c.length, 0) });
}

/** Whether the request accepts a gzipped response (Accept-Encoding, with its q-values and `*`). */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  // Most requests either name gzip or send nothing: parse only when the header could say yes
  // (coding names are case-insensitive).
  if (!header || !/gzip|\*/i.test(header)) return false;
  // A browser sends the same header with every request: it is parsed once, not on every hot read.
  if (header !== lastAccept.header) lastAccept = { header, gzip: new Negotiator(req).encoding(['gzip', 'identity']) === 'gzip' };
  return lastAccept.gzip;
}
let lastAccept = { header: '', gzip: false };

export class StatementViews {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly max = 200,
  ) {}

  /** The view as JSON (gzipped if `gzip`), rebuilt only when the statement changed since it was cached. */
  get(statementId: number, lang?: string, gzip = false): CachedView {
    const key = `${statementId}:${lang ?? ''}`;
    // One indexed query per read: changes made by other processes (the CLI) also record events.
    // (PRAGMA data_version plus a count of this process's events would replace it, but costs nearly as
    // much: both pay for SQLite's read transaction, two fcntl locks, which is most of the query's ~6 µs.)
    const rev = statementRevision(this.db, statementId);
    let e = this.entries.get(key);
    if (!e || e.rev !== rev) {
      const view = { ok: true as const, ...getStatementView(this.db, statementId, lang) };
      const beads = view.alignment?.beads.map((b) => Buffer.from(JSON.stringify(b))) ?? [];
      const groups = Math.ceil(beads.length / GROUP);
      e = { statementId, serial: ++serials, rev, view, beads, plain: rendition(groups), gzip: rendition(groups) };
      this.entries.delete(key);
      this.entries.set(key, e);
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    const tag = `${BOOT}-${e.serial}-${e.rev}`;
    const entry = e;
    if (!gzip) return { ...render(e.plain, () => plainPieces(entry)), etag: `"${tag}"`, encoding: 'identity' };
    return { ...render(e.gzip, () => gzipPieces(entry, plainPieces(entry))), etag: `"${tag}-gz"`, encoding: 'gzip' };
  }

  /**
   * Runs a write that creates (`flagId` null) or changes one flag, then patches the cached views of its
   * statement — but only if that write is the one change since they were cached (otherwise they rebuild
   * on the next read). The patch is lazy: the changed bead is re-encoded now, its group and the frame at the next read.
   */
  flagWrite(statementId: number, flagId: number | null, write: () => FlagRow): FlagRow {
    const before = statementRevision(this.db, statementId);
    const stale = [...this.entries.values()].filter((e) => e.statementId === statementId && e.rev === before);
    if (!stale.length) return write();
    // Read after `before`: a change by another process in between adds an event, and the patch is skipped.
    const wasOpen = flagId !== null && getFlag(this.db, flagId).status === 'open';
    const flag = write();
    if (eventsSince(this.db, statementId, before) !== 1) return flag;
    const after = statementRevision(this.db, statementId);
    // A flag write changes one flag, so of the summary only the open-flag count moves, and by this flag alone
    // (counting it afresh scans every flag of the statement, which grows with the review).
    // The list's count is over the current versions' rows: a flag on a row of an older version (from
    // before the writes refused those) does not move it.
    const counted = isCurrentAlignment(this.db, beadPosition(this.db, flag.beadId).alignmentId);
    const openDelta = counted ? (flag.status === 'open' ? 1 : 0) - (wasOpen ? 1 : 0) : 0;
    for (const e of stale) {
      e.view.statement = { ...e.view.statement, openFlags: e.view.statement.openFlags + openDelta };
      const k = e.view.alignment?.beads.findIndex((b) => b.id === flag.beadId) ?? -1;
      const bead = e.view.alignment?.beads[k];
      if (bead) {
        const i = bead.flags.findIndex((f) => f.id === flag.id);
        if (i >= 0) bead.flags[i] = flag;
        else bead.flags.push(flag);
        e.beads[k] = Buffer.from(JSON.stringify(bead));
      }
      const group = bead ? Math.floor(k / GROUP) : null;
      invalidate(e.plain, group);
      invalidate(e.gzip, group);
      e.rev = after;
    }
    return flag;
  }
}

const viewResponses = new WeakSet<ServerResponse>();

/** Whether sendView answered this response: its bytes are final, in the encoding negotiated here (no second compression). */
export function isCachedView(res: ServerResponse): boolean {
  return viewResponses.has(res);
}

/** If-None-Match against our tag (weak comparison, as RFC 9110 asks for this header). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends a cached view: its ETag and no-cache (the browser revalidates, so reopening an unchanged
 * statement costs a 304), then the JSON chunks in one writeHead and one writev. `headers` (a flat
 * name, value list) go first; headers already set on `res` are kept.
 */
export function sendView(req: IncomingMessage, res: ServerResponse, view: CachedView, headers: string[] = []): void {
  viewResponses.add(res);
  // Vary: a cache must not hand the gzipped view to a client that did not ask for it, nor the reverse.
  const h = [...headers, 'ETag', view.etag, 'Cache-Control', 'private, no-cache', 'Vary', 'Accept-Encoding'];
  if (notModified(req.headers['if-none-match'], view.etag)) {
    res.writeHead(304, h);
    res.end();
    return;
  }
  h.push('Content-Type', 'application/json; charset=utf-8');
  if (view.encoding === 'gzip') h.push('Content-Encoding', 'gzip');
  h.push('Content-Length', String(view.length));
  res.writeHead(200, h);
  // Node corks the socket for the writes of one tick: several chunks still leave in one writev.
  for (let i = 0; i < view.chunks.length - 1; i++) res.write(view.chunks[i]);
  res.end(view.chunks.at(-1));
}
