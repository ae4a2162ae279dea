// The review page's hot read, cached: a statement's rendered JSON per revision (the id of its newest
// event). Flag writes, the most frequent change, patch the cached view in place instead of rebuilding it.
import type { Db } from '../store/db.ts';
import { statementRevision, eventsSince } from '../store/events.ts';
import { getFlag, type FlagRow } from '../store/beads.ts';
import { getStatementView, type StatementView } from '../ops/review.ts';

// Beads per pre-joined chunk: a flag write re-joins one group, and the next read joins ~15 chunks.
// (Joining the whole body from its 400 bead and comma parts on every write cost ~0.4 ms per write,
// mostly per-part overhead in Buffer.concat, not bytes.)
const GROUP = 16;

interface Entry {
  statementId: number;
  rev: number;
  view: { ok: true } & StatementView;
  /** Each bead's JSON, encoded, so a flag write re-serialises and re-encodes one bead, not the whole statement. */
  beads: Buffer[];
  /** The beads GROUP at a time, joined with commas; null where a write changed a bead since the last read. */
  groups: (Buffer | null)[];
  /** The view around the beads array (`…"beads":[` and `]…`); null after a write changed the summary. */
  frame: { head: Buffer; tail: Buffer } | null;
  /** The whole response; null from a write until the next read. */
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

/** The response: the view with its beads spliced in from their cached JSON; only the parts a write changed are redone. */
function render(e: Entry): Buffer {
  if (e.body) return e.body;
  if (!e.view.alignment) return (e.body = Buffer.from(JSON.stringify(e.view)));
  e.frame ??= frame(e.view);
  const parts: Buffer[] = [e.frame.head];
  for (let g = 0; g < e.groups.length; g++) {
    if (g > 0) parts.push(COMMA);
    parts.push((e.groups[g] ??= joinGroup(e.beads, g)));
  }
  parts.push(e.frame.tail);
  return (e.body = Buffer.concat(parts));
}

export class StatementViews {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly max = 200,
  ) {}

  /** The view as a JSON buffer, rebuilt only when the statement changed since it was cached. */
  get(statementId: number, lang?: string): Buffer {
    const key = `${statementId}:${lang ?? ''}`;
    // One indexed query per read: changes made by other processes (the CLI) also record events.
    const rev = statementRevision(this.db, statementId);
    let e = this.entries.get(key);
    if (!e || e.rev !== rev) {
      const view = { ok: true as const, ...getStatementView(this.db, statementId, lang) };
      const beads = view.alignment?.beads.map((b) => Buffer.from(JSON.stringify(b))) ?? [];
      e = { statementId, rev, view, beads, groups: new Array<null>(Math.ceil(beads.length / GROUP)).fill(null), frame: null, body: null };
      this.entries.delete(key);
      this.entries.set(key, e);
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return render(e);
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
      e.body = null;
      e.rev = after;
    }
    return flag;
  }
}
