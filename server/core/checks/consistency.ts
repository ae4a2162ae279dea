// Corpus consistency: one glossary term should get the same rendering in every statement.
import { findGlossaryTerms } from '../glossary.ts';
import { langName } from './side.ts';
import { contains, isAcronym, isProperTerm, readsOtherwise, translationsOf } from './terminology.ts';
import type { CheckOptions, Finding, Span } from './types.ts';

export interface ConsistencyPair { statementId: number; title?: string; date: string | null; src: string; tgt: string }

/** How a finding names a statement: its number, its title (cut at 50 characters) and its date. */
function statementName(u: { statementId: number; title?: string; date: string | null }): string {
  const t = u.title?.replace(/\s+/g, ' ').trim();
  const short = t && t.length > 50 ? t.slice(0, 49).trimEnd() + '…' : t;
  return `statement ${u.statementId}${short ? ` “${short}”` : ''}${u.date ? ` (${u.date})` : ''}`;
}

interface Use { pair: number; statementId: number; title?: string; date: string | null; span: Span; rendering: string; renderSpan: Span }

function spanAt(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function firstRendering(text: string, alts: string[]): { alt: string; span: Span } | null {
  let best: { alt: string; span: Span } | null = null;
  // Longest alternative first so "한미동맹" is not reported as "동맹".
  for (const a of [...alts].sort((x, y) => y.length - x.length)) {
    if (!contains(text, a)) continue;
    const at = text.indexOf(a);
    if (at < 0) continue;
    if (!best || at < best.span.start) best = { alt: a, span: spanAt(text, at, at + a.length) };
  }
  return best;
}

/**
 * Pairs are aligned texts (a paragraph or a whole statement each); findings refer to them by their
 * index in `pairs` (in `src`/`tgt` and in the spans' `paragraph`).
 */
export function checkConsistency(pairs: ConsistencyPair[], opts: CheckOptions): Finding[] {
  const g = opts.glossary;
  const out: Finding[] = [];
  if (!g) return acronymGlosses(pairs, opts);
  for (const [fromLang, toLang, dir] of [[opts.srcLang, opts.tgtLang, 'src'], [opts.tgtLang, opts.srcLang, 'tgt']] as const) {
    const uses = new Map<string, Use[]>();
    pairs.forEach((p, i) => {
      const from = dir === 'src' ? p.src : p.tgt;
      const to = dir === 'src' ? p.tgt : p.src;
      for (const h of findGlossaryTerms(from, fromLang, g)) {
        const surface = from.slice(h.start, h.end);
        const { alts, entries } = translationsOf(g, surface, fromLang, toLang);
        if (alts.length < 2 || readsOtherwise(from, h, alts)) continue;
        // Going back to English, alternatives are mostly inflections ("agree", "agreed") or the acronym of
        // the long form: only distinct long names count, and a one-syllable Korean form is too ambiguous.
        if (dir === 'tgt' && (!alts.every(isProperTerm) || surface.replace(/\s/g, '').length < 2)) continue;
        const r = firstRendering(to, dir === 'tgt' ? alts.filter((a) => !isAcronym(a)) : alts);
        if (!r) continue;
        const id = entries.join(',');
        uses.set(id, [...(uses.get(id) ?? []), {
          pair: i, statementId: p.statementId, title: p.title, date: p.date, span: spanAt(from, h.start, h.end), rendering: r.alt, renderSpan: r.span,
        }]);
      }
    });
    for (const [id, list] of [...uses.entries()].sort((a, b) => (a[1][0]!.pair - b[1][0]!.pair) || (a[0] < b[0] ? -1 : 1))) {
      const byRendering = new Map<string, Use[]>();
      // Spacing and middle-dot variants ("정보 공유" / "정보공유", "인도·태평양" / "인도∙태평양") are one rendering.
      for (const u of list) {
        const k = u.rendering.toLowerCase().replace(/[\s·∙・‧-]/g, '');
        byRendering.set(k, [...(byRendering.get(k) ?? []), u]);
      }
      // "Korea" inside "Republic of Korea" is the same name shortened, not another rendering.
      for (const k of [...byRendering.keys()]) {
        if ([...byRendering.keys()].some((o) => o !== k && o.includes(k)) && dir === 'tgt') byRendering.delete(k);
      }
      if (byRendering.size < 2) continue;
      const statements = (us: Use[]) => [...new Map(us.map((u) => [u.statementId, u])).values()]
        .map(statementName).join(', ');
      const parts = [...byRendering.values()].map((us) => `"${us[0]!.rendering}" in ${statements(us)}`);
      const term = list[0]!.span.text;
      const srcSide = dir === 'src';
      const termSpans = list.map((u) => ({ paragraph: u.pair, span: u.span }));
      const renderSpans = list.map((u) => ({ paragraph: u.pair, span: u.renderSpan }));
      const idx = [...new Set(list.map((u) => u.pair))].sort((a, b) => a - b);
      out.push({
        check: 'consistency',
        // Named bodies (entries with an acronym) must be consistent; other vocabulary varies with style,
        // and so do a country's short forms (미국, 미, 미측; 대한민국, 한국, 한측), which the context picks:
        // a warning needs two different renderings that are names in their own right (three characters or more).
        severity: dir === 'src' && id.split(',').some((e) => Object.values(g.terms[Number(e)]!.terms).flat().some(isAcronym))
          && [...byRendering.keys()].filter((k) => [...k].length >= 3).length >= 2 ? 'warning' : 'info',
        message: `${langName(fromLang)} "${term}" is rendered differently in ${langName(toLang)}: ${parts.join('; ')}`,
        src: idx, tgt: idx,
        srcSpans: srcSide ? termSpans : renderSpans,
        tgtSpans: srcSide ? renderSpans : termSpans,
        key: `consistency:${dir}:${id}:${[...byRendering.keys()].sort().join('|')}`,
      });
    }
  }
  return [...out, ...acronymGlosses(pairs, opts)];
}

// An acronym glossed in the translation, "통합국방협의체(KIDD)", "核協議グループ（NCG）": the words
// before the bracket are its rendering.
const GLOSSED = /([^\s()（）]+)(?:\s([^\s()（）]+))?\s?[(（]([A-Z][A-Z0-9&-]*[A-Z0-9])[)）]/gu;
/** Japanese writes no spaces: its rendering is the run of kanji and katakana before the bracket. */
const JA_RUN = /[\p{Script=Han}\p{Script=Katakana}ー・]+$/u;

interface Gloss { pair: number; statementId: number; title?: string; date: string | null; last: string; lastTwo: string; span: Span }

/**
 * The glossary aside: an acronym the glossary does not list, glossed differently in the translations
 * of two statements ("통합국방협의체(KIDD)" in one, "통합국방대화(KIDD)" in another). A named body has
 * one name: a warning. A rendering written with more words before it ("한미 통합국방협의체", "핵협의 그룹")
 * is the same rendering.
 */
function acronymGlosses(pairs: ConsistencyPair[], opts: CheckOptions): Finding[] {
  const g = opts.glossary;
  const out: Finding[] = [];
  for (const dir of ['tgt', 'src'] as const) {
    const lang = dir === 'tgt' ? opts.tgtLang : opts.srcLang, other = dir === 'tgt' ? opts.srcLang : opts.tgtLang;
    const ja = lang.split('-')[0] === 'ja';
    const uses = new Map<string, Gloss[]>();
    pairs.forEach((p, i) => {
      const text = dir === 'tgt' ? p.tgt : p.src;
      // Only a translation in a script of its own glosses acronyms: English writes "the Group (NCG)".
      if (!/[\p{Script=Hangul}\p{Script=Han}\p{Script=Katakana}]/u.test(text)) return;
      for (const m of text.matchAll(GLOSSED)) {
        const acr = m[3]!;
        let [w1, w2] = m[2] ? [m[1]!, m[2]] : [undefined, m[1]!];
        if (ja) {
          const run = JA_RUN.exec(w2)?.[0];
          if (!run) continue;
          [w1, w2] = [undefined, run];
        }
        // A gloss is words of the translation's script, not a number or another acronym; a quantity
        // before a unit's symbol ("1,400메가와트(MW)", "１００万ドル（USD）") is no gloss of a name.
        if (!/[\p{Script=Hangul}\p{Script=Han}\p{Script=Katakana}]{2}/u.test(w2) || /[\d０-９]/u.test(m[2] ?? m[1]!)) continue;
        // Quotation marks around a name ("‘프리덤 에지’(FE)") are not the name's.
        const quotes = /^[‘’'"“”「」『』《》〈〉]+|[‘’'"“”「」『』《》〈〉]+$/gu;
        w2 = w2.replace(quotes, '');
        w1 = w1?.replace(quotes, '');
        if (!w2) continue;
        const token = m[2] ?? m[1]!;
        const end = m.index + m[0].lastIndexOf(token) + token.length - (token.length - token.replace(/[‘’'"“”「」『』《》〈〉]+$/u, '').length);
        const start = end - w2.length;
        uses.set(acr, [...(uses.get(acr) ?? []), {
          pair: i, statementId: p.statementId, title: p.title, date: p.date,
          last: w2, lastTwo: (w1 ?? '') + w2, span: spanAt(text, start, end),
        }]);
      }
    });
    for (const [acr, list] of uses) {
      // The glossary's acronyms are the terminology check's and the glossary consistency's.
      if (g && findGlossaryTerms(acr, other, g).some((h) => h.end - h.start === acr.length)) continue;
      // Renderings the same up to words before them fall together (a union of the uses that agree).
      const groups: Gloss[][] = [];
      for (const u of list) {
        // Middle dots and spacing are one rendering ("인도·태평양" / "인도태평양", "フリーダム・エッジ").
        const k = (x: string) => x.replace(/[\s·∙・‧]/gu, '');
        const same = (a: Gloss, b: Gloss) => k(a.last) === k(b.last) || k(a.lastTwo).endsWith(k(b.last)) || k(b.lastTwo).endsWith(k(a.last));
        const hit = groups.filter((gr) => gr.some((x) => same(x, u)));
        const merged = [...hit.flat(), u];
        for (const h of hit) groups.splice(groups.indexOf(h), 1);
        groups.push(merged);
      }
      if (groups.length < 2 || new Set(list.map((u) => u.statementId)).size < 2) continue;
      groups.sort((a, b) => a[0]!.pair - b[0]!.pair);
      const statements = (us: Gloss[]) => [...new Map(us.map((u) => [u.statementId, u])).values()].map(statementName).join(', ');
      const spans = list.map((u) => ({ paragraph: u.pair, span: u.span }));
      const idx = [...new Set(list.map((u) => u.pair))].sort((a, b) => a - b);
      const names = groups.map((gr) => gr[0]!.last);
      out.push({
        check: 'consistency',
        severity: 'warning',
        message: `${acr} is glossed differently in ${langName(lang)}: ${groups.map((gr) => `"${gr[0]!.last}" in ${statements(gr)}`).join('; ')}`,
        src: idx, tgt: idx,
        srcSpans: dir === 'src' ? spans : [],
        tgtSpans: dir === 'tgt' ? spans : [],
        key: `consistency:gloss:${dir}:${acr}:${[...names].sort().join('|')}`,
      });
    }
  }
  return out;
}
