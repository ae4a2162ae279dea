// Terminology check: a glossary term on one side should come with one of its listed translations.
import { findGlossaryTerms, type Glossary } from '../glossary.ts';
import { HANGUL_RE, langName } from './side.ts';
import type { RawFinding, Severity, Unit } from './types.ts';

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

/** Every translation the glossary lists for a surface form, over all entries that list that form. */
export function translationsOf(g: Glossary, surface: string, from: string, to: string): { alts: string[]; entries: number[] } {
  const s = norm(surface);
  const alts = new Set<string>();
  const entries: number[] = [];
  g.terms.forEach((t, i) => {
    const mine = t.terms[from] ?? [];
    if (mine.some((m) => { const n = norm(m); return n === s || s.startsWith(n) && /^(?:s|es|d|ed|ing)$/.test(s.slice(n.length)); })) {
      for (const a of t.terms[to] ?? []) alts.add(a);
      entries.push(i);
    }
  });
  return { alts: [...alts], entries };
}

/** Found in a text: Hangul and other unspaced scripts by substring, Latin terms as words. */
export function contains(text: string, term: string): boolean {
  if (HANGUL_RE.test(term) || !/[A-Za-z]/.test(term)) return text.replace(/\s+/g, '').includes(term.replace(/\s+/g, ''));
  const e = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\d])${e}(?:s|es|d|ed|ing)?(?![\\p{L}\\d])`, 'iu').test(text);
}

/** Names of institutions, titles and programmes must be rendered as listed; common words vary with style. */
export function isProperTerm(surface: string): boolean {
  return /\p{Lu}/u.test(surface) || /[\s-]/.test(surface.trim());
}

export const isAcronym = (s: string) => /^[\p{Lu}\d.&/-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

// Month and season names are the dates check's business.
const DATE_WORD = /^(?:\d{1,2}월|봄|여름|가을|겨울|상반기|하반기|연내|연말|내년|지난달|오늘|내일)$/u;

export function checkTerminology(u: Unit): RawFinding[] {
  const g = u.opts.glossary;
  if (!g) return [];
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const [from, to, side] of [[u.src, u.tgt, 'src'], [u.tgt, u.src, 'tgt']] as const) {
    // Curly apostrophes are straightened (same length, so offsets hold) to meet the glossary's spelling.
    for (const h of findGlossaryTerms(from.text.replace(/’/g, "'"), from.lang, g)) {
      const surface = from.text.slice(h.start, h.end);
      const { alts, entries } = translationsOf(g, surface, from.lang, to.lang);
      if (!alts.length || alts.some((a) => DATE_WORD.test(a))) continue;
      // Acronyms are the acronym check's business (it knows which renderings stand for them).
      if (isAcronym(surface)) continue;
      if (alts.some((a) => contains(to.text, a))) continue;
      const own = entries.flatMap((i) => g.terms[i]!.terms[from.lang] ?? []);
      if (own.some((a) => isAcronym(a) && contains(to.text, a))) continue;
      // One-syllable Korean forms ("미", "한") match inside unrelated words, so they cannot anchor a finding.
      if (side === 'tgt' && surface.replace(/\s/g, '').length < 2) continue;
      const key = `terminology:${side}:${norm(surface)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Named bodies and programmes (entries with an acronym) must be rendered as listed; other terms,
      // titles included, are routinely shortened or paraphrased, and the reverse lookup is looser still.
      const named = own.some(isAcronym) || alts.some(isAcronym);
      const severity: Severity = side === 'src' && named && isProperTerm(surface) ? 'warning' : 'info';
      const [F, Tn] = side === 'src' ? [langName(u.src.lang), langName(u.tgt.lang)] : [langName(u.tgt.lang), langName(u.src.lang)];
      out.push({
        check: 'terminology', severity,
        message: `${F} "${surface}" should be rendered as ${alts.slice(0, 4).map((a) => `"${a}"`).join(' or ')} in ${Tn}, which is missing`,
        key, srcHits: side === 'src' ? [h] : [], tgtHits: side === 'tgt' ? [h] : [],
      });
    }
  }
  return out;
}
