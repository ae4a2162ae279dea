// Numbers and date mentions of one bead side, built on the shared anchors plus the forms checks need.
import { DAY_LIST, extractAnchors, halfWidthDigits, type Anchor } from '../anchors.ts';
import { withoutListMarker } from '../segment.ts';
import type { Lang } from '../types.ts';
import { baseLang } from './side.ts';

export interface Quantity {
  /** Canonical value ("1519200000000", "30", "2.5"). */
  value: string;
  kind: 'number' | 'ordinal' | 'percent' | 'time';
  start: number;
  end: number;
  text: string;
  /** Spelled out ("three", "두 차례", "trilateral"): such numbers are often rendered without one. */
  fromWords: boolean;
  /** Counts parties ("both", "양측", "trilateral", "3국"), which translations render loosely. */
  party?: boolean;
}

export interface DateMention {
  y?: number;
  m?: number;
  d?: number;
  /** Part of a year or month: h1, h2, start, end, spring, summer, fall, winter. */
  part?: string;
  /** Relative reference: this-year, last-year, next-year, this-month, last-month, next-month, today … */
  rel?: string;
  /** One of two days written together: the ends of a range ("21 to 23"), or a list ("21 and 23"). */
  span?: 'range' | 'list';
  start: number;
  end: number;
  text: string;
}

export interface Quantities { numbers: Quantity[]; dates: DateMention[]; anchors: Anchor[] }

const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
  twice: 2, both: 2, bilateral: 2, trilateral: 3, 'three-way': 3,
};
const KO_NATIVE: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10 };

const EN_WORD_RE = /\b(?:a\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|twice|both|bilateral|trilateral|three-way)\b/giu;
// Native Korean counts need a counter after them: "두 차례", "세 가지", "네 명"; "두 번째" is an ordinal the anchors already took.
const KO_COUNT_RE = /(?<![\p{Script=Hangul}])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?:차례|번(?!째)|개국|개(?!월)|명|가지|곳|척|발|건|나라)(?=$|[^\p{Script=Hangul}]|[을를이가은는의에와과도로만씩])/gu;
// "양국", "양측", "3국", "3자": the number of parties, matched against "both", "bilateral", "trilateral".
const KO_PARTY_RE = /(?<![\p{Script=Hangul}\d])(양)\s?(?:국|측|자|정상|장관)|(?<![\p{Script=Hangul}])(한미일|한미|한일|미일|한미일중)(?=\s|$|[은는이가을를의와과도에·])|(?<![\d])(\d)\s?(?:국|자|개국)(?=$|[^\p{Script=Hangul}]|[간을를이가은는의에와과도로만])/gu;
// The Japanese counterparts: "両国", "両外相", "三閣僚", "三か国" (kanji, or digits), and compounds such as
// "日米韓" (one kanji a country), matched against "both", "bilateral", "trilateral", "the three Ministers";
// not 日中 in 訪日中 (visiting Japan), 本日中 or 一日中, nor 日米 in 在日米軍 (U.S. forces in Japan).
const JA_PARTY_RE = /(両)(?:国|首脳|外相|防衛相|大臣|閣僚|者|政府)|(?<![日米韓中豪印訪本一来在滞駐])([日米韓中豪印]{2,4})(?![日米韓中豪印])|([二三四])(?:閣僚|首脳|外相|防衛相|か国|ヶ国|カ国|箇国|国|者)|(?<!\d)(\d)(?:か国|ヶ国|カ国|箇国)/gu;
const JA_KANJI_COUNT: Record<string, number> = { 二: 2, 三: 3, 四: 4 };

const REL_EN: [RegExp, string, string?][] = [
  [/\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the)\s+year\b|\bby\s+year[’']s\s+end\b|\byear-end\b/giu, 'this-year', 'end'],
  [/\b(?:earlier|later)\s+this\s+year\b|\bthis\s+year\b/giu, 'this-year'],
  [/\blast\s+year\b|\b(?:the\s+)?previous\s+year\b/giu, 'last-year'],
  [/\bnext\s+year\b/giu, 'next-year'],
  [/\bthis\s+month\b/giu, 'this-month'],
  [/\blast\s+month\b/giu, 'last-month'],
  [/\bnext\s+month\b/giu, 'next-month'],
  [/\btoday\b/giu, 'today'],
  [/\byesterday\b/giu, 'yesterday'],
  [/\btomorrow\b/giu, 'tomorrow'],
  // A weekday stands for a date the other language often writes as a day of the month ("Monday" ↔ "28일").
  [/\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu, 'weekday'],
];
const REL_KO: [RegExp, string, string?][] = [
  [/올해\s?말|금년\s?말|연말|연내/gu, 'this-year', 'end'],
  [/올해|금년|올\s?한\s?해/gu, 'this-year'],
  [/지난해|작년|전년/gu, 'last-year'],
  [/내년|이듬해/gu, 'next-year'],
  [/이번\s?달|이달|금월/gu, 'this-month'],
  [/지난\s?달/gu, 'last-month'],
  [/다음\s?달|내달/gu, 'next-month'],
  [/오늘|금일/gu, 'today'],
  [/어제/gu, 'yesterday'],
  [/내일/gu, 'tomorrow'],
];

const PART_KO: Record<string, string> = { 상반기: 'h1', 하반기: 'h2', 말: 'end', 연말: 'end', 초: 'start', 연초: 'start', 봄: 'spring', 여름: 'summer', 가을: 'fall', 겨울: 'winter' };
const PART_EN: Record<string, string> = {
  'first half': 'h1', 'second half': 'h2', end: 'end', late: 'end', beginning: 'start', early: 'start', start: 'start',
  spring: 'spring', summer: 'summer', fall: 'fall', autumn: 'fall', winter: 'winter',
};

function overlaps(a: { start: number; end: number }, list: { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function dateFromAnchor(a: Anchor): DateMention | null {
  const base = { start: a.start, end: a.end, text: a.text };
  if (a.kind === 'year') return { ...base, y: Number(a.value) };
  if (a.kind === 'month') return { ...base, m: Number(a.value) };
  if (a.kind !== 'date') return null;
  const full = /^(\d{1,4})-(\d{2})-(\d{2})$/.exec(a.value);
  if (full) return { ...base, y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) };
  const md = /^--(\d{2})-(\d{2})$/.exec(a.value);
  if (md) return { ...base, m: Number(md[1]), d: Number(md[2]) };
  return null;
}

/** `text` with the list markers that open it turned into spaces (offsets kept). */
function blankListMarker(text: string): string {
  const lead = text.length - withoutListMarker(text).length;
  return lead > 0 ? ' '.repeat(lead) + text.slice(lead) : text;
}

/** Numbers and dates of a text. Date spans are never counted again as numbers. */
export function extractQuantities(shown: string, lang: Lang): Quantities {
  // Full-width digits are read as digits (halfWidthDigits keeps every offset), and the list marker
  // a paragraph opens with ("3. ", "(2) ") is no number: one release numbers its items, the other not.
  const text = blankListMarker(halfWidthDigits(shown));
  const anchors = extractAnchors(text, lang);
  const L = baseLang(lang);
  let dates: DateMention[] = [];
  const numbers: Quantity[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const d = dateFromAnchor(a);
    if (d) dates.push(a.kind === 'date' ? withDaySpan(d, anchors, i) : d);
    // A bare four-digit number in the range of years is a year even before a comma ("in 2026, the …").
    else if (a.kind === 'number' && /^\d{4}$/.test(a.text) && Number(a.text) >= 1900 && Number(a.text) <= 2100) {
      dates.push({ y: Number(a.text), start: a.start, end: a.end, text: a.text });
    }
    else if (a.kind === 'number' || a.kind === 'ordinal' || a.kind === 'percent' || a.kind === 'time') {
      // A Roman numeral ("Article V") is written as a number, not spelled out: it is quoted with its value.
      numbers.push({ value: a.value, kind: a.kind, start: a.start, end: a.end, text: a.text, fromWords: !/\d|^[IVX]+$/.test(a.text) });
    }
  }
  // Day-only Korean dates ("지난 18일"), which anchors leave as bare numbers.
  for (let i = numbers.length - 1; i >= 0; i--) {
    const q = numbers[i]!;
    const after = text.slice(q.end);
    // "10일 후", "10일 만에", "10일 앞둔" are spans of days, not dates.
    const m = /^\s?일(?!간|동안|째|본|요일|\s?(?:간|동안|후|뒤|만|앞|전|이내|내|째|정도|가량))/u.exec(after);
    if (q.kind === 'number' && /^\d{1,2}$/.test(q.text) && m && Number(q.value) >= 1 && Number(q.value) <= 31) {
      dates.push({ d: Number(q.value), start: q.start, end: q.end + m[0].length, text: text.slice(q.start, q.end + m[0].length) });
      numbers.splice(i, 1);
    }
  }
  dates.sort((a, b) => a.start - b.start);
  // A year next to a month or day ("July 2024", "2024년 7월") is one mention.
  const merged: DateMention[] = [];
  for (const d of dates) {
    const prev = merged[merged.length - 1];
    const gap = prev ? text.slice(prev.end, d.start) : '';
    if (prev && /^[\s,]{0,3}$/.test(gap) && !clash(prev, d)) {
      const both: DateMention = { ...prev, ...stripPos(d), start: prev.start, end: d.end, text: text.slice(prev.start, d.end) };
      merged[merged.length - 1] = both;
    } else merged.push({ ...d });
  }
  dates = merged;
  // Parts of a year: "2025년 하반기", "second half of 2025", "end of 2023", "fall of 2020".
  for (const d of dates) {
    if (d.y === undefined || d.m !== undefined) continue;
    if (L === 'ko' || /\p{Script=Hangul}/u.test(text.slice(d.start, d.end))) {
      const m = /^\s?(상반기|하반기|연말|연초|말|초|봄|여름|가을|겨울)/u.exec(text.slice(d.end));
      if (m) {
        d.part = PART_KO[m[1]!];
        d.end += m[0].length;
        d.text = text.slice(d.start, d.end);
      }
    } else {
      const m = /\b(first half|second half|end|late|beginning|early|start|spring|summer|fall|autumn|winter)(?:\s+of)?(?:\s+(?:the\s+)?(?:year|calendar year))?\s+$/iu.exec(text.slice(Math.max(0, d.start - 40), d.start));
      if (m) {
        d.part = PART_EN[m[1]!.toLowerCase()];
        d.start -= m[0].length;
        d.text = text.slice(d.start, d.end);
      }
    }
  }
  const relTable = L === 'ko' ? REL_KO : L === 'en' ? REL_EN : [];
  const rels: DateMention[] = [];
  for (const [re, rel, part] of relTable) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r: DateMention = { rel, start: m.index, end: m.index + m[0].length, text: m[0] };
      if (part) r.part = part;
      if (!overlaps(r, rels) && !overlaps(r, dates)) rels.push(r);
    }
  }
  dates.push(...rels);
  dates.sort((a, b) => a.start - b.start);

  const taken = [...dates, ...numbers];
  const addWord = (value: number, start: number, end: number, party = false) => {
    const q: Quantity = { value: String(value), kind: 'number', start, end, text: text.slice(start, end), fromWords: true, ...(party ? { party } : {}) };
    if (!overlaps(q, taken)) {
      numbers.push(q);
      taken.push(q);
    }
  };
  if (L === 'en') {
    EN_WORD_RE.lastIndex = 0;
    for (let m = EN_WORD_RE.exec(text); m; m = EN_WORD_RE.exec(text)) {
      const w = m[1]!.toLowerCase();
      // "one" is a pronoun far more often than a count ("including one that …").
      if (w === 'one' && !/^\s+(?:of\s+)?(?:\p{Ll}+\s+)?(?:year|month|week|day|time|percent)/iu.test(text.slice(m.index + m[0].length))) continue;
      addWord(EN_WORDS[w]!, m.index, m.index + m[0].length, /^(?:both|bilateral|trilateral|three-way)$/.test(w));
    }
  }
  if (L === 'ko') {
    for (const re of [KO_COUNT_RE, KO_PARTY_RE]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[1] !== undefined) addWord(m[1] === '양' ? 2 : KO_NATIVE[m[1]]!, m.index, m.index + m[0].length, m[1] === '양');
        else if (m[2] !== undefined) addWord(m[2].length, m.index, m.index + m[0].length, true);
        else if (m[3] !== undefined) {
          // "3국" with digits: replace the bare digit anchors already took so it can meet "trilateral".
          const at = numbers.findIndex((q) => q.start === m!.index + m![0].indexOf(m![3]!) && q.text === m![3]);
          if (at >= 0) numbers[at] = { ...numbers[at]!, end: m.index + m[0].length, text: m[0], fromWords: false, party: true };
        }
      }
    }
  }
  if (L === 'ja') {
    JA_PARTY_RE.lastIndex = 0;
    for (let m = JA_PARTY_RE.exec(text); m; m = JA_PARTY_RE.exec(text)) {
      const value = m[1] !== undefined ? 2 : m[2] !== undefined ? m[2].length : m[3] !== undefined ? JA_KANJI_COUNT[m[3]]! : Number(m[4]);
      // What the anchors made of the count itself (三 of 三か国, 3 of 3か国) gives way to the count of parties.
      const at = numbers.findIndex((q) => q.start >= m!.index && q.end <= m!.index + m![0].length);
      if (at >= 0) taken.splice(taken.indexOf(numbers.splice(at, 1)[0]!), 1);
      const end = m.index + (m[2] !== undefined ? m[2].length : m[0].length);
      addWord(value, m.index, end, true);
    }
  }
  numbers.sort((a, b) => a.start - b.start);
  // Offsets are the same in both texts: what a message quotes is what the text says ("１２", not "12").
  if (text !== shown) for (const x of [...numbers, ...dates]) x.text = shown.slice(x.start, x.end);
  return { numbers, dates, anchors };
}


/**
 * A day range or list ("September 22-23, 2025", "August 21 to 31", "9월 22일부터 23일까지", "8월 21일과
 * 23일") is two dates: extractAnchors reads it with dayRanges and gives it as two date anchors over the
 * one mention (no other dates share a span), the second day after the first ("May 3 to 1 …" and "June
 * 30 and 5 …" are no ranges). Such a date is marked as one end of a range or one of a list; the ranges
 * are not read a second time here.
 */
function withDaySpan(d: DateMention, anchors: Anchor[], i: number): DateMention {
  const a = anchors[i]!;
  const same = (b: Anchor | undefined) => !!b && b.kind === 'date' && b.start === a.start && b.end === a.end;
  if (!same(anchors[i - 1]) && !same(anchors[i + 1])) return d;
  return { ...d, span: DAY_LIST.test(a.text) ? 'list' : 'range' };
}

function stripPos(d: DateMention): Omit<DateMention, 'start' | 'end' | 'text'> {
  const { start: _s, end: _e, text: _t, ...rest } = d;
  return rest;
}

function clash(a: DateMention, b: DateMention): boolean {
  for (const k of ['y', 'm', 'd'] as const) if (a[k] !== undefined && b[k] !== undefined) return true;
  return false;
}
