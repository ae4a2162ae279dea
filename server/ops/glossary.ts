// Use cases of the team glossary: seeded once from data/glossary.tsv, then edited in the UI or CLI.
import type { Db } from '../store/db.ts';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';
import { assertLanguage, baseLanguage } from '../core/lang.ts';
import type { Glossary } from '../core/glossary.ts';
import {
  deleteGlossaryTerm,
  getGlossaryTerm,
  getSetting,
  insertGlossaryTerm,
  listGlossaryTerms,
  setSetting,
  updateGlossaryTerm,
  type GlossaryTermRow,
} from '../store/glossary.ts';
import { recordEvent } from '../store/events.ts';
import { listCurrentTexts, statementsMentioning } from '../store/statements.ts';
import { runStatementChecks } from './checks.ts';
import { loadGlossary, nowIso, type OpsOptions } from './context.ts';

const REV = 'glossary_revision';
const SEEDED = 'glossary_seeded';

/**
 * The languages of the glossary file a database was seeded from ("en,ko,ja"), or "given" when it was
 * seeded from a glossary its caller gave; a database seeded before this was kept had the file's en, ko.
 */
const SEEDED_LANGS = 'glossary_seeded_langs';

/** Copies the default glossary file into a database that has never had one (see extendSeededGlossary). */
export function ensureGlossarySeeded(db: Db, opts: OpsOptions = {}): void {
  if (getSetting(db, SEEDED)) {
    if (!opts.glossary) extendSeededGlossary(db, loadGlossary(), opts);
    return;
  }
  db.transaction(() => {
    if (getSetting(db, SEEDED)) return;
    const file = opts.glossary ?? loadGlossary();
    const at = nowIso(opts);
    for (const t of file?.terms ?? []) insertGlossaryTerm(db, { terms: t.terms, note: t.note ?? '', author: 'twintext', at });
    setSetting(db, SEEDED, at);
    setSetting(db, SEEDED_LANGS, opts.glossary ? 'given' : (file?.langs ?? []).join(','));
    bump(db);
  }).immediate();
}

/**
 * A database seeded from an earlier glossary file with fewer languages (the Japanese column came
 * later) gets the new languages' renderings on the terms it still holds as seeded: by twintext, their
 * renderings in the old languages unchanged. A term the team added, edited or deleted stays as the
 * team has it. Once: the file's languages are recorded.
 */
export function extendSeededGlossary(db: Db, file: Glossary | undefined, opts: OpsOptions = {}): void {
  const recorded = getSetting(db, SEEDED_LANGS);
  const seededLangs = recorded ?? 'en,ko';
  if (!file || seededLangs === 'given' || seededLangs === file.langs.join(',')) return;
  db.transaction(() => {
    const rows = listGlossaryTerms(db);
    const old = seededLangs.split(',');
    const added = file.langs.filter((l) => !old.includes(l));
    // Unrecorded, and a seeded term already has one of the new languages: the database was seeded from
    // the file as it is now (before its languages were recorded), and what it lacks the team removed.
    if (!recorded && rows.some((r) => r.author === 'twintext' && added.some((l) => r.terms[l]?.length))) {
      setSetting(db, SEEDED_LANGS, file.langs.join(','));
      return;
    }
    const key = (terms: Record<string, string[]>) => JSON.stringify(old.map((l) => terms[l] ?? []));
    const seeded = new Map<string, GlossaryTermRow>();
    // Never edited since it was seeded (an edit keeps the author, but not the time).
    for (const r of rows) if (r.author === 'twintext' && r.updatedAt === r.createdAt && added.every((l) => !r.terms[l]?.length)) seeded.set(key(r.terms), r);
    const at = nowIso(opts);
    let extended = 0;
    const renderings: Record<string, string[]>[] = [];
    for (const t of file.terms) {
      const row = seeded.get(key(t.terms));
      const more = Object.fromEntries(added.filter((l) => t.terms[l]?.length).map((l) => [l, t.terms[l]!]));
      if (!row || !Object.keys(more).length) continue;
      updateGlossaryTerm(db, row.id, { terms: { ...row.terms, ...more }, note: row.note, at });
      renderings.push({ ...row.terms, ...more });
      extended++;
    }
    setSetting(db, SEEDED_LANGS, file.langs.join(','));
    if (extended) {
      // The statements checked with the glossary as it was (a Japanese text's terms unread) are checked
      // again; the server does it in the background when it starts (see takePendingRechecks).
      // Those with a text in a language added, mentioning a term extended in any of its languages.
      const touched = statementsToRecheck(db, renderings)
        .filter((id) => listCurrentTexts(db, id).some((t) => added.includes(baseLanguage(t.lang))));
      const pending = new Set([...pendingRechecks(db), ...touched]);
      if (pending.size) setSetting(db, PENDING, [...pending].sort((a, b) => a - b).join(','));
      bump(db);
      recordEvent(db, { at, actor: 'twintext', action: 'glossary.extend', statementId: null, entity: 'glossary', entityId: 0, after: { languages: added, terms: extended } });
    }
  }).immediate();
}

/** Statements to check again since the glossary was extended (comma-separated ids). */
const PENDING = 'glossary_recheck_pending';

/** The statements waiting to be checked with the glossary as extended (see extendSeededGlossary). */
export function pendingRechecks(db: Db): number[] {
  return (getSetting(db, PENDING) ?? '').split(',').filter(Boolean).map(Number);
}

/**
 * Checks again, in the background, the statements the glossary's extension left checked with the
 * glossary as it was, and then takes them off the list (those checked meanwhile by an edit are
 * simply checked twice). Resolves when done; a server awaits it before closing (settleRechecks).
 */
export function recheckPending(db: Db, opts: OpsOptions = {}, onError: (err: unknown) => void = () => {}): Promise<void> {
  const ids = pendingRechecks(db);
  if (!ids.length) return Promise.resolve();
  return recheckInBackground(db, ids, 'twintext', opts, onError).then(() => {
    if (!db.open) return;
    db.transaction(() => {
      const left = pendingRechecks(db).filter((id) => !ids.includes(id));
      setSetting(db, PENDING, left.join(','));
    }).immediate();
  });
}

function bump(db: Db): void {
  setSetting(db, REV, String(Number(getSetting(db, REV) ?? '0') + 1));
}

// Parsed glossaries are cached per database and revision: the matcher behind them is costly to build.
const cache = new WeakMap<Db, { rev: string; glossary: Glossary }>();

/** The glossary the aligner and the checks use for this database. */
export function dbGlossary(db: Db, opts: OpsOptions = {}): Glossary {
  if (opts.glossary) return opts.glossary;
  ensureGlossarySeeded(db, opts);
  const rev = getSetting(db, REV) ?? '0';
  const hit = cache.get(db);
  if (hit && hit.rev === rev) return hit.glossary;
  const rows = listGlossaryTerms(db);
  // The languages the terms have, in the seeded file's column order (a term has no entry for a
  // language it has no rendering in, so the first term alone no longer shows them all), then the others.
  const filed = (getSetting(db, SEEDED_LANGS) ?? '').split(',');
  const rank = (l: string) => (filed.includes(l) ? filed.indexOf(l) : filed.length);
  const langs = [...new Set(rows.flatMap((r) => Object.keys(r.terms)))].sort((a, b) => rank(a) - rank(b));
  const glossary: Glossary = { langs: langs.length >= 2 ? langs : ['en', 'ko'], terms: rows.map((r) => (r.note ? { terms: r.terms, note: r.note } : { terms: r.terms })) };
  cache.set(db, { rev, glossary });
  return glossary;
}

/** Validates `{terms: {en: ["…"], ko: ["…", "…"]}, note}`; strings may list alternatives separated by "|". */
export function parseTermInput(input: { terms?: unknown; note?: unknown }): { terms: Record<string, string[]>; note: string } {
  if (typeof input.terms !== 'object' || input.terms === null || Array.isArray(input.terms))
    throw new InputError('"terms" must map language codes to a term or a list of alternatives, e.g. {"en": "alliance", "ko": ["동맹"]}');
  const terms: Record<string, string[]> = {};
  for (const [lang, v] of Object.entries(input.terms)) {
    assertLanguage(lang, false);
    const list = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' ? x.split('|') : [null]));
    if (list.some((x) => x === null)) throw new InputError(`terms for "${lang}" must be strings`);
    const clean = (list as string[]).map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (clean.some((x) => x.length > 200)) throw new InputError('a glossary term is limited to 200 characters');
    if (clean.length) terms[lang] = [...new Set(clean)];
  }
  if (Object.keys(terms).length < 2) throw new InputError('a glossary term needs entries in at least two languages');
  if (input.note !== undefined && typeof input.note !== 'string') throw new InputError('"note" must be a string');
  return { terms, note: (input.note ?? '').trim() };
}

/**
 * What becomes of the statements a term's change can touch (see statementsToRecheck): re-checked at
 * once (the CLI), or handed to the caller (the server, which answers first and re-checks them in the
 * background, see recheckInBackground).
 */
export type Rechecks = (statementIds: number[]) => void;

/**
 * The statements a term's change can touch: those whose texts hold one of its old or new renderings.
 * English renderings are looked for by their first letters, so that "reaffirmed" and "allies" are
 * caught by their terms.
 */
function statementsToRecheck(db: Db, renderings: Record<string, string[]>[]): number[] {
  const needles = renderings.flatMap((terms) => Object.values(terms).flat()).map((w) => (/^[\x00-\x7f]+$/.test(w) && w.length > 4 ? w.slice(0, Math.max(4, w.length - 3)) : w));
  return statementsMentioning(db, needles);
}

/**
 * Runs the checks again on each statement (the glossary is what the terminology, names and coverage
 * checks read), one statement per transaction and event (checks.run, by whoever changed the term),
 * after the term's own transaction: a term found in hundreds of statements must not hold the write
 * lock for seconds.
 */
function recheckNow(db: Db, ids: number[], actor: string, opts: OpsOptions): void {
  for (const id of ids) recheckOne(db, id, actor, opts);
}

/** One statement's checks computed and stored in one write transaction: another writer's edit cannot fall between. */
function recheckOne(db: Db, id: number, actor: string, opts: OpsOptions): void {
  db.transaction(() => runStatementChecks(db, id, actor, opts)).immediate();
}

// Re-checks still running in the background, per database: a server waits for them before it closes.
const running = new WeakMap<Db, Set<Promise<void>>>();

/** Resolves once the background re-checks on this database (recheckInBackground) are done. */
export async function settleRechecks(db: Db): Promise<void> {
  await Promise.all([...(running.get(db) ?? [])]);
}

/**
 * The same, one statement a turn of the event loop, so a server keeps answering meanwhile (10–20 ms a
 * statement). A statement deleted meanwhile, or a database closed, ends that statement's turn quietly;
 * other failures go to `onError`. Resolves when every statement has had its turn.
 */
export function recheckInBackground(db: Db, ids: number[], actor: string, opts: OpsOptions = {}, onError: (err: unknown) => void = () => {}): Promise<void> {
  const done = new Promise<void>((resolve) => {
    const turn = (k: number): void => {
      if (k >= ids.length || !db.open) return resolve();
      try {
        recheckOne(db, ids[k]!, actor, opts);
      } catch (err) {
        if (!(err instanceof NotFoundError)) onError(err);
      }
      setImmediate(() => turn(k + 1));
    };
    setImmediate(() => turn(0));
  });
  const set = running.get(db) ?? running.set(db, new Set()).get(db)!;
  set.add(done);
  void done.then(() => set.delete(done));
  return done;
}

/**
 * A term's renderings as the glossary's matcher tells them apart: each language's set, spaces
 * collapsed and case folded. The matcher reads Latin terms case-insensitively (one trie node per
 * folded word run; the first term there wins), so "Alliance" beside "alliance" is no second term but
 * one the checks would never find.
 */
function termKey(terms: Record<string, string[]>, fold: boolean): string {
  const form = (s: string) => (fold ? s.replace(/\s+/g, ' ').trim().toLowerCase() : s);
  return JSON.stringify(
    Object.keys(terms)
      .filter((l) => terms[l]!.length)
      .sort()
      .map((l) => [l, [...new Set(terms[l]!.map(form))].sort()]),
  );
}

/** A term's renderings in these languages only. */
function within(terms: Record<string, string[]>, langs: string[]): Record<string, string[]> {
  return Object.fromEntries(langs.map((l) => [l, terms[l] ?? []]));
}

/** How a term the glossary has already is the same as the one given (see sameTerm). */
type Twin = { row: GlossaryTermRow; exact: boolean; more: boolean };

/**
 * The term already in the glossary with these renderings (in any order), if any, but term `except`;
 * with `variants`, also one they differ from only in case or spacing (`exact` false). With `more`,
 * also one that has these renderings in every language given and others besides (`more` true): the
 * seeded "space / 우주 / 宇宙" for a "space / 우주" added from the CLI, which cannot give Japanese.
 * The matcher would find the first of the two only, so the second is no term of its own.
 */
function sameTerm(db: Db, terms: Record<string, string[]>, except: number | undefined, variants: boolean, more: boolean): Twin | undefined {
  const langs = Object.keys(terms).filter((l) => terms[l]!.length);
  const rows = listGlossaryTerms(db).filter((r) => r.id !== except);
  for (const fold of variants ? [false, true] : [false]) {
    const key = termKey(terms, fold);
    const row = rows.find((r) => termKey(r.terms, fold) === key);
    if (row) return { row, exact: !fold, more: false };
    const wider = more ? rows.find((r) => termKey(within(r.terms, langs), fold) === key) : undefined;
    if (wider) return { row: wider, exact: !fold, more: true };
  }
  return undefined;
}

/** The conflict of a term the glossary has already, naming the one it has (and how it writes it). */
function duplicateTerm(twin: Twin): ConflictError {
  const written = Object.entries(twin.row.terms).map(([l, v]) => `${l} "${v.join('|')}"`).join(', ');
  if (twin.more) return new ConflictError(`the glossary has this term already${twin.exact ? '' : ', differing only in case or spacing'}, with more languages: term ${twin.row.id} (${written}); change that one instead`);
  if (twin.exact) return new ConflictError(`the glossary has this term already (term ${twin.row.id})`);
  return new ConflictError(`the glossary has this term already, differing only in case or spacing: term ${twin.row.id} (${written})`);
}

export function addGlossaryTerm(db: Db, input: { terms?: unknown; note?: unknown }, actor: string, opts: OpsOptions = {}, rechecks?: Rechecks): GlossaryTermRow {
  const t = parseTermInput(input);
  ensureGlossarySeeded(db, opts);
  const row = db
    .transaction(() => {
      // Checked inside the write transaction, so two people adding the same term cannot both get in.
      const twin = sameTerm(db, t.terms, undefined, true, true);
      if (twin) throw duplicateTerm(twin);
      const at = nowIso(opts);
      const id = insertGlossaryTerm(db, { ...t, author: actor, at });
      bump(db);
      const row = getGlossaryTerm(db, id);
      recordEvent(db, { at, actor, action: 'glossary.add', statementId: null, entity: 'glossary_term', entityId: id, after: row });
      return row;
    })
    .immediate();
  const ids = statementsToRecheck(db, [row.terms]);
  if (rechecks) rechecks(ids);
  else recheckNow(db, ids, actor, opts);
  return row;
}

export function changeGlossaryTerm(db: Db, id: number, input: { terms?: unknown; note?: unknown }, actor: string, opts: OpsOptions = {}, rechecks?: Rechecks): GlossaryTermRow {
  const t = parseTermInput(input);
  const { before, after } = db
    .transaction(() => {
      const before = getGlossaryTerm(db, id);
      const at = nowIso(opts);
      // A case variant only when the change makes one: a database may hold two terms that differ in
      // case from before they were refused, and each must stay editable (its note, say) until the
      // team removes one. Likewise a term with another's renderings in fewer languages, only when the
      // change rewrites a rendering it keeps a language of: one that only gives its term a language
      // more or less (its Japanese, say) is still the term the team has, and stays allowed.
      const kept = Object.keys(t.terms).filter((l) => before.terms[l]?.length);
      const rewrites = !kept.length || termKey(within(t.terms, kept), false) !== termKey(within(before.terms, kept), false);
      const twin = sameTerm(db, t.terms, id, termKey(t.terms, true) !== termKey(before.terms, true), rewrites);
      if (twin) throw duplicateTerm(twin);
      updateGlossaryTerm(db, id, { ...t, at });
      bump(db);
      const after = getGlossaryTerm(db, id);
      recordEvent(db, { at, actor, action: 'glossary.update', statementId: null, entity: 'glossary_term', entityId: id, before, after });
      return { before, after };
    })
    .immediate();
  const ids = statementsToRecheck(db, [before.terms, after.terms]);
  if (rechecks) rechecks(ids);
  else recheckNow(db, ids, actor, opts);
  return after;
}

export function removeGlossaryTerm(db: Db, id: number, actor: string, opts: OpsOptions = {}, rechecks?: Rechecks): void {
  const before = db.transaction(() => {
    const before = getGlossaryTerm(db, id);
    deleteGlossaryTerm(db, id);
    bump(db);
    recordEvent(db, { at: nowIso(opts), actor, action: 'glossary.remove', statementId: null, entity: 'glossary_term', entityId: id, before });
    return before;
  }).immediate();
  const ids = statementsToRecheck(db, [before.terms]);
  if (rechecks) rechecks(ids);
  else recheckNow(db, ids, actor, opts);
}

/** The glossary as TSV in the data/glossary.tsv format (header from the languages in use). */
export function glossaryToTsv(db: Db, opts: OpsOptions = {}): string {
  const g = dbGlossary(db, opts);
  const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');
  const lines = [[...g.langs, 'note'].join('\t')];
  for (const t of g.terms) lines.push([...g.langs.map((l) => (t.terms[l] ?? []).map(clean).join('|')), clean(t.note ?? '')].join('\t'));
  return lines.join('\n') + '\n';
}

export function listGlossary(db: Db, opts: OpsOptions = {}): GlossaryTermRow[] {
  ensureGlossarySeeded(db, opts);
  return listGlossaryTerms(db);
}
