// The review page's hot read, cached: a statement's rendered JSON per revision (the id of its newest
// event). Flag writes, the most frequent change, patch the cached view in place instead of rebuilding it.
import type { Db } from '../store/db.ts';
import { statementRevision, eventsSince } from '../store/events.ts';
import { getStatementSummary } from '../store/statements.ts';
import type { FlagRow } from '../store/beads.ts';
import { getStatementView, type StatementView } from '../ops/review.ts';

interface Entry {
  statementId: number;
  rev: number;
  view: { ok: true } & StatementView;
  /** Each bead's JSON, encoded, so a flag write re-serialises and re-encodes one bead, not the whole statement. */
  beads: Buffer[];
  body: Buffer;
}

const HOLE = '"@@beads@@"';

const COMMA = Buffer.from(',');

/** The response: the view with its beads spliced in from their cached JSON. */
function render(view: Entry['view'], beads: Buffer[]): Buffer {
  if (!view.alignment) return Buffer.from(JSON.stringify(view));
  const { beads: _spliced, ...alignment } = view.alignment;
  // The hole is the last key of the last key of the view, so the last occurrence of its text is the hole itself.
  const skeleton = JSON.stringify({ ...view, alignment: { ...alignment, beads: '@@beads@@' } });
  const at = skeleton.lastIndexOf(HOLE);
  const parts: Buffer[] = [Buffer.from(skeleton.slice(0, at) + '[')];
  beads.forEach((b, i) => (i ? parts.push(COMMA, b) : parts.push(b)));
  parts.push(Buffer.from(']' + skeleton.slice(at + HOLE.length)));
  return Buffer.concat(parts);
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
    const rev = statementRevision(this.db, statementId);
    let e = this.entries.get(key);
    if (!e || e.rev !== rev) {
      const view = { ok: true as const, ...getStatementView(this.db, statementId, lang) };
      const beads = view.alignment?.beads.map((b) => Buffer.from(JSON.stringify(b))) ?? [];
      e = { statementId, rev, view, beads, body: render(view, beads) };
      this.entries.delete(key);
      this.entries.set(key, e);
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return e.body;
  }

  /**
   * Runs a write that creates or changes one flag, then patches the cached views of its statement —
   * but only if that write is the one change since they were cached (otherwise they rebuild on the next read).
   */
  flagWrite(statementId: number, write: () => FlagRow): FlagRow {
    const before = statementRevision(this.db, statementId);
    const flag = write();
    const after = statementRevision(this.db, statementId);
    if (eventsSince(this.db, statementId, before) !== 1) return flag;
    const summary = getStatementSummary(this.db, statementId);
    for (const e of this.entries.values()) {
      if (e.statementId !== statementId || e.rev !== before) continue;
      e.view.statement = summary;
      const k = e.view.alignment?.beads.findIndex((b) => b.id === flag.beadId) ?? -1;
      const bead = e.view.alignment?.beads[k];
      if (bead) {
        const i = bead.flags.findIndex((f) => f.id === flag.id);
        if (i >= 0) bead.flags[i] = flag;
        else bead.flags.push(flag);
        e.beads[k] = Buffer.from(JSON.stringify(bead));
      }
      e.body = render(e.view, e.beads);
      e.rev = after;
    }
    return flag;
  }
}
