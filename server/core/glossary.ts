// Bilingual glossary: parsing the TSV file and finding its terms in a paragraph.
import { InputError, type Lang } from './types.ts';

export interface GlossaryTerm { terms: Record<Lang, string[]>; note?: string }
export interface Glossary {
  terms: GlossaryTerm[];
  /** Languages in column order, as named by the header line. */
  langs: Lang[];
}

const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$/;

/**
 * Parses data/glossary.tsv: a header naming the language columns (then an optional `note`
 * column), one term per line, alternatives separated by `|`, `#` comments and blank lines.
 */
export function parseGlossary(tsv: string): Glossary {
  const lines = tsv.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  let langs: Lang[] | null = null;
  let noteCol = -1;
  const terms: GlossaryTerm[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const no = i + 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const cols = line.split('\t').map((c) => c.trim());
    if (!langs) {
      const names = cols.filter((c) => c !== '');
      noteCol = names.indexOf('note');
      const ls = noteCol >= 0 ? names.slice(0, noteCol) : names;
      if (ls.length < 2 || !ls.every((l) => LANG_RE.test(l)) || (noteCol >= 0 && noteCol !== names.length - 1)) {
        throw new InputError(`glossary line ${no}: header must name two or more language columns then an optional "note" column (e.g. "en\\tko\\tnote"), got "${line}"`);
      }
      langs = ls;
      continue;
    }
    const width = langs.length + (noteCol >= 0 ? 1 : 0);
    if (cols.length > width) {
      throw new InputError(`glossary line ${no}: expected at most ${width} tab-separated columns, got ${cols.length}`);
    }
    const rec: Record<Lang, string[]> = {};
    let filled = 0;
    for (let k = 0; k < langs.length; k++) {
      const alts = (cols[k] ?? '').split('|').map((s) => s.trim()).filter(Boolean);
      rec[langs[k]!] = alts;
      if (alts.length) filled++;
    }
    if (filled < 2) {
      throw new InputError(`glossary line ${no}: a term needs entries in at least two languages ("${line.slice(0, 60)}")`);
    }
    const note = noteCol >= 0 ? cols[langs.length] : undefined;
    terms.push(note ? { terms: rec, note } : { terms: rec });
  }
  if (!langs) throw new InputError('glossary: missing header line (e.g. "en\\tko\\tnote")');
  return { terms, langs };
}

interface Matcher { re: RegExp | null; acr: RegExp | null; ids: Map<string, number> }
const cache = new WeakMap<Glossary, Map<Lang, Matcher>>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isLatin = (s: string) => /^[\p{Script=Latin}\d\s.,'’&/-]+$/u.test(s);
const isAcronym = (s: string) => /^[\p{Lu}\d&.-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

function matcher(g: Glossary, lang: Lang): Matcher {
  let per = cache.get(g);
  if (!per) cache.set(g, (per = new Map()));
  const hit = per.get(lang);
  if (hit) return hit;
  const ids = new Map<string, number>();
  const acrIds = new Map<string, number>();
  g.terms.forEach((t, idx) => {
    for (const s of t.terms[lang] ?? []) {
      if (isAcronym(s)) {
        if (!acrIds.has(s)) acrIds.set(s, idx);
      } else {
        const k = s.toLowerCase().replace(/[’]/g, "'");
        if (!ids.has(k)) ids.set(k, idx);
      }
    }
  });
  const alt = (keys: string[], latinBound: boolean) =>
    keys.sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((k) => {
      const e = escape(k).replace(/\s+/g, '\\s+');
      // English inflection is handled by an optional suffix so "reaffirm" finds "reaffirmed".
      return latinBound && isLatin(k) ? `(?<![\\p{L}\\d])${e}(?:s|es|d|ed|ing)?(?![\\p{L}\\d])` : e;
    }).join('|');
  const words = [...ids.keys()];
  const acrs = [...acrIds.keys()];
  for (const [k, v] of acrIds) ids.set(k, v);
  const m: Matcher = {
    re: words.length ? new RegExp(alt(words, true), 'giu') : null,
    acr: acrs.length ? new RegExp(alt(acrs, false).split('|').map((a) => `(?<![\\p{L}])${a}(?![\\p{Ll}\\p{Lu}])`).join('|'), 'gu') : null,
    ids,
  };
  per.set(lang, m);
  return m;
}

function lookup(m: Matcher, found: string): number | undefined {
  const direct = m.ids.get(found) ?? m.ids.get(found.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' '));
  if (direct !== undefined) return direct;
  const base = found.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
  for (const suf of ['ing', 'ed', 'es', 'd', 's']) {
    if (base.endsWith(suf)) {
      const v = m.ids.get(base.slice(0, -suf.length));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Non-overlapping glossary terms in `text`, longest match first, sorted by position. */
export function findGlossaryTerms(text: string, lang: Lang, g: Glossary): { termIndex: number; start: number; end: number }[] {
  const m = matcher(g, lang);
  const hits: { termIndex: number; start: number; end: number }[] = [];
  for (const re of [m.acr, m.re]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      const idx = lookup(m, x[0]);
      if (idx === undefined) continue;
      const start = x.index, end = x.index + x[0].length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ termIndex: idx, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
