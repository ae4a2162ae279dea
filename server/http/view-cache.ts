// The review page's hot read, cached: a statement's rendered JSON per revision (the id of its newest
// event). Flag writes, the most frequent change, patch the cached view in place instead of rebuilding it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../store/db.ts';
import { statementRevision, eventsSince } from '../store/events.ts';
import { getFlag, type FlagRow } from '../store/beads.ts';
import { getStatementView, type StatementView } from '../ops/review.ts';

// Beads per pre-joined chunk: a flag write re-joins one group. (Joining the whole body from its 400
// bead and comma parts on every write cost ~0.4 ms per write, mostly per-part overhead in Buffer.concat.)
const GROUP = 16;

/** A rendered view: its JSON in one chunk or a few (written in one go), and the tag that names exactly these bytes. */
export interface CachedView {
  chunks: readonly Buffer[];
  length: number;
  etag: string;
}

// Tags name a cache entry of this process (boot, serial) at a revision: a restarted server or a rebuilt
// entry never answers 304 for bytes it did not produce, even if something changed without an event.
const BOOT = randomUUID().slice(0, 8);
let serials = 0;

interface Entry {
  statementId: number;
  serial: number;
  rev: number;
  view: { ok: true } & StatementView;
  /** Each bead's JSON, encoded, so a flag write re-serialises and re-encodes one bead, not the whole statement. */
  beads: Buffer[];
  /** The beads GROUP at a time, joined with commas; null where a write changed a bead since the last read. */
  groups: (Buffer | null)[];
  /** The view around the beads array (`…"beads":[` and `]…`); null after a write changed the summary. */
  frame: { head: Buffer; tail: Buffer } | null;
  /** The response in ~30 chunks (frame, groups, commas); null from a write until the next read. */
  parts: { chunks: Buffer[]; length: number } | null;
  /** The same joined into one buffer, from the second read of an unchanged view on. */
  body: Buffer | null;
}

const HOLE = '"@@beads@@"';
const COMMA = Buffer.from(',');

function frame(view: Entry['view']): { head: Buffer; tail: Buffer } {
  const { beads: _spliced, ...alignment } = view.alignment!;
  // The hole is the last key of the last key of the view, so the last occurrence of its text is the hole itself.
  const skeleton = JSON.stringify({ ...view, alignment: { ...alignment, beads: '@@beads@@' } });
  const at = skeleton.lastIndexOf(HOLE);
  return { head: Buffer.from(skeleton.slice(0, at) + '['), tail: Buffer.from(']' + skeleton.slice(at + HOLE.length)) };
}

function joinGroup(beads: Buffer[], g: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = g * GROUP; i < Math.min(beads.length, (g + 1) * GROUP); i++) i > g * GROUP ? parts.push(COMMA, beads[i]!) : parts.push(beads[i]!);
  return Buffer.concat(parts);
}

/**
 * The response: the view with its beads spliced in from their cached JSON; only the parts a write changed
 * are redone. The first read after a write sends the chunks as they are; the second joins them once for
 * every later read. (Joining on every write cost up to ~0.6 ms for a 1 MB view, mostly page faults of the
 * fresh buffer, and under non-stop flag writes a view is read about once per write; under mostly reads,
 * one buffer per response is cheaper than ~30 writes of chunks.)
 */
function render(e: Entry): { chunks: readonly Buffer[]; length: number } {
  if (e.body) return { chunks: [e.body], length: e.body.length };
  if (e.parts) {
    e.body = Buffer.concat(e.parts.chunks, e.parts.length);
    e.parts = null;
    return { chunks: [e.body], length: e.body.length };
  }
  if (!e.view.alignment) {
    e.body = Buffer.from(JSON.stringify(e.view));
    return { chunks: [e.body], length: e.body.length };
  }
  e.frame ??= frame(e.view);
  const chunks: Buffer[] = [e.frame.head];
  for (let g = 0; g < e.groups.length; g++) {
    if (g > 0) chunks.push(COMMA);
    chunks.push((e.groups[g] ??= joinGroup(e.beads, g)));
  }
  chunks.push(e.frame.tail);
  return (e.parts = { chunks, length: chunks.reduce((n, c) => n + c.length, 0) });
}

export class StatementViews {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly max = 200,
  ) {}

  /** The view as JSON, rebuilt only when the statement changed since it was cached. */
  get(statementId: number, lang?: string): CachedView {
    const key = `${statementId}:${lang ?? ''}`;
    // One indexed query per read: changes made by other processes (the CLI) also record events.
    // (PRAGMA data_version plus a count of this process's events would replace it, but costs nearly as
    // much: both pay for SQLite's read transaction, two fcntl locks, which is most of the query's ~6 µs.)
    const rev = statementRevision(this.db, statementId);
    let e = this.entries.get(key);
    if (!e || e.rev !== rev) {
      const view = { ok: true as const, ...getStatementView(this.db, statementId, lang) };
      const beads = view.alignment?.beads.map((b) => Buffer.from(JSON.stringify(b))) ?? [];
      e = { statementId, serial: ++serials, rev, view, beads, groups: new Array<null>(Math.ceil(beads.length / GROUP)).fill(null), frame: null, parts: null, body: null };
      this.entries.delete(key);
      this.entries.set(key, e);
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return { ...render(e), etag: `"${BOOT}-${e.serial}-${e.rev}"` };
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
    const openDelta = (flag.status === 'open' ? 1 : 0) - (wasOpen ? 1 : 0);
    for (const e of stale) {
      e.view.statement = { ...e.view.statement, openFlags: e.view.statement.openFlags + openDelta };
      const k = e.view.alignment?.beads.findIndex((b) => b.id === flag.beadId) ?? -1;
      const bead = e.view.alignment?.beads[k];
      if (bead) {
        const i = bead.flags.findIndex((f) => f.id === flag.id);
        if (i >= 0) bead.flags[i] = flag;
        else bead.flags.push(flag);
        e.beads[k] = Buffer.from(JSON.stringify(bead));
        e.groups[Math.floor(k / GROUP)] = null;
      }
      e.frame = null;
      e.parts = null;
      e.body = null;
      e.rev = after;
    }
    return flag;
  }
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
  const h = [...headers, 'ETag', view.etag, 'Cache-Control', 'private, no-cache'];
  if (notModified(req.headers['if-none-match'], view.etag)) {
    res.writeHead(304, h);
    res.end();
    return;
  }
  h.push('Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(view.length));
  res.writeHead(200, h);
  // Node corks the socket for the writes of one tick: several chunks still leave in one writev.
  for (let i = 0; i < view.chunks.length - 1; i++) res.write(view.chunks[i]);
  res.end(view.chunks.at(-1));
}
