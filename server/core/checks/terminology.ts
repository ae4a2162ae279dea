// Terminology check: a glossary term on one side should come with one of its listed translations.
import { findGlossaryTerms, type Glossary } from '../glossary.ts';
import { HANGUL_RE, langName } from './side.ts';
import type { RawFinding, Severity, Unit } from './types.ts';

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

type Index = Map<string, Map<string, number[]>>;
const indexes = new WeakMap<Glossary, Index>();

/** Entries by normalised surface form, per language, built once per glossary. */
function indexOf(g: Glossary, lang: string): Map<string, number[]> {
  let per = indexes.get(g);
  if (!per) indexes.set(g, (per = new Map()));
  let m = per.get(lang);
  if (!m) {
    m = new Map();
    g.terms.forEach((t, i) => {
      for (const a of t.terms[lang] ?? []) {
        const k = norm(a);
        m!.set(k, [...(m!.get(k) ?? []), i]);
      }
    });
    per.set(lang, m);
  }
  return m;
}

/** Every translation the glossary lists for a surface form, over all entries that list that form. */
export function translationsOf(g: Glossary, surface: string, from: string, to: string): { alts: string[]; entries: number[] } {
  const idx = indexOf(g, from);
  const s = norm(surface);
  let entries = idx.get(s);
  if (!entries) {
    for (const suf of ['ing', 'ed', 'es', 'd', 's']) {
      if (s.endsWith(suf) && (entries = idx.get(s.slice(0, -suf.length)))) break;
    }
  }
  const list = entries ?? [];
  const alts = new Set<string>();
  for (const i of list) for (const a of g.terms[i]!.terms[to] ?? []) alts.add(a);
  return { alts: [...alts], entries: list };
}

const wordRes = new Map<string, RegExp>();

/** Found in a text: Hangul and other unspaced scripts by substring, Latin terms as words. */
export function contains(text: string, term: string): boolean {
  if (HANGUL_RE.test(term) && term.length === 1) {
    // "미" (U.S.) or "한" (ROK) only count as words of their own ("미 국방부"), not inside "미사일".
    // Compounds of such abbreviations ("한미", "한미일") count too.
    // Punctuation ends it too ("북한의 핵, 탄도 미사일").
    return new RegExp(`(?<![가-힣])[한미일중러북]*${term}[한미일중러북]*(?=[\\s·∙\\-,.;:)\\]」』”’]|$|[은는이가을를의와과도에](?![가-힣]))`, 'u').test(text);
  }
  if (HANGUL_RE.test(term) || !/[A-Za-z]/.test(term)) return text.replace(/\s+/g, '').includes(term.replace(/\s+/g, ''));
  let re = wordRes.get(term);
  if (!re) {
    // An apostrophe is either kind ("People’s" in a text typeset with curly quotes).
    const e = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
    re = new RegExp(`(?<![\\p{L}\\d])${e}(?:s|es|d|ed|ing)?(?![\\p{L}\\d])`, 'iu');
    wordRes.set(term, re);
  }
  return re.test(text);
}

/**
 * Korean names the parties of a relation with one compound of one-syllable country abbreviations
 * ("한미", "한미일 정상회의", "한·일", "북미"), or of one such abbreviation and a country written out
 * ("한-호주"): only there does the syllable stand for the country.
 */
const ABBREVIATION: Record<string, string> = {
  대한민국: '한', 한국: '한', 미국: '미', 일본: '일', 중국: '중', 러시아: '러', 북한: '북',
  // Japanese writes its compounds of parties with one kanji a country: 日米韓, 日韓, 米韓, 日中韓.
  日本: '日', 米国: '米', アメリカ: '米', 韓国: '韓', 大韓民国: '韓', 中国: '中', 豪州: '豪', オーストラリア: '豪', インド: '印',
};
const COMPOUND = /(?<![가-힣])[한미일중러북](?:[·∙ㆍ・-]?[한미일중러북])+|[日米韓中豪印](?:・?[日米韓中豪印])+/gu;
/** One of them joined to a country written out ("한-호주", "한·아세안", "한-베트남"). */
const LEADING = /(?<![가-힣])([한미일중러북])[·∙ㆍ・-](?=[가-힣]{2})/gu;

/**
 * Whether a Korean (or Japanese) text names the country of one of `alts` inside such a compound. A compound that
 * opens a longer term of the glossary (`terms`: "한미동맹", "한미연합사령부") is that term's, and
 * does not count: it renders "U.S.-ROK Alliance", not the country the source names besides.
 */
export function inPartyCompound(text: string, alts: string[], terms: { start: number; end: number }[]): boolean {
  const wanted = new Set(alts.map((a) => ABBREVIATION[a]).filter((x) => x !== undefined));
  if (!wanted.size) return false;
  for (const m of text.matchAll(COMPOUND)) {
    const letters = m[0].replace(/[·∙ㆍ・-]/g, '');
    // 북한 is North Korea's own name, not "North Korea and Korea".
    if (letters.startsWith('북한')) continue;
    const start = m.index, end = start + m[0].length;
    if (terms.some((t) => t.start <= start && t.end >= end && t.end - t.start > end - start)) continue;
    for (const c of letters) if (wanted.has(c)) return true;
  }
  for (const m of text.matchAll(LEADING)) {
    const start = m.index, end = start + m[0].length;
    if (terms.some((t) => t.start <= start && t.end >= end && t.end - t.start > end - start)) continue;
    if (wanted.has(m[1]!)) return true;
  }
  return false;
}

/** An acronym used on its own ("NCG는"), not as the gloss of a native name ("핵협의그룹(NCG)"), stands for the term. */
function bareAcronym(text: string, acr: string): number {
  const e = acr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let n = 0;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${e}(?![\\p{L}])`, 'gu'))) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (!/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\s?[(（]$/u.test(before)) n++;
  }
  return n;
}

function countWord(text: string, w: string): number {
  const e = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}])${e}(?![\\p{L}])`, 'gu'))].length;
}

/**
 * A Korean term that is a word of its own, bare or with a particle: inside a longer compound
 * ("중국외교부장" holds 외교부) it names something else.
 */
function standsAlone(text: string, h: { start: number; end: number }): boolean {
  if (/[가-힣]/u.test(text[h.start - 1] ?? '')) return false;
  return /^(?:[은는이가을를의와과도에로만]|에서|으로|에게|와의|과의|에는|과는|와는|에도)?(?![가-힣])/u.test(text.slice(h.end));
}

/**
 * Whether most content words of a multi-word rendering occur in a text: "the foreign ministry"
 * stands for "Ministry of Foreign Affairs" although the listed form never appears.
 */
function mostWordsIn(text: string, term: string): boolean {
  const ws = term.split(/[\s-]+/).filter((w) => w.length >= 4 && /^[A-Za-z]+$/.test(w));
  if (ws.length < 2) return false;
  return ws.filter((w) => contains(text, w)).length * 2 >= ws.length;
}

/** Names of institutions, titles and programmes must be rendered as listed; common words vary with style. */
export function isProperTerm(surface: string): boolean {
  return /\p{Lu}/u.test(surface) || /[\s-]/.test(surface.trim());
}

export const isAcronym = (s: string) => /^[\p{Lu}\d.&/-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

// Month and season names are the dates check's business.
// Dates are the dates check's business, in Korean and in Japanese.
const DATE_WORD = /^(?:\d{1,2}월|봄|여름|가을|겨울|상반기|하반기|연내|연말|내년|지난달|오늘|내일|\d{1,2}月|春|夏|秋|冬|上半期|下半期|年内|年末|来年|先月|本日|今日|明日)$/u;

const OUR_KOREA = /우리\s?(?:나라|정부|측|기업|국민|군|경제|국가|국방부|외교부|대표단|대통령|장관|선박|해군|공군|육군)/u;
const OUR_JAPAN = /我が国|わが国|我が方/u;

export function checkTerminology(u: Unit): RawFinding[] {
  const g = u.opts.glossary;
  if (!g) return [];
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const [from, to, side] of [[u.src, u.tgt, 'src'], [u.tgt, u.src, 'tgt']] as const) {
    let toTerms: { start: number; end: number }[] | undefined;
    // Curly apostrophes are straightened (same length, so offsets hold) to meet the glossary's spelling.
    const hits = findGlossaryTerms(from.text.replace(/’/g, "'"), from.lang, g);
    // A country named beside another ("the Republic of Korea and the United States", "U.S.-ROK")
    // may be rendered by a compound of both ("한미"); named alone, it needs its own name.
    // By the term the hit found, not by its surface: "U.S." before a hyphen or a space is found as "U.S".
    const isCountry = (k: number) => {
      const x = hits[k];
      return !!x && (g.terms[x.termIndex]?.terms[to.lang] ?? []).some((a) => a in ABBREVIATION);
    };
    const joined = (a: number, b: number) => {
      let gap = from.text.slice(hits[a]!.end, hits[b]!.start);
      // A dotted abbreviation is found without its final dot ("U.S" of "U.S. and"): that dot is the
      // term's own, not the end of a sentence ("Korea. The United States" names them apart).
      if (gap.startsWith('.') && from.text.slice(hits[a]!.start, hits[a]!.end).includes('.')) gap = gap.slice(1);
      return /^\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?$|^\s*[-–/·]\s*$/i.test(gap);
    };
    for (const [k, h] of hits.entries()) {
      const surface = from.text.slice(h.start, h.end);
      const { alts, entries } = translationsOf(g, surface, from.lang, to.lang);
      if (!alts.length || DATE_WORD.test(surface) || alts.some((a) => DATE_WORD.test(a))) continue;
      // Acronyms are the acronym check's business (it knows which renderings stand for them).
      if (isAcronym(surface)) continue;
      // A Korean word of one or two syllables right after another syllable is part of a longer word
      // (축하 "congratulate" in 감축하기로 "to reduce"), not the term.
      if (/^[가-힣]{1,2}$/u.test(surface) && /[가-힣]/u.test(from.text[h.start - 1] ?? '')) continue;
      if (alts.some((a) => contains(to.text, a))) continue;
      // A government writes its own country as "we": 우리 정부, 우리 기업 for the Republic of Korea in a
      // Korean release, 我が国 for Japan in a Japanese one ("Korean firms" ↔ "우리 기업들").
      if (to.lang === 'ko' && alts.includes('대한민국') && OUR_KOREA.test(to.text)) continue;
      if (to.lang === 'ja' && alts.includes('日本') && OUR_JAPAN.test(to.text)) continue;
      // "Korea–Australia", "Australia-Korea": a hyphenated relation, whatever the other country.
      const hyphenated = /^[-–]\s?\p{Lu}/u.test(from.text.slice(h.end)) || /\p{Lu}[\p{L}.]*\s?[-–]$/u.test(from.text.slice(0, h.start));
      const paired = (isCountry(k - 1) && joined(k - 1, k)) || (isCountry(k + 1) && joined(k, k + 1)) || hyphenated;
      if (paired && (to.lang === 'ko' || to.lang === 'ja') && inPartyCompound(to.text, alts, (toTerms ??= findGlossaryTerms(to.text, to.lang, g)))) continue;
      const own = entries.flatMap((i) => g.terms[i]!.terms[from.lang] ?? []);
      // The target may write the acronym alone for the full name, but not when the source's own
      // acronym already accounts for every bare use ("Nuclear Consultative Group (NCG)" … "NCG").
      if (!isAcronym(surface) && own.some((a) => isAcronym(a) && bareAcronym(to.text, a) > countWord(from.text, a))) continue;
      // One-syllable Korean forms ("미", "한") match inside unrelated words, so they cannot anchor a finding.
      if (side === 'tgt' && surface.replace(/\s/g, '').length < 2) continue;
      const key = `terminology:${side}:${norm(surface)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Named bodies and programmes (entries with an acronym) must be rendered as listed; other terms,
      // titles included, are routinely shortened or paraphrased, and the reverse lookup is looser still.
      const named = own.some(isAcronym) || alts.some(isAcronym);
      // The reverse lookup is trusted only for a named body (several syllables, so not a stray
      // substring) that the other language's whole document never mentions: nothing there can
      // stand for it, so the target names a body the source does not.
      const absentFromDoc = side === 'tgt' && named && surface.replace(/\s/g, '').length >= 3 && standsAlone(from.text, h)
        && !!u.doc && !alts.some((a) => contains(u.doc!.src, a) || mostWordsIn(u.doc!.src, a))
        && !own.some((a) => isAcronym(a) && contains(u.doc!.src, a));
      const severity: Severity = (side === 'src' && named && isProperTerm(surface)) || absentFromDoc ? 'warning' : 'info';
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
