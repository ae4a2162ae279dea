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
  body: Buffer;
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
      e = { statementId, rev, view, body: Buffer.from(JSON.stringify(view)) };
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
      const bead = e.view.alignment?.beads.find((b) => b.id === flag.beadId);
      if (bead) {
        const i = bead.flags.findIndex((f) => f.id === flag.id);
        if (i >= 0) bead.flags[i] = flag;
        else bead.flags.push(flag);
      }
      e.body = Buffer.from(JSON.stringify(e.view));
      e.rev = after;
    }
    return flag;
  }
}
