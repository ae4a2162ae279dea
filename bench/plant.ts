// Plants known discrepancies into copies of Korean and Japanese texts (fixed seed) for measuring the difference checks.
import type { Bead } from '../server/core/types.ts';
import { kanjiNumber, nameSkeleton, romanize } from '../server/core/anchors.ts';
import { extractQuantities } from '../server/core/checks/quantities.ts';
import { romanizeKana } from '../server/core/kana.ts';
import { findGlossaryTerms, type Glossary, type GlossaryTerm } from '../server/core/glossary.ts';

export type Category = 'number' | 'date' | 'acronym' | 'name' | 'sentence' | 'paragraph' | 'term' | 'modality' | 'negation' | 'added';
export const CATEGORIES: Category[] = ['number', 'date', 'acronym', 'name', 'sentence', 'paragraph', 'term', 'modality', 'negation', 'added'];
/** The checks whose finding counts as catching each category (a dropped sentence may show only as a short paragraph). */
export const CHECK_FOR: Record<Category, string[]> = {
  number: ['numbers'], date: ['dates'], acronym: ['acronyms'], name: ['names'], sentence: ['omission', 'length'], paragraph: ['omission'],
  term: ['terminology'], modality: ['modality'], negation: ['negation'], added: ['addition', 'length'],
};

/**
 * Short sentences a Korean version adds of its own (written for the benchmark): the commentary a
 * ministry's release appends to a joint text ("국방부는 이를 높이 평가하였다."). Their content is
 * 11–24 characters, under the 25 at which a sentence alone is reported.
 */
const ADDED_KO = [
  '국방부는 이를 높이 평가하였다.',
  '이는 매우 의미 있는 진전이다.',
  '정부는 후속 조치를 신속히 추진할 예정이다.',
  '양국 국민의 기대가 크다.',
  '외교부는 이를 적극 환영하였다.',
  '이번 합의는 역사적인 성과로 평가된다.',
  '관계 부처가 함께 참석하였다.',
  '회의는 우호적인 분위기에서 진행되었다.',
];

/** A document pair: English paragraphs and the planted side (Korean or Japanese), aligned by `beads`. */
export interface Doc { id: string; en: string[]; tgt: string[]; beads: Bead[] }
export interface Planted { doc: Doc; category: Category; en: number[]; tgt: number[]; note: string }


const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffle<T>(r: () => number, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Beads with text on both sides and exactly one planted-side paragraph: where a change is attributable. */
function candidates(doc: Doc): { bead: Bead; en: string; ko: string; k: number }[] {
  return doc.beads.filter((b) => b.src.length && b.tgt.length === 1).map((b) => ({
    bead: b, en: b.src.map((i) => doc.en[i]!).join(' '), k: b.tgt[0]!, ko: doc.tgt[b.tgt[0]!]!,
  }));
}

function replaceTgt(doc: Doc, k: number, text: string): Doc {
  const tgt = [...doc.tgt];
  tgt[k] = text;
  return { ...doc, tgt };
}

interface Edit { start: number; end: number; by: string; note: string; /** Replace every occurrence of this instead of one span. */ all?: string }

type Finder = (en: string, ko: string, r: () => number, g: Glossary) => Edit[];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Named bodies and programmes (entries with an acronym) found in the English by the glossary matcher;
 * every rendering of the term in the paragraph (in `lang`'s column) becomes another entry's rendering.
 * `whole` rejects a paragraph where a rendering shares characters with a longer term (米国 in 米国防長官,
 * the U.S. Secretary of Defense), where replacing it would break that term rather than swap one.
 */
function namedTermFinder(lang: 'ko' | 'ja', whole = false): Finder {
  return (en, ko, r, g) => {
    const acr = (a: string) => /^[A-Z][A-Z\d&./-]+$/.test(a) && /[A-Z].*[A-Z]/.test(a);
    const named = g.terms.filter((t) => (t.terms.en ?? []).some(acr));
    const out: Edit[] = [];
    for (const h of findGlossaryTerms(en, 'en', g)) {
      const surface = en.slice(h.start, h.end);
      const t = g.terms[h.termIndex]!;
      if (acr(surface) || !named.includes(t)) continue;
      const k = (t.terms[lang] ?? []).filter((x) => x.length >= 2).sort((a, b) => b.length - a.length).find((x) => ko.includes(x));
      if (!k) continue;
      if (whole && straddles(ko, k, t, g, lang)) continue;
      const by = pick(r, (pick(r, named.filter((o) => o !== t)).terms[lang] ?? []).filter((x) => x.length >= 2));
      if (!by || (t.terms[lang] ?? []).some((x) => by.includes(x) || x.includes(by))) continue;
      out.push({ start: -1, end: -1, by, note: `${k} → ${by}`, all: k });
    }
    return out;
  };
}

/** Whether an occurrence of `k` in `text` shares characters with another term's rendering that does not lie inside it. */
function straddles(text: string, k: string, t: GlossaryTerm, g: Glossary, lang: string): boolean {
  const others = g.terms.filter((o) => o !== t).flatMap((o) => o.terms[lang] ?? []).filter((x) => x.length >= 2 && !k.includes(x));
  for (let p = text.indexOf(k); p >= 0; p = text.indexOf(k, p + 1)) {
    for (const x of others) {
      for (let q = text.indexOf(x, Math.max(0, p - x.length + 1)); q >= 0 && q < p + k.length; q = text.indexOf(x, q + 1)) return true;
    }
  }
  return false;
}

const finders: Partial<Record<Category, Finder>> = {
  number(en, ko, r) {
    const out: Edit[] = [];
    for (const m of ko.matchAll(/(?<![\d.,A-Za-z])\d[\d,]*(?:\.\d+)?(?![\d년월일])/gu)) {
      const digits = m[0].replace(/,/g, '');
      if (/^(?:19|20)\d\d$/.test(digits)) continue;
      if (!new RegExp(`(?<![\\d.,])${m[0].replace(/[.]/g, '\\.')}(?![\\d,])`).test(en)) continue;
      const n = Number(digits);
      const by = String(n + 1 + Math.floor(r() * 8));
      out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
  date(en, ko, r) {
    const out: Edit[] = [];
    // Days followed by 후/만/앞/간… are spans of days ("10일 후"), not dates.
    for (const m of ko.matchAll(/(\d{4})년|(\d{1,2})월|(\d{1,2})일(?!\s?(?:간|동안|후|뒤|만|앞|전|이내|내|째|정도|가량))/gu)) {
      const s = m.index + m[0].search(/\d/);
      if (m[1]) {
        if (!en.includes(m[1])) continue;
        const by = String(Number(m[1]) + pick(r, [-2, -1, 1, 2]));
        out.push({ start: s, end: s + m[1].length, by, note: `${m[1]} → ${by}` });
      } else if (m[2]) {
        const mo = Number(m[2]);
        if (mo < 1 || mo > 12 || !en.includes(MONTHS[mo - 1]!)) continue;
        const by = String(((mo - 1 + 1 + Math.floor(r() * 10)) % 12) + 1);
        out.push({ start: s, end: s + m[2].length, by, note: `${m[2]}월 → ${by}월` });
      } else if (m[3]) {
        const d = Number(m[3]);
        if (!new RegExp(`\\b${d}\\b`).test(en)) continue;
        const by = String(((d - 1 + 1 + Math.floor(r() * 20)) % 28) + 1);
        out.push({ start: s, end: s + m[3].length, by, note: `${m[3]}일 → ${by}일` });
      }
    }
    return out;
  },
  acronym(en, ko, r) {
    const pool = ['NCG', 'DSC', 'SCM', 'KIDD', 'NATO', 'IAEA', 'UNC', 'CFC', 'JCS', 'TTX', 'MCM', 'EDSCG', 'USFK', 'ICBM'];
    const out: Edit[] = [];
    for (const m of ko.matchAll(/(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])/gu)) {
      if (!new RegExp(`\\b${m[0]}\\b`).test(en)) continue;
      const choices = pool.filter((p) => p !== m[0] && !en.includes(p));
      const by = pick(r, choices);
      out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
  name(en, ko, r) {
    // A Hangul name right before a title, as statements and news write people.
    const pool = ['김민준', '최서연', '한지훈', '송하늘', '마이클 존슨', '데이비드 스미스', '제임스 브라운'];
    const out: Edit[] = [];
    const re = /(?<![\p{Script=Hangul}])(\p{Script=Hangul}{2,4}(?:\s\p{Script=Hangul}{2,4})?)\s(?=(?:국무장관|국방장관|외교장관|장관|대통령|총리|대변인|차관|대사|의장|사령관|장군|대표|위원장|외무상|총장|의원|교수|박사|씨)(?![\p{Script=Hangul}]{2}))/gu;
    for (const m of ko.matchAll(re)) {
      const name = m[1]!.split(' ').pop()!;
      if (/^(?:한국|미국|일본|중국|북한|양국|양측|오늘|이번|지난|공동|신임|전임|당시|또한|그리고|마지막으로)/u.test(name)) continue;
      // Only a name the English also gives: changing a name the English leaves out plants nothing new.
      const sk = nameSkeleton(romanize(name));
      if (sk.length < 2 || ![...en.matchAll(/\p{Lu}[\p{Ll}’'-]+/gu)].some((w) => nameSkeleton(w[0]).startsWith(sk) || sk.startsWith(nameSkeleton(w[0])) && nameSkeleton(w[0]).length >= 2)) continue;
      const start = m.index + m[1]!.length - name.length;
      const by = pick(r, pool.filter((p) => !p.includes(name)));
      out.push({ start, end: start + name.length, by, note: `${name} → ${by}` });
    }
    return out;
  },
  term: namedTermFinder('ko'),
  modality(en, ko) {
    // Each strong Korean wording and a weaker one, used only where English carries the strong cue.
    const swaps: [RegExp, RegExp, string][] = [
      [/\b(?:agreed|decided)\b/i, /하기로\s?합의하였다|하기로\s?합의했다/u, '하는 방안을 논의하였다'],
      [/\b(?:agreed|decided)\b/i, /합의하였다|합의했다|합의하고/u, '논의하였다'],
      [/\b(?:agreed|decided)\b/i, /하기로\s?했다|하기로\s?하였다/u, '하는 방안을 검토했다'],
      [/\bcondemn/i, /규탄/u, '우려를 표명'],
      [/\b(?:reaffirm|re-affirm|reiterat)/i, /재확인/u, '확인'],
      [/\bwill\b/i, /할\s?것이/u, '하도록 노력하'],
    ];
    const out: Edit[] = [];
    // A weakened Korean cue is a discrepancy only when the English carries a strong cue for it: where
    // the Korean already says "decided" more often than the English does, weakening one of them can
    // leave the Korean as firm as the English ("his decision" ↔ 결정 survives elsewhere).
    const agreeEn = /\b(?:agree[sd]?|decided?|decisions?|pledged|vowed)\b/giu;
    const agreeKo = /기로\s?(?:합의|결정|약속|다짐|동의|했|하였)|합의|결정|동의|약속|다짐/gu;
    const n = (re: RegExp, t: string) => (t.match(re) ?? []).length;
    for (const [enRe, koRe, by] of swaps) {
      if (!enRe.test(en)) continue;
      if (/agreed/.test(enRe.source) && n(agreeKo, ko) > n(agreeEn, en)) continue;
      const m = koRe.exec(ko);
      if (m) out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
    }
    return out;
  },
};

/** Korean predicates that end a sentence, and the same predicate negated. */
const NEGATE: [RegExp, string][] = [
  [/하였다(?=\.)/u, '하지 않았다'], [/했다(?=\.)/u, '하지 않았다'], [/한다(?=\.)/u, '하지 않는다'],
  [/할\s?것이다(?=\.)/u, '하지 않을 것이다'], [/되었다(?=\.)/u, '되지 않았다'], [/됐다(?=\.)/u, '되지 않았다'],
];
const UNNEGATE: [RegExp, string][] = [[/하지\s?않았다(?=\.)/u, '하였다'], [/하지\s?않는다(?=\.)/u, '한다'], [/하지\s?않을\s?것이다(?=\.)/u, '할 것이다']];

finders.negation = (en, ko) => {
  // A predicate turned negative where the English says nothing negative, or a negated one turned
  // positive where the English negates (the meaning reversed either way).
  const enNegates = /\b(?:not|never|no|cannot|without|nor|none|nothing)\b|n['’]t\b/iu.test(en);
  const out: Edit[] = [];
  for (const [re, by] of enNegates ? UNNEGATE : NEGATE) {
    const m = re.exec(ko);
    if (m) out.push({ start: m.index, end: m.index + m[0].length, by, note: `${m[0]} → ${by}` });
  }
  return out;
};

function splitKoSentences(t: string): string[] {
  return t.split(/(?<=[.!?])\s+(?=\S)/u).filter(Boolean);
}

// ——— Japanese ———

/** The categories planted into a Japanese side. */
export const JA_CATEGORIES: Category[] = ['number', 'date', 'acronym', 'name', 'sentence', 'paragraph', 'term'];

const FW_DIGIT = /[０-９]/;
/** ASCII digits, comma, dot and Latin capitals as full-width forms (１，０００, ＤＩＣＡＳ), as the text being changed writes them. */
export function fullWidth(s: string): string {
  return s.replace(/[0-9,.A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
function halfWidth(s: string): string {
  return s.replace(/[０-９，．Ａ-Ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const KANJI_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/**
 * A positive integer in kanji as Japanese releases write counts (二十六, 百五十, 五千億, 三万五千): each
 * group of four digits with 千百十, no 一 before them, then 万, 億 or 兆. The inverse of kanjiNumber.
 */
export function kanjiNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1e16) throw new RangeError(`kanjiNumeral: ${n}`);
  const places: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  const group = (g: number) => places.map(([v, u]) => {
    const d = Math.floor(g / v) % 10;
    return d === 0 ? '' : (d === 1 && u ? '' : KANJI_DIGITS[d]!) + u;
  }).join('');
  let out = '';
  for (const [v, u] of [[1e12, '兆'], [1e8, '億'], [1e4, '万'], [1, '']] as const) {
    const g = Math.floor(n / v) % 10000;
    if (g) out += group(g) + u;
  }
  return out;
}

/** The value of a Japanese number: digits (half- or full-width, with commas) or kanji, with 万, 億, 兆 and 千, 百, 十 after them (5万5千, 120億, 五千億). */
export function japaneseNumberValue(s: string): number | null {
  const t = halfWidth(s).replace(/,/g, '');
  if (!/\d/.test(t)) return kanjiNumber(t);
  let total = 0, section = 0, any = false;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)?([千百十万億兆])?/gu)) {
    if (!m[0]) continue;
    const n = m[1] !== undefined ? Number(m[1]) : null;
    const u = m[2];
    if (u && '千百十'.includes(u)) section += (n ?? 1) * ({ 千: 1000, 百: 100, 十: 10 } as Record<string, number>)[u]!;
    else if (u) {
      total += (section + (n ?? 0) || 1) * ({ 万: 1e4, 億: 1e8, 兆: 1e12 } as Record<string, number>)[u]!;
      section = 0;
    } else if (n !== null) section += n;
    any = true;
  }
  return any ? total + section : null;
}

/** Number values the English gives (30,000, "3 million", "three", "third"). */
const englishValues = (en: string): Set<number> => new Set(extractQuantities(en, 'en').numbers.map((q) => Number(q.value)));

const JA_DIGITS = '[\\d０-９]';
/** Counters a Japanese count stands before, in kanji or digits. */
const JA_COUNTER = '(?:か国|カ国|ヶ国|名|人|回|発|件|機|隻|基|社|品目|年間|か月|カ月|週間|日間|分間|時間|トン|ドル|円|％|%|つ)';
/** A number with its myriad units: 1,000, ３５, 5万5千, 120億, 2.5 — not a year, month, day or clock time. */
const JA_NUMBER = new RegExp(`(?<![\\d０-９.,．，\\-－A-Za-zＡ-Ｚａ-ｚ年月時])${JA_DIGITS}[\\d０-９,，]*(?:[.．]${JA_DIGITS}+)?(?:[千百万億兆](?:${JA_DIGITS}+[千百]?)?)*(?![\\d０-９]|[,，．.]?[\\d０-９]|\\s?[年月日時]|[.．](?:\\s|$))`, 'gu');
/** A number in kanji before a counter (三発, 二十六発, 五千億円, after a word such as 約 or 年間 too) or after 第 (第三回). */
const JA_KANJI = new RegExp(`(?<!\\d|[\\u4e00-\\u9fff々](?<![約計間大]))((?:[二三四五六七八九十百千]|一(?=[〇一二三四五六七八九十百千万億兆]))[〇一二三四五六七八九十百千万億兆]*)(?=${JA_COUNTER})|(?<=第)([一二三四五六七八九十百]+)(?=回|次)`, 'gu');

/** Katakana names before a title, 氏 or さん, a country between them or not (ハルワース米国大統領, パク・ジヌ韓国外交部長官). */
const JA_NAME = /(?<![\p{Script=Katakana}ー・])([\p{Script=Katakana}ー]{2,}(?:・[\p{Script=Katakana}ー]{2,})*)(?=(?:米国|米|韓国|日本|豪州|英国)?(?:国務長官|国防長官|国防部長官|外交部長官|長官|副大統領|大統領|首相|総理|外相|外務大臣|防衛大臣|大臣|大使|報道官|補佐官|次官補|次官|司令官|議長|代表|氏|さん))/gu;
const JA_NAME_POOL = ['ジョンソン', 'ハリントン', 'モリソン', 'ガルシア', 'ピーターソン', 'ウィルキンズ', 'コールマン'];

const jaFinders: Partial<Record<Category, Finder>> = {
  number(en, ja, r) {
    const vals = englishValues(en);
    const out: Edit[] = [];
    for (const m of ja.matchAll(JA_NUMBER)) {
      // 第1回 and the like are ordinals the English writes as words or 1st; a list marker ("１．") opens the paragraph.
      const v = japaneseNumberValue(m[0]);
      if (v === null || !vals.has(v) || (m.index === 0 && /^[.．、]/.test(ja.slice(m[0].length)))) continue;
      if (/^(?:19|20)\d\d$/.test(halfWidth(m[0]))) continue;
      // The first run of digits changes (3 of 5万5千, 120 of 120億), written as the text writes it.
      const run = /^[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?/u.exec(m[0])![0];
      const half = halfWidth(run).replace(/,/g, '');
      const dec = half.includes('.') ? half.split('.')[1]!.length : 0;
      const n = Number(half) + 1 + Math.floor(r() * 8);
      let by = dec ? n.toFixed(dec) : /[,，]/.test(run) ? n.toLocaleString('en-US') : String(n);
      if (FW_DIGIT.test(run)) by = fullWidth(by);
      out.push({ start: m.index, end: m.index + run.length, by, note: `${m[0]} → ${by}${m[0].slice(run.length)}` });
    }
    for (const m of ja.matchAll(JA_KANJI)) {
      const k = m[1] ?? m[2]!;
      const v = kanjiNumber(k);
      if (v === null || !vals.has(v)) continue;
      // The leading digit becomes another (五千億 → 七千億, 二十六 → 四十六), so the number stays one Japanese writes.
      const e = 10 ** Math.floor(Math.log10(v));
      const lead = Math.floor(v / e);
      // A one-digit count never becomes 一, which Japanese writes for "one" in too many words to read as a number.
      const leads = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((x) => x !== lead && (x > 1 || e > 1));
      const to = leads[Math.floor(r() * leads.length)]!;
      const by = kanjiNumeral(v + (to - lead) * e);
      out.push({ start: m.index, end: m.index + k.length, by, note: `${k} → ${by}` });
    }
    return out;
  },
  date(en, ja, r) {
    const out: Edit[] = [];
    const re = /(令和|平成)([\d０-９]{1,2})\s?年|(?<![\d０-９])([\d０-９]{4})\s?年(?![間連])|(?<![\d０-９])([\d０-９]{1,2})\s?月(?!間)|(?<![\d０-９])([\d０-９]{1,2})\s?日(?!間)/gu;
    for (const m of ja.matchAll(re)) {
      const digits = m[2] ?? m[3] ?? m[4] ?? m[5]!;
      const s = m.index + m[0].indexOf(digits);
      const n = Number(halfWidth(digits));
      const write = (x: number) => (FW_DIGIT.test(digits) ? fullWidth(String(x)) : String(x));
      // A year beside another in brackets (令和8年（2026年）) is one year written twice: changing one is no change.
      if ((m[2] || m[3]) && /^\s?[（(]/.test(ja.slice(m.index + m[0].length)) || /[（(]\s?$/.test(ja.slice(0, m.index))) continue;
      if (m[2]) {
        const y = (m[1] === '令和' ? 2018 : 1988) + n;
        if (!en.includes(String(y))) continue;
        const by = write(Math.max(1, n + pick(r, [-1, 1])));
        out.push({ start: s, end: s + digits.length, by, note: `${m[1]}${digits}年 → ${m[1]}${by}年` });
      } else if (m[3]) {
        if (!en.includes(String(n))) continue;
        const by = write(n + pick(r, [-2, -1, 1, 2]));
        out.push({ start: s, end: s + digits.length, by, note: `${digits}年 → ${by}年` });
      } else if (m[4]) {
        if (n < 1 || n > 12 || !en.includes(MONTHS[n - 1]!)) continue;
        const by = write(((n - 1 + 1 + Math.floor(r() * 10)) % 12) + 1);
        out.push({ start: s, end: s + digits.length, by, note: `${digits}月 → ${by}月` });
      } else {
        if (n < 1 || n > 31 || !new RegExp(`\\b${n}\\b`).test(en)) continue;
        // A day moved by one, as a mistyped date is (the 28th stays a day of every month).
        const by = write(n >= 28 ? n - 1 : n === 1 ? 2 : n + pick(r, [-1, 1]));
        out.push({ start: s, end: s + digits.length, by, note: `${digits}日 → ${by}日` });
      }
    }
    return out;
  },
  acronym(en, ja, r) {
    const pool = ['NCG', 'QUAD', 'IAEA', 'NATO', 'APEC', 'TTX', 'SCM', 'ICBM', 'FMS', 'JCS', 'EDSCG', 'UNC', 'OECD', 'IMO'];
    const out: Edit[] = [];
    for (const m of ja.matchAll(/(?<![A-Za-zＡ-Ｚａ-ｚ])[A-ZＡ-Ｚ]{2,6}(?![A-Za-zＡ-Ｚａ-ｚ])/gu)) {
      const a = halfWidth(m[0]);
      if (!new RegExp(`\\b${a}\\b`).test(en)) continue;
      const by = pick(r, pool.filter((p) => p !== a && !en.includes(p) && !ja.includes(p)));
      const shown = /[Ａ-Ｚ]/.test(m[0]) ? fullWidth(by) : by;
      out.push({ start: m.index, end: m.index + m[0].length, by: shown, note: `${m[0]} → ${shown}` });
    }
    return out;
  },
  name(en, ja, r, g) {
    // Consonant skeletons without r and l, which katakana hears as one sound or not at all (Hallworth
    // ハルワース, Robert ロバート), and with th heard as s: the first two consonants must agree.
    const loose = (sk: string) => sk.replace(/l/g, '').slice(0, 2);
    const words = [...en.matchAll(/\p{Lu}[\p{Ll}’'-]+/gu)].map((w) => loose(nameSkeleton(w[0].replace(/th/g, 's'))));
    const meets = (kana: string) => {
      const sk = loose(nameSkeleton(romanizeKana(kana)));
      return sk.length >= 2 && words.includes(sk);
    };
    // A katakana word the glossary lists (エネルギー of エネルギー長官) is a department, no name.
    const terms = new Set(g.terms.flatMap((t) => t.terms.ja ?? []));
    const out: Edit[] = [];
    for (const m of ja.matchAll(JA_NAME)) {
      const parts = m[1]!.split('・');
      if (parts.some((p) => terms.has(p)) || !parts.some(meets)) continue;
      // The whole name becomes another person's surname, one the English does not name.
      const by = pick(r, JA_NAME_POOL.filter((p) => !meets(p) && !ja.includes(p)));
      out.push({ start: m.index, end: m.index + m[1]!.length, by, note: `${m[1]} → ${by}` });
    }
    return out;
  },
  term: namedTermFinder('ja', true),
};

/** Japanese sentences: each ends at 。 (with a closing 」 after it). */
export function splitJaSentences(t: string): string[] {
  return t.match(/[^。]+(?:。」?|$)|。」?/gu) ?? [];
}

function plantJapanese(doc: Doc, category: Category, r: () => number, g: Glossary, cands: ReturnType<typeof candidates>): Planted | null {
  if (category === 'sentence') {
    for (const c of cands) {
      const ss = splitJaSentences(c.ko);
      if (ss.length >= 2) {
        const i = Math.floor(r() * ss.length);
        if (ss[i]!.replace(/\s/g, '').length < 15) continue;
        return { doc: replaceTgt(doc, c.k, ss.filter((_, j) => j !== i).join('')), category, en: c.bead.src, tgt: [c.k], note: `dropped sentence ${i + 1} of ${ss.length}` };
      }
      // A single long sentence loses a middle clause: from a clause ending ("…し、", "…であり、") to the last one.
      const cuts = [...c.ko.matchAll(/(?:し|り|て|で|ほか|ともに)、/gu)].map((m) => m.index + m[0].length);
      if (cuts.length >= 2) {
        const a = cuts[0]!, b = cuts[cuts.length - 1]!;
        if (b - a >= 0.4 * c.ko.length) {
          return { doc: replaceTgt(doc, c.k, c.ko.slice(0, a) + c.ko.slice(b)), category, en: c.bead.src, tgt: [c.k], note: `dropped clause (${b - a} chars)` };
        }
      }
    }
    return null;
  }
  const f = jaFinders[category];
  return f ? applyFinder(doc, category, cands, f, r, g) : null;
}

/** The first candidate paragraph where `f` finds an edit, with one of its edits (picked by `r`) applied. */
function applyFinder(doc: Doc, category: Category, cands: ReturnType<typeof candidates>, f: Finder, r: () => number, g: Glossary): Planted | null {
  for (const c of cands) {
    const edits = f(c.en, c.ko, r, g);
    if (!edits.length) continue;
    const e = pick(r, edits);
    const text = e.all !== undefined ? c.ko.split(e.all).join(e.by) : c.ko.slice(0, e.start) + e.by + c.ko.slice(e.end);
    return { doc: replaceTgt(doc, c.k, text), category, en: c.bead.src, tgt: [c.k], note: e.note };
  }
  return null;
}

/**
 * One planted copy of `doc` for `category`, or null when the document has no place for it. `lang`
 * is the language of the planted side (Korean by default; Japanese plants JA_CATEGORIES).
 */
export function plant(doc: Doc, category: Category, r: () => number, g: Glossary, lang: 'ko' | 'ja' = 'ko'): Planted | null {
  const cands = shuffle(r, candidates(doc));
  if (category === 'paragraph') {
    const c = cands.find((x) => x.bead.tgt.length === 1);
    if (!c) return null;
    const k = c.k;
    const tgt = doc.tgt.filter((_, i) => i !== k);
    const beads = doc.beads.map((b) => (b === c.bead ? { ...b, tgt: [] } : { ...b, tgt: b.tgt.map((i) => (i > k ? i - 1 : i)) }));
    return { doc: { ...doc, tgt, beads }, category, en: c.bead.src, tgt: [], note: `dropped ${lang === 'ja' ? 'Japanese' : 'Korean'} paragraph ${k + 1}` };
  }
  if (lang === 'ja') return plantJapanese(doc, category, r, g, cands);
  if (category === 'added') {
    // A short sentence of its own appended to a Korean paragraph.
    const c = cands.find((x) => /[다.]$/.test(x.ko));
    if (!c) return null;
    const s = pick(r, ADDED_KO);
    return { doc: replaceTgt(doc, c.k, `${c.ko} ${s}`), category, en: c.bead.src, tgt: [c.k], note: `added "${s}"` };
  }
  if (category === 'sentence') {
    for (const c of cands) {
      const ss = splitKoSentences(c.ko);
      if (ss.length >= 2) {
        const i = Math.floor(r() * ss.length);
        if (ss[i]!.replace(/\s/g, '').length < 15) continue;
        return { doc: replaceTgt(doc, c.k, ss.filter((_, j) => j !== i).join(' ')), category, en: c.bead.src, tgt: [c.k], note: `dropped sentence ${i + 1} of ${ss.length}` };
      }
      // A single long sentence loses a middle clause: from a clause ending ("…하고,", "…하며,") to the next.
      const cuts = [...c.ko.matchAll(/(?:고|며|여|서|나|면),\s/gu)].map((m) => m.index + m[0].length);
      if (cuts.length >= 2) {
        const a = cuts[0]!, b = cuts[cuts.length - 1]!;
        if (b - a >= 0.4 * c.ko.length) {
          return { doc: replaceTgt(doc, c.k, c.ko.slice(0, a) + c.ko.slice(b)), category, en: c.bead.src, tgt: [c.k], note: `dropped clause (${b - a} chars)` };
        }
      }
    }
    return null;
  }
  return applyFinder(doc, category, cands, finders[category]!, r, g);
}
