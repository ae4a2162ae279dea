// Numbered, append-only schema migrations. Never edit a released entry: add a new one.
import type { Db } from './db.ts';
import { singleSpaced } from '../core/segment.ts';
import { baseLanguage } from '../core/lang.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** A data step SQL cannot express, run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

/** Marks for new hashes the statements whose current texts hold a tag other than its base code (migration 13). */
function pendingTaggedStatements(db: Db): void {
  const mark = db.prepare('INSERT OR IGNORE INTO statement_hashes_pending (statement_id) VALUES (?)');
  for (const t of db.prepare('SELECT DISTINCT statement_id AS id, lang FROM texts WHERE is_current = 1').all() as { id: number; lang: string }[])
    if (baseLanguage(t.lang) !== t.lang) mark.run(t.id);
}

/**
 * Titles on one line with single spaces, as new imports store them (every kind of whitespace that
 * search and import treat as a space, runs of any length); a title of nothing but spaces becomes the
 * statement's first paragraph, as an import without a title gives.
 */
function singleSpacedTitles(db: Db): void {
  const firstParagraph = db.prepare(
    `SELECT p.content FROM texts t JOIN paragraphs p ON p.text_id = t.id
     WHERE t.statement_id = ? AND t.is_current = 1 ORDER BY t.id, p.position LIMIT 1`,
  );
  const update = db.prepare('UPDATE statements SET title = ? WHERE id = ?');
  for (const s of db.prepare('SELECT id, title FROM statements').all() as { id: number; title: string }[]) {
    let t = singleSpaced(s.title);
    if (!t) t = singleSpaced(((firstParagraph.get(s.id) as { content: string } | undefined)?.content ?? '').slice(0, 500)) || 'Imported corpus';
    if (t !== s.title) update.run(t, s.id);
  }
}

export const migrations: readonly Migration[] = [
  {
    id: 1,
    name: 'core-model',
    sql: `
      CREATE TABLE statements (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        title         TEXT NOT NULL,
        date          TEXT,
        content_hash  TEXT UNIQUE,
        source_urls   TEXT NOT NULL DEFAULT '{}',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );

      -- One version of one language of a statement. Old versions stay (is_current = 0).
      CREATE TABLE texts (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        lang          TEXT NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1,
        is_current    INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
        body          TEXT NOT NULL,
        source_name   TEXT,
        source_format TEXT,
        source_encoding TEXT,
        created_at    TEXT NOT NULL,
        UNIQUE (statement_id, lang, version)
      );
      CREATE INDEX texts_by_statement ON texts(statement_id, lang, is_current);

      CREATE TABLE paragraphs (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        text_id   INTEGER NOT NULL REFERENCES texts(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        content   TEXT NOT NULL,
        marker    TEXT,
        level     INTEGER NOT NULL DEFAULT 0,
        UNIQUE (text_id, position)
      );

      -- An alignment links the paragraphs of two texts as ordered beads.
      CREATE TABLE alignments (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        src_text_id   INTEGER NOT NULL REFERENCES texts(id) ON DELETE CASCADE,
        tgt_text_id   INTEGER NOT NULL REFERENCES texts(id) ON DELETE CASCADE,
        method        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        UNIQUE (src_text_id, tgt_text_id)
      );
      CREATE INDEX alignments_by_statement ON alignments(statement_id);

      -- AUTOINCREMENT (here and above): ids are never reused, so the history in events never points at a
      -- newer row, and undo can restore a deleted bead under its own id.
      CREATE TABLE beads (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        alignment_id  INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        confidence    REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        status        TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed')),
        version       INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX beads_by_alignment ON beads(alignment_id, position);

      CREATE TABLE bead_paragraphs (
        bead_id       INTEGER NOT NULL REFERENCES beads(id) ON DELETE CASCADE,
        side          TEXT NOT NULL CHECK (side IN ('src', 'tgt')),
        paragraph_id  INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        PRIMARY KEY (bead_id, paragraph_id)
      ) WITHOUT ROWID;
      CREATE INDEX bead_paragraphs_by_paragraph ON bead_paragraphs(paragraph_id);

      -- Flags belong to beads. No cascade: a bead with flags cannot vanish silently;
      -- operations that remove beads move their flags first.
      CREATE TABLE flags (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        bead_id     INTEGER NOT NULL REFERENCES beads(id),
        category    TEXT NOT NULL,
        severity    TEXT NOT NULL,
        comment     TEXT NOT NULL DEFAULT '',
        author      TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'wontfix')),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX flags_by_bead ON flags(bead_id);

      -- Every change: who, what, when, before/after (JSON). No foreign keys, so
      -- history outlives what it describes.
      CREATE TABLE events (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        statement_id  INTEGER,
        entity        TEXT NOT NULL,
        entity_id     INTEGER,
        before        TEXT,
        after         TEXT
      );
      CREATE INDEX events_by_statement ON events(statement_id, id);
    `,
  },
  {
    id: 2,
    name: 'paragraph-search',
    // trigram tokenizer: works for Hangul, which has no spaces between morphemes.
    sql: `
      CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
        content, content='paragraphs', content_rowid='id', tokenize='trigram'
      );
      CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(rowid, content) VALUES (new.id, new.content);
      END;
      CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, content) VALUES ('delete', old.id, old.content);
      END;
      CREATE TRIGGER paragraphs_au AFTER UPDATE OF content ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO paragraphs_fts(rowid, content) VALUES (new.id, new.content);
      END;
    `,
  },
  {
    id: 3,
    name: 'findings',
    // Automatic check findings are suggested flags: accepting one creates a flag; dismissing one is
    // remembered by its key, so re-running the checks does not bring it back.
    sql: `
      CREATE TABLE findings (
        id              INTEGER PRIMARY KEY,
        alignment_id    INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
        bead_id         INTEGER REFERENCES beads(id) ON DELETE SET NULL,
        check_id        TEXT NOT NULL,
        severity        TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        message         TEXT NOT NULL,
        key             TEXT NOT NULL,
        src_paragraphs  TEXT NOT NULL,
        tgt_paragraphs  TEXT NOT NULL,
        spans           TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'accepted', 'dismissed')),
        flag_id         INTEGER REFERENCES flags(id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        UNIQUE (alignment_id, key)
      );
      CREATE INDEX findings_by_bead ON findings(bead_id);
    `,
  },
  {
    id: 4,
    name: 'paragraph-changed',
    // Set on paragraphs that a newer version of a text changed or added: they need review.
    sql: `ALTER TABLE paragraphs ADD COLUMN changed INTEGER NOT NULL DEFAULT 0 CHECK (changed IN (0, 1));`,
  },
  {
    id: 5,
    name: 'glossary',
    // The team's glossary lives in the database (seeded once from data/glossary.tsv), so edits are
    // transactional and recorded in the events table. settings holds small named values.
    sql: `
      CREATE TABLE glossary_terms (
        id          INTEGER PRIMARY KEY,
        terms       TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE settings (
        name   TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `,
  },
  {
    id: 6,
    name: 'flag-comments',
    // A flag carries a thread of comments: the reviewer's first note stays in flags.comment.
    sql: `
      CREATE TABLE flag_comments (
        id          INTEGER PRIMARY KEY,
        flag_id     INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
        author      TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX flag_comments_by_flag ON flag_comments(flag_id, id);
    `,
  },
  {
    id: 7,
    name: 'accounts',
    // Accounts are needed only when serving beyond loopback. Sessions store a hash of the token, never the token.
    sql: `
      CREATE TABLE users (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        role           TEXT NOT NULL CHECK (role IN ('translator', 'editor', 'admin')),
        password_hash  TEXT NOT NULL,
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash  TEXT PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
    `,
  },
  {
    id: 8,
    name: 'event-indexes',
    // Undo/redo reads an alignment's history; a paragraph's history is looked up by the paragraph id in the payload.
    sql: `
      CREATE INDEX events_by_entity ON events(entity, entity_id, id);
      CREATE INDEX events_by_paragraph ON events(json_extract(after, '$.paragraphId'));
    `,
  },
  {
    id: 9,
    name: 'flag-versions',
    // A flag's status and note change under optimistic concurrency, as beads do: a change names the
    // version it was made from, and a stale one is refused (409) instead of overwriting another reviewer's.
    sql: `
      ALTER TABLE flags ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    `,
  },
  {
    id: 10,
    name: 'single-spaced-titles',
    // Titles are stored on one line with single spaces (search compares them so); those imported
    // before that keep no-break spaces, tabs, line breaks or doubled spaces from the page they
    // were pasted from.
    sql: '',
    run: singleSpacedTitles,
  },
  {
    id: 11,
    name: 'statement-hashes',
    // Every hash a statement's texts have had — as first imported, after each new version, and of
    // their paragraphs without list markers (what an export carries) — so importing any of them
    // again finds the statement. A statement whose texts changed since its hashes were taken is
    // pending; the trigger marks it whatever program writes the texts, and the hashes are computed
    // (in ops) when an import next looks. content_hash is no longer written.
    sql: `
      CREATE TABLE statement_hashes (
        hash          TEXT NOT NULL,
        statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        PRIMARY KEY (hash, statement_id)
      ) WITHOUT ROWID;
      CREATE INDEX statement_hashes_by_statement ON statement_hashes(statement_id);
      INSERT INTO statement_hashes (hash, statement_id) SELECT content_hash, id FROM statements WHERE content_hash IS NOT NULL;
      CREATE TABLE statement_hashes_pending (
        statement_id  INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE
      );
      INSERT INTO statement_hashes_pending (statement_id) SELECT id FROM statements;
      CREATE TRIGGER texts_mark_hashes_pending AFTER INSERT ON texts BEGIN
        INSERT OR IGNORE INTO statement_hashes_pending (statement_id) VALUES (NEW.statement_id);
      END;
    `,
  },
  {
    id: 12,
    name: 'flag-paragraphs',
    // The paragraphs a flag was filed on (its row's when it was made): a merge, split or re-align
    // rebuilds rows, and the flag goes with these paragraphs rather than with whichever row keeps
    // its old id. Flags filed before are taken to be on the paragraphs their row holds now.
    sql: `
      CREATE TABLE flag_paragraphs (
        flag_id       INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
        paragraph_id  INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        PRIMARY KEY (flag_id, paragraph_id)
      ) WITHOUT ROWID;
      -- Deleting a statement's paragraphs looks their flags' rows up by paragraph.
      CREATE INDEX flag_paragraphs_by_paragraph ON flag_paragraphs(paragraph_id);
      INSERT INTO flag_paragraphs (flag_id, paragraph_id) SELECT f.id, bp.paragraph_id FROM flags f JOIN bead_paragraphs bp ON bp.bead_id = f.bead_id;
    `,
  },
  {
    id: 13,
    name: 'hashes-by-base-language',
    // Hashes name each language by its base code since this migration (ja-JP as ja), so that the same
    // Japanese sent as ja finds a statement that holds it as ja-JP. A statement holding a tag that is
    // not its base code is marked pending, so its current texts are hashed again (in ops, as migration
    // 11 left it) when an import next looks; the hashes it had stay and are still looked up. No other
    // statement's hashes change.
    sql: '',
    run: pendingTaggedStatements,
  },
];
