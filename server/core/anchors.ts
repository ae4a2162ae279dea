// Language-neutral anchors (numbers, dates, ordinals, acronyms, names …) found in a paragraph.
import { baseLanguage } from './lang.ts';
import type { Lang } from './types.ts';
import { FNV_START, fnvStep, slotOf, slotTable } from './word-hash.ts';

export interface Anchor {
  kind: 'number' | 'date' | 'ordinal' | 'acronym' | 'name' | 'percent' | 'year' | 'month' | 'time';
  value: string;
  start: number;
  end: number;
  text: string;
}

/** Month names and their abbreviations (lower case, no dot) → month number. */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
/** English month names and dotted abbreviations, as a regex alternation. */
export const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.';

const ORD_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const CARDINAL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100, several: 0,
};
// The cardinal words from one to nine (of CARDINAL), and ten to nineteen, for cardinals written out.
const UNITS: Record<string, number> = Object.fromEntries(Object.entries(CARDINAL).filter(([, v]) => v >= 1 && v <= 9));
const TEEN: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const UNIT_ALT = Object.keys(UNITS).join('|'), TENS_ALT = Object.keys(TENS).join('|'), TEENS = Object.keys(TEEN).join('|');
/**
 * A written-out cardinal of a hundred or of tens: "N hundred [and] [tens[-unit] | unit | teen]", "a
 * hundred", "tens[-unit]" (or "seventy five"), with the scale after it ("seventy million", "two hundred
 * fifty thousand"); not before "percent" or a hyphen that goes on ("twenty-somethings"), but before
 * "-year" and the like ("a seventy-year alliance", 70년).
 */
const SPELLED = new RegExp(`\\b(?:(?<hu>${UNIT_ALT}|a)[ -]hundred(?:(?: and)? (?:(?<ht>${TENS_ALT})(?:[- ](?<htu>${UNIT_ALT}))?|(?<hx>${UNIT_ALT}|${TEENS})))?|(?<![A-Za-z]-)(?<t>${TENS_ALT})(?:[- ](?<tu>${UNIT_ALT}))?)(?: (?<sc>thousand|million|billion|trillion))?\\b(?!-(?!(?:year|day|month|week|member|nation|country|strong)s?\\b)[A-Za-z]| percent| per cent)`, 'gi');
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ORD_M = new Map(Object.entries(ORD_WORDS));
const TENS_M = new Map(Object.entries(TENS));
const CARDINAL_M = new Map(Object.entries(CARDINAL));
const SCALE_M = new Map(Object.entries(SCALE));
// Every unhyphenated word that is a number word of some kind: one lookup rejects the rest.
const NUMBER_WORDS = new Set([...ORD_M.keys(), ...CARDINAL_M.keys(), ...SCALE_M.keys(), ...TENS_M.keys()]);
const KO_NATIVE_ORD: Record<string, number> = { 첫: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10 };
const CJK_BIG: Record<string, number> = { 조: 1e12, 兆: 1e12, 억: 1e8, 億: 1e8, 만: 1e4, 万: 1e4 };
const CJK_SMALL: Record<string, number> = { 천: 1e3, 千: 1e3, 백: 1e2, 百: 1e2 };

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** Canonical string for a number: integers without separators, decimals trimmed. */
export function numberValue(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Math.abs(n) >= 1 && Math.abs(n - Math.round(n)) < 1e-6 * Math.max(1, Math.abs(n))) return String(Math.round(n));
  return String(Number(n.toPrecision(12)));
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Days in each month (February in a leap year: a date without its year may be the 29th). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1]!;
}

/** Keeps anchors from overlapping: earlier, more specific patterns claim their span first. */
class Claims {
  readonly out: Anchor[] = [];
  // Claimed spans as flat [start, end) pairs: paragraphs hold few anchors, so a scan beats a
  // per-character mask (which long documents would allocate once per paragraph).
  private readonly spans: number[] = [];
  /** `text` is searched; `shown` (the same length) is what an anchor's text is cut from. */
  constructor(private readonly text: string, private readonly shown = text) {}
  free(start: number, end: number): boolean {
    const sp = this.spans;
    for (let k = 0; k < sp.length; k += 2) if (sp[k]! < end && start < sp[k + 1]!) return false;
    return true;
  }
  add(kind: Anchor['kind'], value: string, start: number, end: number, claim = true): void {
    if (!value || !this.free(start, end)) return;
    if (claim) this.spans.push(start, end);
    this.out.push({ kind, value, start, end, text: this.shown.slice(start, end) });
  }
  each(re: RegExp, fn: (m: RegExpExecArray) => void): void {
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      fn(m);
    }
  }
}

const HANGUL = /[\uac00-\ud7a3]/;
const HAS_DIGIT = /\d/;
const HAS_CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;
const HAS_LATIN = /[A-Za-z]/;
const MONTH_TEST = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

/**
 * Full-width digits and their separators (２０２６年３月４日, １，０００, as Japanese and some Korean
 * releases write them), and full-width Latin letters, as ASCII: one code unit for one, so offsets hold.
 */
export function halfWidthDigits(text: string): string {
  // Full-width digits, Latin letters ("ＳＭ－３", as Japanese releases write acronyms) and the signs
  // around numbers: one code unit each way, so every offset holds.
  return FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : text;
}
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ，．％－＆]/;
const FULL_WIDTH_ALL = /[０-９Ａ-Ｚａ-ｚ，．％－＆]/g;

/** Anchors of a paragraph, sorted by position. Values are comparable across languages. */
/** A month name in capitals, as a release's date line writes it ("JUNE 12, 2029", "SEPT. 3"). */
const CAPS_MONTH = /\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b(?=\.?\s+\d)/g;
/** The text with capitalised month names before a day in title case (same length): "JUNE 12" reads as "June 12". */
function titleCaseMonths(text: string): string {
  if (!/[A-Z]{3}/.test(text)) return text;
  return text.replace(CAPS_MONTH, (m) => m[0] + m.slice(1).toLowerCase());
}

export function extractAnchors(shown: string, lang: Lang): Anchor[] {
  const half = halfWidthDigits(shown);
  // Cheap tests first: most paragraphs have no digits or no Hangul, and skipping whole
  // families of patterns keeps feature extraction linear and fast on long documents.
  // A text with no Latin letter (asked once; title-casing changes none) has no month name, no
  // acronym and no Latin-script name either.
  const latin = HAS_LATIN.test(half);
  const text = latin ? titleCaseMonths(half) : half;
  const c = new Claims(text, shown);
  const digits = HAS_DIGIT.test(text);
  const hangul = HANGUL.test(text);
  // English month names: asked once for the day ranges and the Latin dates.
  const months = latin && MONTH_TEST.test(text);
  // Clock times first, so "2 p.m." and "14:00" are one time each, not numbers that differ.
  if (digits && TIME_TEST.test(text)) extractTimes(c, text);
  // Day ranges and lists before single dates: "Nov. 16-20" and "11월 16일부터 20일까지" are two dates each,
  // the second no bare number. Both anchors cover the whole mention.
  if (digits) {
    for (const r of dayRanges(text, months)) {
      if (!c.free(r.start, r.end)) continue;
      const date = (d: number) => (r.y !== undefined ? `${r.y}-${pad2(r.m)}-${pad2(d)}` : `--${pad2(r.m)}-${pad2(d)}`);
      c.add('date', date(r.d1), r.start, r.end, false);
      c.add('date', date(r.d2), r.start, r.end);
    }
  }
  // Japanese writes numbers in kanji and years by era (三か国, 第三回, 令和6年), digits or not.
  const japanese = !hangul && (HAS_KANA.test(text) || baseLanguage(lang) === 'ja') && (KANJI_NUMERAL.test(text) || ERA_TEST.test(text));
  if ((digits || text.includes('번째') || japanese) && (hangul || HAS_CJK.test(text))) extractCjk(c, text, digits, japanese);
  // Latin-script conventions (dates, ordinals, number words) are looked for in every language
  // because Korean and Japanese statements quote English names and dates too.
  if (latin) extractLatin(c, text, digits, months);
  extractCommon(c, digits, latin);
  extractNames(c, text, lang, hangul, latin);
  return byPosition(c.out);
}

/**
 * The anchors sorted by start, then end, as a stable sort with that comparator leaves them: a
 * paragraph holds few, and an insertion sort of a few needs no comparator calls.
 */
function byPosition(out: Anchor[]): Anchor[] {
  if (out.length > 16) return out.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = out[j]!;
      if (y.start < x.start || (y.start === x.start && y.end <= x.end)) break;
      out[j + 1] = y;
    }
    out[j + 1] = x;
  }
  return out;
}

const TIME_TEST = /\d\s*(?::\d{2}|[ap]\.?\s?m\b|[시時])/i;
const RE_TIME_COLON = /(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])(?:\s*([ap])\.?\s?m\b\.?)?/gi;
const RE_TIME_RANGE = /(?<![\d:.])(\d{1,2})(?::(\d{2}))?(\s*(?:and|to|until|till|through|-|–)\s*)(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?/gi;
const RE_TIME_AMPM = /(?<![\d:.])(\d{1,2})\s*([ap])\.?\s?m\b\.?/gi;
// 시간 (hours), 시대 (era), 시각 (time of day) and the like are no clock time; 반 is half past.
const RE_TIME_CJK = /(?:(오전|오후|午前|午後)\s*)?(?<![\d.])(\d{1,2})\s*([시時])(?![간대각점장청민의])(?:\s*(\d{1,2})\s*[분分]|\s*(반|半))?/gu;

/**
 * Clock times, compared on the 12-hour clock as HH:MM ("2 p.m." and "14:00" are both 02:00): a
 * Korean or Japanese hour often leaves morning or afternoon to the context ("오후 2시부터 4시까지",
 * "저녁 7시"), so a.m. and p.m. cannot be told apart reliably; a different hour or minute can.
 */
function extractTimes(c: Claims, text: string): void {
  const add = (h: number, min: number, half: string | undefined, start: number, end: number) => {
    const meridiem = half !== undefined && half !== '';
    if (h > 24 || min > 59 || (meridiem && (h < 1 || h > 12))) return;
    c.add('time', `${pad2(((h + 11) % 12) + 1)}:${pad2(min)}`, start, end);
  };
  // "between 2 and 4 p.m.", "from 9 to 11:30 a.m.": the first hour of a range is a time too.
  c.each(RE_TIME_RANGE, (m) => {
    const firstLen = m[1]!.length + (m[2] !== undefined ? m[2].length + 1 : 0);
    add(num(m[1]!), m[2] !== undefined ? num(m[2]) : 0, m[6], m.index, m.index + firstLen);
    add(num(m[4]!), m[5] !== undefined ? num(m[5]) : 0, m[6], m.index + firstLen + m[3]!.length, m.index + m[0].length);
  });
  c.each(RE_TIME_COLON, (m) => add(num(m[1]!), num(m[2]!), m[3], m.index, m.index + m[0].length));
  c.each(RE_TIME_AMPM, (m) => add(num(m[1]!), 0, m[2], m.index, m.index + m[0].length));
  if (HAS_CJK_HOUR.test(text)) c.each(RE_TIME_CJK, (m) => add(num(m[2]!), m[4] !== undefined ? num(m[4]) : m[5] ? 30 : 0, m[1], m.index, m.index + m[0].length));
}
const HAS_CJK_HOUR = /\d\s*[시時]/u;

const HAS_KANA = /[\u3040-\u30ff]/;
const KANJI_NUMERAL = /[一二三四五六七八九十百千]/;
const ERA_TEST = /令和|平成/;
const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_BIG: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

/** A number written in kanji (三, 二十五, 百五十, 十億, 三千五百万); null when the characters make none. */
export function kanjiNumber(s: string): number | null {
  let total = 0, section = 0, digit: number | null = null;
  for (const ch of s) {
    if (KANJI_DIGIT[ch] !== undefined) {
      // Digits written in a row (二〇二四) read place by place.
      digit = digit === null ? KANJI_DIGIT[ch]! : digit * 10 + KANJI_DIGIT[ch]!;
    } else if (KANJI_SMALL[ch] !== undefined) {
      section += (digit ?? 1) * KANJI_SMALL[ch]!;
      digit = null;
    } else if (KANJI_BIG[ch] !== undefined) {
      total += (section + (digit ?? 0) || 1) * KANJI_BIG[ch]!;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Counters a Japanese number in kanji stands before (三か国 three countries, 百五十名, 十億ドル, 第三回):
 * with one, 三 is a number; without, it may be part of a word (三者, 四半期, 一層).
 */
const KANJI_COUNTER = '(?:か国|ヶ国|カ国|箇国|ケ国|名|人|回|度|隻|機|発|基|件|社|校|億|万|兆|ドル|円|ユーロ|年間|か月|ヶ月|カ月|週間|日間|時間|トン|キロ|パーセント|％|%)';
const RE_KANJI_ORDINAL = /第([〇一二三四五六七八九十百千]+)(?=回|次|期|条|項|号|段階|[^〇一二三四五六七八九十百千万億兆]|$)/gu;
// A kanji number opens with 二–九, 十, 百 or 千, or with 一 before a unit (一千, 一億): 一 alone is "one" in
// too many words (一層, 一方, 統一) to be read as a number. Not after another kanji of a word (統一, 唯一,
// 数十人), except the words counts follow (約三千人, 計五隻, 年間四十機, 最大二十発); not after a digit,
// whose number its 千 or 百 belongs to (5万5千人 is 55,000).
const RE_KANJI_NUMBER = new RegExp(`(?<!\\d|[\\u4e00-\\u9fff々](?<![約計間大]))((?:[二三四五六七八九十百千]|一(?=[〇一二三四五六七八九十百千万億兆]))[〇一二三四五六七八九十百千万億兆]*)(?=${KANJI_COUNTER})`, 'gu');
/** Japanese era years: 令和1年 is 2019, 平成1年 1989 (元年, the first year, is 1). */
const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988 };
const ERA = '(令和|平成)\\s?(\\d{1,2}|元)\\s?年';
/** "令和6年7月28日", "令和6年（2024年）7月28日", "2024年（令和6年）7月28日": one date, in the western year. */
const RE_ERA_DATE = new RegExp(`(?:${ERA}(?:\\s?[（(](\\d{4})\\s?年[）)])?|(\\d{4})\\s?年\\s?[（(]${ERA}[）)])(?:\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?日)?`, 'gu');

function extractKanji(c: Claims, text: string): void {
  c.each(RE_ERA_DATE, (m) => {
    const era = m[1] ?? m[5]!, n = m[2] ?? m[6]!;
    const y = m[3] !== undefined ? num(m[3]) : m[4] !== undefined ? num(m[4]) : ERA_BASE[era]! + (n === '元' ? 1 : num(n));
    if (m[7] !== undefined) {
      const mo = num(m[7]), d = num(m[8]!);
      if (validDay(mo, d)) c.add('date', `${y}-${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
    } else c.add('year', String(y), m.index, m.index + m[0].length);
  });
  if (!KANJI_NUMERAL.test(text)) return;
  c.each(RE_KANJI_ORDINAL, (m) => {
    const v = kanjiNumber(m[1]!);
    // 第五条, 第二項, 第二三九七号: an article or numbered document, a number as in English ("Article 5").
    if (v !== null && v > 0) c.add(/^[条項号]/u.test(text.slice(m.index + m[0].length)) ? 'number' : 'ordinal', String(v), m.index, m.index + m[0].length);
  });
  c.each(RE_KANJI_NUMBER, (m) => {
    const v = kanjiNumber(m[1]!);
    if (v !== null && v > 1) c.add('number', numberValue(v), m.index, m.index + m[1]!.length);
  });
}

function extractCjk(c: Claims, text: string, digits: boolean, japanese: boolean): void {
  if (text.includes('번째')) {
    c.each(/(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?번째/gu, (m) => {
      c.add('ordinal', String(KO_NATIVE_ORD[m[1]!]), m.index, m.index + m[0].length);
    });
  }
  if (japanese) extractKanji(c, text);
  if (!digits) return;
  c.each(/(\d{1,4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/gu, (m) => {
    const y = num(m[1]!), mo = num(m[2]!), d = num(m[3]!);
    if (validDay(mo, d)) c.add('date', `${y}-${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
  });
  // "2023. 9. 18." and "2023.9.18" as in ministry releases.
  c.each(/(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)/gu, (m) => {
    const y = num(m[1]!), mo = num(m[2]!), d = num(m[3]!);
    if (validDay(mo, d)) c.add('date', `${y}-${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
  });
  // "9.18.(월)": a month.day pair is only a date when a weekday follows.
  c.each(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.?\s?(?=\(?[월화수목금토일](?:요일)?\))/gu, (m) => {
    const mo = num(m[1]!), d = num(m[2]!);
    if (validDay(mo, d)) c.add('date', `--${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
  });
  c.each(/(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/gu, (m) => {
    const mo = num(m[1]!), d = num(m[2]!);
    if (validDay(mo, d)) c.add('date', `--${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
  });
  c.each(/(\d{4})\s*[년年]/gu, (m) => c.add('year', m[1]!, m.index, m.index + m[0].length));
  c.each(/(?<!\d)(\d{1,2})\s*[월月](?![\p{Script=Hangul}])|(?<!\d)(\d{1,2})\s*월(?=[에의은말초중부까과와도로이가])/gu, (m) => {
    const mo = num(m[1] ?? m[2]!);
    if (mo >= 1 && mo <= 12) c.add('month', String(mo), m.index, m.index + m[0].length);
  });
  // 제 opens an ordinal as a word of its own ("제26차"), not as the last syllable of 과제, 경제, 문제, 국제 or 체제.
  // (The look-behind after 제, not before it: checked only where a 제 is, not at every position.)
  // An article, paragraph or numbered document (제5조, 제2항, 결의 제2397호, 第5条) is a number, as English
  // writes it ("Article 5", "Resolution 2397", "No. 27"), not an ordinal.
  // (Not the first syllable of a word: 제1조건, 제2조선소, 제3조정위원회, 제1항공여단, 제2항만, 제3항목.)
  c.each(/제(?<!\p{Script=Hangul}제)\s?(\d{1,6})(?!\d)\s?([차회기대호]|조(?![건선정치직합])|항(?![공만구목해]))?|(\d{1,4})\s?(?:차|번째|회째)(?![\p{Script=Hangul}])|第(\d{1,6})(?!\d)([条項号])?/gu, (m) => {
    const designation = /[호조항条項号]/u.test(m[2] ?? m[5] ?? '');
    c.add(designation ? 'number' : 'ordinal', String(num(m[1] ?? m[3] ?? m[4]!)), m.index, m.index + m[0].length);
  });
  c.each(/(\d+(?:\.\d+)?)\s*(?:퍼센트|프로)/gu, (m) => c.add('percent', numberValue(num(m[1]!)), m.index, m.index + m[0].length));
  // Large numbers written with myriad units: "1조 5,192억 원", "1억1천만 달러", "5만 명".
  c.each(/\d[\d,]*(?:\.\d+)?\s?(?:[조억만천백兆億万千百])(?:\s?(?:\d[\d,]*(?:\.\d+)?\s?)?[조억만천백兆億万千百])*(?:\s?\d[\d,]*(?![\d.,]*\s?[년월일차%]))?/gu, (m) => {
    // A law's article written without 제 ("무역확장법 232조") is Article 232, not 232 trillion.
    if (/^\d{1,4}\s?조$/u.test(m[0]) && LAW_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index)) && !AMOUNT_AFTER.test(text.slice(m.index + m[0].length))) {
      c.add('number', String(num(m[0].replace(/\s?조$/u, ''))), m.index, m.index + m[0].length);
      return;
    }
    const v = parseMyriad(m[0]);
    if (v !== null) c.add('number', numberValue(v), m.index, m.index + m[0].length);
  });
}

/**
 * The end of a law's or treaty's name, before the number of one of its articles: not a word that only
 * ends like one (불법, 방법, 편법, 대통령, 명령, 가령).
 */
const LAW_BEFORE = /(?:(?<![불방편위합탈사입])법|협정|조약|규정|헌장|협약|의정서|규칙|시행령|대통령령|총리령|[부처]령)\s?$/u;
/** What follows an amount in trillions ("5조 원", "3조 달러 규모"). */
const AMOUNT_AFTER = /^\s?(?:여\s?)?(?:원|달러|엔|위안|유로|파운드|규모|어치)/u;

function parseMyriad(s: string): number | null {
  let total = 0;
  let section = 0;
  const re = /(\d[\d,]*(?:\.\d+)?)?\s?([조억만천백兆億万千百])?/gu;
  let any = false;
  for (let m = re.exec(s); m && m[0].length; m = re.exec(s)) {
    const n = m[1] !== undefined ? num(m[1]) : null;
    const u = m[2];
    if (u !== undefined && CJK_SMALL[u] !== undefined) section += (n ?? 1) * CJK_SMALL[u];
    else if (u !== undefined && CJK_BIG[u] !== undefined) {
      total += (section + (n ?? 0) || 1) * CJK_BIG[u];
      section = 0;
    } else if (n !== null) section += n;
    any = true;
  }
  return any ? total + section : null;
}

const RE_MDY = new RegExp(`\\b(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g');
const RE_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_ALT})(?:,?\\s+(\\d{4}))?\\b`, 'g');

/** What joins the two days of a range: a dash, "to", "through", "until", or "and" where a date list ends (before a preposition, a year, a capital or punctuation: not "21 and 30 officers"). */
const EN_DAY_JOIN = '\\s?[-–—]\\s?|\\s+(?:to|through|thru|until|till)\\s+|\\s+and\\s+(?=\\d{1,2}(?:st|nd|rd|th)?(?:[,.;:)]|\\s+(?:in|at|on|during|for|\\d{4})\\b|\\s+\\p{Lu}|$))';
/** "September 22-23, 2025", "Aug. 21 to 31", "August 21 and 22 in Seoul". */
const EN_MD_RANGE = new RegExp(`\\b(${MONTH_ALT})(?![A-Za-z])\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:${EN_DAY_JOIN})(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?![:.]\\d|\\s?(?:%|percent|a\\.m|p\\.m))(?:,?\\s+((?:19|20)\\d{2})(?![\\d,]))?`, 'gu');
/** "21–31 August 2025", "21 to 31 August". */
const EN_DM_RANGE = new RegExp(`\\b(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:${EN_DAY_JOIN})(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?\\s+(${MONTH_ALT})(?![A-Za-z])(?:,?\\s+((?:19|20)\\d{2})(?![\\d,]))?`, 'gu');
/**
 * "9월 22~23일", "9월 22일부터 23일까지", "9월 22일과 23일", "9月22日から23日", "7月28日〜29日", "7月28日・29日",
 * "7月28、29日" (not "8월 5일부터 7일간", seven days, nor "6월 1일부터 30일 이내", within thirty days).
 */
const CJK_MD_RANGE = /(?:(\d{4})\s?[년年]\s?)?(?<!\d)(\d{1,2})\s?[월月]\s?(\d{1,2})\s?(?:[일日]\s?)?(?:[~∼～〜-]|부터|에서|과|와|및|から|と|・|、)\s?(\d{1,2})\s?[일日](?!\s?(?:간|동안|째|후|뒤|만|이내|내|전|정도|가량|間|以内|後|目|前))/gu;

/** Two days written together, with their month (and year): the two ends of a range, or a list. */
export interface DayRange {
  y?: number;
  m: number;
  d1: number;
  d2: number;
  /** "and", 과/와/및 and と list two days; a dash, "to", 부터 or ~ spans the days between. */
  span: 'range' | 'list';
  start: number;
  end: number;
  text: string;
}

/** What joins two days as a list rather than a range ("21 and 23", "21일과 23일", "22日・23日"). */
export const DAY_LIST = /\sand\s|[과와및と・、]/u;

/**
 * Day ranges and lists of two days: "September 22-23, 2025", "21–31 August", "August 21 and 22 in
 * Seoul", "9월 22일부터 23일까지", "9月22日から23日". The second day follows the first ("May 3 to 1 …"
 * and "June 30 and 5 …" are none). Both days are dates: a range's last day is as much a date as its first.
 * `months` says whether the text holds an English month's name at all (MONTH_TEST), if already known.
 */
export function dayRanges(text: string, months = MONTH_TEST.test(text)): DayRange[] {
  const found: DayRange[] = [];
  const push = (m: RegExpMatchArray, y: string | undefined, mo: number, d1: string, d2: string) => {
    const a = Number(d1), b = Number(d2);
    if (!(validDay(mo, a) && validDay(mo, b) && b > a)) return;
    const span = DAY_LIST.test(m[0]) ? 'list' as const : 'range' as const;
    found.push({ ...(y !== undefined ? { y: Number(y) } : {}), m: mo, d1: a, d2: b, span, start: m.index!, end: m.index! + m[0].length, text: m[0] });
  };
  const monthNo = (name: string): number => MONTHS[name.replace('.', '').toLowerCase()]!;
  if (months) {
    for (const m of text.matchAll(EN_MD_RANGE)) push(m, m[4], monthNo(m[1]!), m[2]!, m[3]!);
    for (const m of text.matchAll(EN_DM_RANGE)) push(m, m[4], monthNo(m[3]!), m[1]!, m[2]!);
  }
  if (CJK_MONTH_TEST.test(text)) for (const m of text.matchAll(CJK_MD_RANGE)) push(m, m[1], Number(m[2]), m[3]!, m[4]!);
  // Where two readings overlap ("May 3-5 June"), the one that starts first is kept.
  found.sort((x, y) => x.start - y.start);
  return found.filter((r, i) => !found.slice(0, i).some((q) => q.end > r.start));
}
const CJK_MONTH_TEST = /[월月]/u;

// A month name ends where a space, a comma or a sentence's end follows ("held in September.").
const RE_MONTH = new RegExp(`\\b(${MONTH_ALT})(?=[\\s,.;:)!?”’"']|$)`, 'g');
/** "May" is a month, not the verb, after a year-less preposition or another month ("in May.", "April and May"). */
const MAY_BEFORE = new RegExp(`(?:\\b(?:in|since|by|until|till|through|from|of|early|late|mid|end|last|next|this|each)|\\b(?:${MONTH_ALT})\\s*(?:,|and|or|to|through|until)?)[\\s-]+$`, 'i');
// (c | 32 lower-cases an ASCII letter and leaves it a letter; no other code becomes one.)
const isAsciiLetter = (c: number): boolean => ((c | 32) - 97) >>> 0 < 26;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;

// Hashes of the number words (and of the tens that open "twenty-first"): a word whose hash is not
// among them is not a number word, and is rejected without building its lower-cased string.
const NUM_SLOTS = 4096;
const NUMBER_WORD_HASHES = slotTable(NUMBER_WORDS, NUM_SLOTS);
const TENS_HASHES = slotTable(TENS_M.keys(), NUM_SLOTS);
/** 1 at the (lower-case) first letter of every number word and tens word. */
const NUMBER_FIRST = new Uint8Array(128);
for (const w of [...NUMBER_WORDS, ...TENS_M.keys()]) NUMBER_FIRST[w.charCodeAt(0)] = 1;

/**
 * A Roman numeral I–XX that numbers a division of a text or a programme ("Article V of the Treaty",
 * "Phase II", "Title IV", "Articles III and IV"): a number, as "Article 5" is, and matched as that is
 * with 第5条, 제5조 or 2단계. Only after such a word: elsewhere I is the pronoun and V or X a letter, and
 * the numeral of a name ("Henry VIII", "Pope Leo XIV", "Austin III") or of "World War II" numbers no
 * division the other side must write (extractCommon keeps them from being acronyms too). The word is
 * capitalised, as a division's name is: "the part I played" holds the pronoun.
 */
const ROMAN = '(?:XX|X(?:IX|IV|VI{0,3}|I{1,3})?|IX|IV|VI{0,3}|I{1,3})(?![A-Za-z0-9])';
const ROMAN_TEST = /\b(?:Article|Chapter|Part|Phase|Title|Section|Annex|Appendix|Protocol|Volume)s?\s+[IVX]/;
const RE_ROMAN_DIVISION = new RegExp(`(\\b(?:Article|Chapter|Part|Phase|Title|Section|Annex|Appendix|Protocol|Volume)s?\\s+)${ROMAN}(?:(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|to|through)\\s+|\\s*[-–]\\s*)${ROMAN})*`, 'g');
const ROMAN_DIGIT: Record<string, number> = { I: 1, V: 5, X: 10 };

/** The value of a Roman numeral in upper case (IV is 4, XIX 19). */
function romanValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = ROMAN_DIGIT[s[i]!]!, next = ROMAN_DIGIT[s[i + 1]!] ?? 0;
    v += d < next ? -d : d;
  }
  return v;
}

function extractLatin(c: Claims, text: string, digits: boolean, months: boolean): void {
  if (months) {
    if (digits) {
      c.each(RE_MDY, (m) => {
        const mo = MONTHS[m[1]!.replace('.', '').toLowerCase()]!, d = num(m[2]!);
        if (!validDay(mo, d)) return;
        c.add('date', m[3] !== undefined ? `${m[3]}-${pad2(mo)}-${pad2(d)}` : `--${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
      });
      c.each(RE_DMY, (m) => {
        const mo = MONTHS[m[2]!.replace('.', '').toLowerCase()]!, d = num(m[1]!);
        if (!validDay(mo, d)) return;
        c.add('date', m[3] !== undefined ? `${m[3]}-${pad2(mo)}-${pad2(d)}` : `--${pad2(mo)}-${pad2(d)}`, m.index, m.index + m[0].length);
      });
    }
    c.each(RE_MONTH, (m) => {
      // "May" is too often the verb to count without a year after it or a preposition before it.
      if (m[1] === 'May' && !/^\s+\d{4}/.test(text.slice(m.index + 3)) && !MAY_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return;
      c.add('month', String(MONTHS[m[1]!.replace('.', '').toLowerCase()]), m.index, m.index + m[0].length);
    });
  }
  if (digits) {
    c.each(/\b(\d{1,4})(?:st|nd|rd|th)\b/g, (m) => c.add('ordinal', String(num(m[1]!)), m.index, m.index + m[0].length));
    c.each(/(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)\b/gi, (m) => {
      c.add('number', numberValue(num(m[1]!) * SCALE[m[2]!.toLowerCase()]!), m.index, m.index + m[0].length);
    });
  }
  if (ROMAN_TEST.test(text)) {
    c.each(RE_ROMAN_DIVISION, (m) => {
      // The numerals of one list each ("Articles III and IV"), at their own offsets.
      const from = m.index + m[1]!.length;
      for (let r, re = /[IVX]+/g; (r = re.exec(m[0].slice(m[1]!.length))); ) {
        c.add('number', String(romanValue(r[0])), from + r.index, from + r.index + r[0].length);
      }
    });
  }
  // Number words in one pass over the words: ordinals ("fifth", "twenty-first") and
  // cardinals with a scale ("two million"). The words (as /[A-Za-z]+(?:-[A-Za-z]+)?/g finds
  // them) are scanned by hand: a regex match would allocate for each of the million words of a
  // batch, and nearly all of them are rejected by their last letter.
  let prevCard: { v: number; start: number } | null = null, spelled = false;
  const L = text.length;
  for (let i = 0; i < L; ) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // A word no number word (nor tens word, before a hyphen) opens like is passed over unhashed.
    const may = NUMBER_FIRST[text.charCodeAt(i) | 32] === 1;
    let end = i + 1, h = FNV_START;
    if (may) {
      h = fnvStep(h, text.charCodeAt(i));
      for (let c = text.charCodeAt(end); end < L && isAsciiLetter(c); c = text.charCodeAt(++end)) h = fnvStep(h, c);
    } else while (end < L && isAsciiLetter(text.charCodeAt(end))) end++;
    let hyphen = false;
    if (end + 1 < L && text.charCodeAt(end) === 45 && isAsciiLetter(text.charCodeAt(end + 1))) {
      hyphen = true;
      end += 2;
      while (end < L && isAsciiLetter(text.charCodeAt(end))) end++;
    }
    i = end;
    // The hash is of the word, or of its part before the hyphen ("twenty" of "twenty-first").
    if (!may || !(hyphen ? TENS_HASHES : NUMBER_WORD_HASHES)[slotOf(h, NUM_SLOTS)]) {
      prevCard = null;
      continue;
    }
    const w = text.slice(start, end).toLowerCase();
    const dash = w.indexOf('-');
    if (dash < 0 && !NUMBER_WORDS.has(w)) {
      prevCard = null;
      continue;
    }
    // A tens word or "hundred" may open a cardinal written out (read after this scan).
    if (!spelled && (w === 'hundred' || TENS_M.has(dash > 0 ? w.slice(0, dash) : w))) spelled = true;
    const scale = SCALE_M.get(w);
    // (A tens word or "hundred" before the scale is read with the cardinal it ends, below: "two hundred million".)
    if (scale !== undefined && prevCard && prevCard.v < 20 && !CARDINAL_M.has(w)) {
      c.add('number', numberValue(prevCard.v * scale), prevCard.start, end);
      prevCard = null;
      continue;
    }
    const card = CARDINAL_M.get(w);
    prevCard = card ? { v: card, start } : null;
    let ord = ORD_M.get(w);
    if (ord === undefined) {
      const tens = dash > 0 ? TENS_M.get(w.slice(0, dash)) : undefined;
      const unit = tens !== undefined ? ORD_M.get(w.slice(dash + 1)) : undefined;
      if (tens !== undefined && unit !== undefined) ord = tens + unit;
    }
    if (ord === undefined) continue;
    const rest = text.slice(end, end + 12);
    // "second half", "first quarter": halves of a year are not meeting numbers; "second to none".
    if (/^\s+(?:half|quarter)\b/i.test(rest)) continue;
    if (w === 'second' && /^\s+(?:to|of)\b/.test(rest)) continue;
    if (isAsciiUpper(text.charCodeAt(start))) {
      // "First Lady", "Second Lady" are titles, no rank.
      if (/^\s+(?:Lady|Ladies|Gentleman|Family)\b/.test(rest)) continue;
      // English ranks with an ordinal before the noun: a capitalised one after a name and before no other
      // ("Children First", "America First", "Safety First.") ends a name or a slogan and ranks nothing;
      // "the ROK First Army" ranks the army after it.
      if (!/^\s+[A-Z]/.test(rest) && /\b(?!(?:The|A|An|Its|Our|His|Her|Their|This|That|These|Those|In|On|At|For|By|And|But|Or)\s)[A-Z][A-Za-z'’-]*\s+$/.test(text.slice(Math.max(0, start - 30), start))) continue;
    }
    c.add('ordinal', String(ord), start, end);
  }
  // Cardinals of twenty and more written out ("fifty-six delegates", "two hundred fifty-five years
  // ago", "seventy years of alliance"), which Korean writes in digits (56명, 255년, 70년). Smaller
  // ones are not read: Korean writes them as words as often (두 정상, 세 나라, 양국). After the
  // ordinals and the scales of small cardinals above, which keep their spans ("twenty-first", "two million").
  if (spelled) {
    c.each(SPELLED, (m) => {
      const g = m.groups!, low = (x: string | undefined) => x?.toLowerCase();
      const hu = low(g.hu), tens = low(g.ht ?? g.t), unit = low(g.htu ?? g.tu), extra = low(g.hx);
      const v = (hu ? (hu === 'a' ? 1 : UNITS[hu]!) * 100 : 0) + (tens ? TENS[tens]! : 0) + (unit ? UNITS[unit]! : 0) + (extra ? UNITS[extra] ?? TEEN[extra]! : 0);
      if (v >= 20) c.add('number', numberValue(v * (g.sc ? SCALE[g.sc.toLowerCase()]! : 1)), m.index, m.index + m[0].length);
    });
  }
}

/**
 * English words a release writes in capitals in its headings and date lines ("MEDIA NOTE", "OFFICE OF
 * THE SPOKESPERSON", "FOR IMMEDIATE RELEASE", "JUNE 12"): read as acronyms, they are content the other
 * version never has.
 */
const CAPS_WORD = new Set([
  'THE', 'OF', 'AND', 'FOR', 'ON', 'IN', 'TO', 'AT', 'BY', 'WITH', 'FROM', 'AN', 'MEDIA', 'NOTE', 'NOTICE', 'OFFICE',
  'SPOKESPERSON', 'PRESS', 'RELEASE', 'IMMEDIATE', 'EMBARGOED', 'UNTIL', 'READOUT', 'STATEMENT', 'JOINT', 'FACT',
  'SHEET', 'REMARKS', 'BRIEFING', 'TRANSCRIPT', 'BACKGROUND', 'NEWS', 'UPDATE', 'DEPARTMENT', 'MINISTRY', 'EMBASSY',
  'SECRETARY', 'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER',
  'NOVEMBER', 'DECEMBER', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY',
]);

function extractCommon(c: Claims, digits: boolean, latin: boolean): void {
  // Dotted acronyms ("U.S.", "D.C.") and capitals ("NCG", "OPCON"), also inside Korean text; a plural
  // ("ICBMs", "UUVs") is the acronym a Korean text writes ("ICBM", "UUV").
  if (latin) c.each(/(?:\b[A-Z]\.){2,}|\b[A-Z][A-Z&]*[A-Z](?:s\b|\b)/g, (m) => {
    const v = m[0].replace(/\./g, '').replace(/s$/, '');
    if (/^(?:[IVX]+)$/.test(v) && v.length <= 4) return; // regnal numerals "Austin III"
    // A word of a heading in capitals ("MEDIA NOTE", "OFFICE OF THE SPOKESPERSON") is no acronym.
    if (CAPS_WORD.has(v)) return;
    c.add('acronym', v, m.index, m.index + m[0].length);
  });
  if (!digits) return;
  c.each(/(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b|％)/g, (m) => c.add('percent', numberValue(num(m[1]!)), m.index, m.index + m[0].length));
  // A year before a comma is a year ("Since 1991, Korea has …"); not the start of "1,991" or "1991.5".
  c.each(/(?<![\d.,])(\d{4})(?!\d|[,.]\d)/g, (m) => {
    const y = num(m[1]!);
    if (y >= 1900 && y <= 2100) c.add('year', m[1]!, m.index, m.index + m[0].length);
  });
  c.each(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?/g, (m) => {
    c.add('number', numberValue(num(m[0])), m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- names

const SURNAMES: [string, string, string[]][] = [
  // [Hangul, canonical key, English spellings]
  ['이', 'lee', ['lee', 'yi', 'rhee', 'ri', 'rhie', 'i']], ['리', 'lee', ['ri', 'lee']],
  ['박', 'park', ['park', 'bak', 'pak']], ['김', 'kim', ['kim', 'gim']],
  ['최', 'choi', ['choi', 'choe', 'choy']], ['정', 'jung', ['chung', 'jung', 'jeong', 'cheong']],
  ['윤', 'yoon', ['yoon', 'yun']], ['문', 'moon', ['moon', 'mun']], ['한', 'han', ['han']],
  ['조', 'cho', ['cho', 'jo', 'joh']], ['강', 'kang', ['kang', 'gang']], ['장', 'jang', ['jang', 'chang']],
  ['임', 'lim', ['lim', 'im', 'rim']], ['오', 'oh', ['oh']], ['신', 'shin', ['shin', 'sin']],
  ['서', 'suh', ['suh', 'seo']], ['권', 'kwon', ['kwon', 'gwon']], ['황', 'hwang', ['hwang']],
  ['안', 'ahn', ['ahn', 'an']], ['송', 'song', ['song']], ['유', 'yoo', ['yoo', 'yu', 'ryu', 'yoo']], ['류', 'yoo', ['ryu', 'yoo']],
  ['홍', 'hong', ['hong']], ['전', 'jeon', ['jeon', 'chun', 'jun', 'chon']], ['고', 'ko', ['ko', 'koh', 'go']],
  ['노', 'roh', ['roh', 'noh']], ['남', 'nam', ['nam']], ['구', 'koo', ['koo', 'ku', 'gu']],
  ['원', 'won', ['won']], ['양', 'yang', ['yang']], ['손', 'son', ['son', 'sohn']], ['배', 'bae', ['bae', 'pae']],
  ['백', 'baek', ['baek', 'paik', 'paek']], ['허', 'heo', ['heo', 'huh', 'hur']], ['변', 'byun', ['byun', 'byeon']],
  ['차', 'cha', ['cha']], ['주', 'joo', ['joo', 'ju', 'chu']], ['우', 'woo', ['woo']], ['민', 'min', ['min']],
  ['진', 'jin', ['jin', 'chin']], ['위', 'wi', ['wi', 'wee']], ['하', 'ha', ['ha']], ['곽', 'kwak', ['kwak']],
  ['성', 'sung', ['sung', 'seong']], ['현', 'hyun', ['hyun', 'hyeon']], ['방', 'bang', ['bang']],
  ['반', 'ban', ['ban']], ['심', 'shim', ['shim', 'sim']], ['염', 'yeom', ['yeom', 'yum']], ['추', 'choo', ['choo', 'chu']],
  ['엄', 'um', ['um', 'eom']], ['채', 'chae', ['chae']], ['표', 'pyo', ['pyo']], ['왕', 'wang', ['wang']],
  ['맹', 'maeng', ['maeng']], ['탁', 'tak', ['tak']], ['육', 'yook', ['yook', 'yuk']], ['길', 'gil', ['gil', 'kil']],
];
/**
 * Less frequent surnames whose syllable opens many ordinary words (지난해, 도움, 사람, 기자, 국방, 인도,
 * 경제): a word is read as opening with one of these only where it stands as a name (before a title, in
 * a name picked back from a title), never just for its first syllable. Spellings that are English words
 * (An, In, So, Do, Ok, Ye) count only before a given name (EN_WORD_SURNAME). Two-syllable surnames last.
 */
const RARER_SURNAMES: [string, string, string[]][] = [
  ['나', 'na', ['na', 'nah']], ['지', 'ji', ['ji', 'jee']], ['천', 'cheon', ['cheon', 'chun', 'chon']], ['공', 'kong', ['kong', 'gong']],
  ['함', 'ham', ['ham', 'hahm']], ['여', 'yeo', ['yeo', 'yuh']], ['도', 'do', ['do', 'doh', 'toh']], ['소', 'so', ['so', 'soh']],
  ['석', 'seok', ['seok', 'suk', 'sok']], ['선', 'sun', ['sun', 'seon']], ['설', 'seol', ['seol', 'sul', 'sol']], ['마', 'ma', ['ma']],
  ['연', 'yeon', ['yeon', 'youn', 'yun']], ['명', 'myung', ['myung', 'myeong']], ['기', 'ki', ['ki', 'gi', 'kee']], ['라', 'ra', ['ra']],
  ['금', 'keum', ['keum', 'geum', 'kum']], ['옥', 'ok', ['ok', 'ock']], ['인', 'in', ['in']], ['제', 'je', ['je', 'jeh']],
  ['모', 'mo', ['mo', 'moh']], ['국', 'kook', ['kook', 'guk', 'kuk']], ['어', 'eo', ['eo', 'uh']], ['은', 'eun', ['eun']],
  ['편', 'pyun', ['pyun', 'pyeon']], ['용', 'yong', ['yong']], ['예', 'ye', ['ye', 'yeh']], ['경', 'kyung', ['kyung', 'kyeong', 'gyeong']],
  ['봉', 'bong', ['bong']], ['사', 'sa', ['sa']], ['부', 'boo', ['boo', 'bu']],
  ['황보', 'hwangbo', ['hwangbo']], ['남궁', 'namgoong', ['namgoong', 'namgung']], ['제갈', 'jegal', ['jegal', 'chegal']],
  ['선우', 'sunwoo', ['sunwoo', 'seonwoo', 'seonu']], ['독고', 'dokgo', ['dokgo', 'dokko']],
];
/** Spellings of a surname that are also English words ("An", "In", "So"): a surname only before a given name. */
export const EN_WORD_SURNAME = new Set(['an', 'in', 'so', 'do', 'ok', 'ye']);
/** The rarer surnames' Hangul (see RARER_SURNAMES). */
export const RARER_SURNAME = new Set(RARER_SURNAMES.map(([h]) => h));
/** English spellings of each Korean surname (the checks' view of the lists above). */
export const SURNAME_SPELLINGS: Record<string, string[]> = {};
for (const [h, , en] of [...SURNAMES, ...RARER_SURNAMES]) SURNAME_SPELLINGS[h] = en;
/** The frequent surnames, read at the start of a word too (an institution's name, a name before an office). */
const KO_SURNAME = new Map(SURNAMES.map(([h, k]) => [h, k]));
/** Every surname, for a word picked back from a title as a name. */
const KO_ANY_SURNAME = new Map([...SURNAMES, ...RARER_SURNAMES].map(([h, k]) => [h, k]));
// A spelling two surnames share (Chun 전 and 천, Yun 윤 and 연) stays the frequent one's.
const EN_SURNAME = new Map<string, string>(), EN_WORD_SURNAME_KEY = new Map<string, string>();
for (const [, k, en] of [...SURNAMES, ...RARER_SURNAMES]) {
  for (const e of en) {
    const map = EN_WORD_SURNAME.has(e) ? EN_WORD_SURNAME_KEY : EN_SURNAME;
    if (!map.has(e)) map.set(e, k);
  }
}
const SYLLABLE = '(?:[bcdghjkmnprstwy]|ch|kk|tt|pp|ss|jj|sh)?[aeiouwy]{1,3}(?:ng|[nmlkptrb])?';
/** One syllable of a Korean name as English spells it ("Jin", "Myung", "Hwa"). */
export const KOREAN_SYLLABLE = new RegExp(`^${SYLLABLE}$`, 'i');
/**
 * A Korean given name as English spells it, one syllable to a part ("Ji-ho", "Jung-geun"): not
 * "Indo-Pacific", nor "Top-down" (a w after a vowel spells no Korean vowel).
 */
const GIVEN_SYLLABLE = '(?:[bcdghjkmnprstwy]|ch|kk|tt|pp|ss|jj|sh)?[wy]?[aeiou]{1,3}(?:ng|[nmlkptrb])?';
const KOREAN_GIVEN = new RegExp(`^${GIVEN_SYLLABLE}-${GIVEN_SYLLABLE}$`, 'i');
/** Spellings only a rarer surname has ("Sun", "Ham", "Ma"): read as a surname only before a Korean given name. */
const EN_RARER_ONLY = new Set(RARER_SURNAMES.flatMap(([, , en]) => en).filter((e) => !SURNAMES.some(([, , f]) => f.includes(e))));

const L = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const V = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const T = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Revised Romanization of Hangul syllables (other characters pass through). */
export function romanize(s: string): string {
  let out = '';
  let finalN = false;
  for (const ch of s) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) {
      out += ch;
      finalN = false;
      continue;
    }
    const initial = Math.floor(code / 588);
    // As the Revised Romanization does, n before g is hyphenated (반기문 ban-gimun), so it is not read as ng.
    out += (finalN && initial === 0 ? '-' : '') + L[initial]! + V[Math.floor((code % 588) / 28)]! + T[code % 28]!;
    finalN = code % 28 === 4;
  }
  return out;
}

/**
 * Consonant skeleton of a romanized or English name: vowels dropped and voiced/unvoiced pairs
 * merged, so "Jong-sup", "jongseop" and "Chong-sop" meet, and "Austin" meets 오스틴 (oseutin).
 */
export function nameSkeleton(s: string): string {
  let t = skeletons.get(s);
  if (t === undefined) {
    // Names recur across the paragraphs and documents of a batch; the cache is bounded.
    if (skeletons.size >= 10_000) skeletons.clear();
    skeletons.set(s, (t = computeSkeleton(s)));
  }
  return t;
}

const skeletons = new Map<string, string>();

/**
 * The skeleton of a name as an English text spells it, for the anchor: a final "ds" or "ts" is one
 * sound, 즈 or 츠 in Hangul and ズ or ツ in kana (Reynolds 레이놀즈, Fields 필즈), so it is read as "z".
 * (An "r" after a vowel, which Hangul leaves out, still counts: Roberts and 로버츠 do not meet.)
 */
function latinNameSkeleton(w: string): string {
  return nameSkeleton(w.replace(/[dt]s$/i, 'z'));
}

function computeSkeleton(s: string): string {
  // "ng" is one sound only within a syllable: "Ban-gi" (반기) keeps its g.
  let t = s.toLowerCase().replace(/ng/g, 'n').replace(/[^a-z]/g, '');
  t = t.replace(/ch/g, 'j').replace(/sh/g, 's').replace(/ph/g, 'p').replace(/th/g, 't')
    .replace(/c(?=[eiy])/g, 's').replace(/ck/g, 'k').replace(/x/g, 'ks');
  t = t.replace(/[gcq]/g, 'k').replace(/d/g, 't').replace(/[bfv]/g, 'p').replace(/r/g, 'l').replace(/z/g, 'j')
    .replace(/[aeiouyw]/g, '');
  return t.replace(/(.)\1+/g, '$1');
}

const KO_TITLES = ['장관', '국무장관', '국방장관', '외교장관', '외무장관', '외무상', '외무대신', '방위상', '방위대신', '대통령', '총리', '대변인', '차관', '차관보', '부장관', '대사', '의장', '사령관', '실장', '본부장', '위원장', '국무위원장', '수석', '특별대표', '대표', '여사', '당선인', '사무총장', '총장', '국장', '대행'];
/** A word that opens with an official title (장관, 대통령은, 국방장관과). */
export const KO_TITLE = new RegExp(`^(?:${KO_TITLES.join('|')})`, 'u');
// A word can open with a title only if it starts with a title's first syllable: most words are
// rejected by this set without running the pattern.
const KO_TITLE_FIRST = new Set(KO_TITLES.map((t) => t[0]!));
const KO_TITLE_FIRST_CODE = new Set(KO_TITLES.map((t) => t.charCodeAt(0)));
/**
 * A verb or adjective before a noun ("있었던 바이든 대통령", "방한하는 총리"): it ends a name read back
 * from its title. (Given names end in 은 too, 김정은 or 하은: only the forms a tense or 있다 makes.)
 */
export const KO_VERB_FORM = /(?:던|는|[었았였했됐있없][은을]|으며|하며|되며|하고|하여|되어)$/u;
/** A word that opens with a title but is another noun: a team or a delegation (대표팀, 대표단, 의장단), an embassy (대사관). */
const KO_TITLE_NOUN = new RegExp(`^(?:${KO_TITLES.join('|')})(?:팀|단|관)`, 'u');
/** Particles a title word may carry ("소장은", "국장과"). */
const KO_TITLE_PARTICLE = '(?:은|는|이|가|과|와|을|를|의|에게|께서|께|도|으로|이며|이자)?';
/**
 * A military rank ("로버트 케슬러 소장은", "정현우 대령"): only the rank itself with a particle, since
 * these syllables open other words too (중장기, 소장품, 대장정).
 */
const KO_RANKS = ['대장', '중장', '소장', '준장', '대령', '중령', '소령'];
export const KO_RANK = new RegExp(`^(?:${KO_RANKS.join('|')})${KO_TITLE_PARTICLE}$`, 'u');
/**
 * An office's head written as one word with the office ("북미국장", "안보실장", "평화교섭본부장",
 * "방사청장", "대표단장"), or the bare title (청장, 처장, 단장), with a particle or none.
 */
const KO_OFFICE_HEADS = ['국장', '실장', '본부장', '단장', '청장', '처장'];
const KO_OFFICE = new RegExp(`^\\p{Script=Hangul}{0,6}(?:${KO_OFFICE_HEADS.join('|')})${KO_TITLE_PARTICLE}$`, 'u');
/** Whether a text holds any title, rank or office's head at all: most paragraphs hold none, and skip the word walk. */
const KO_TITLE_TEST = new RegExp([...KO_TITLES, ...KO_RANKS, ...KO_OFFICE_HEADS].join('|'), 'u');
/**
 * A word that ends in a title, the office before it ("기뢰전대장", "부사령관인"): it ends a name read
 * back from the next title ("기뢰전대장 정현우 대령"), where it would otherwise be taken for a name.
 */
const KO_TITLE_END = /(?:사령관|대장|단장|국장|실장|본부장|위원장|장관|차관|대사|총장|의장|대변인)(?:인|이자|이며)?$/u;
/**
 * How a word is a title: 'title' when one of KO_TITLES opens it (not a plural or a team), 'office'
 * for a rank or an office's head, or null.
 */
function koTitleKind(w: string): 'title' | 'office' | null {
  if (KO_TITLE_FIRST.has(w[0]!) && KO_TITLE.test(w) && !KO_TITLE_PLURAL.test(w) && !KO_TITLE_NOUN.test(w)) return 'title';
  return KO_RANK.test(w) || KO_OFFICE.test(w) ? 'office' : null;
}
/**
 * A Hangul word spelling a foreign name: a syllable on the vowel ㅡ, which Korean writes for a
 * consonant the other language ends on or clusters (로버트, 케슬러, 마이클, 토레스).
 */
function looksTransliterated(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) - 0xac00;
    if (c >= 0 && c < 11172 && Math.floor((c % 588) / 28) === 18) return true;
  }
  return false;
}
/**
 * Words read back from a rank or an office's head ("사찰단장", "부국장"), which a description precedes
 * as often as a name ("유엔 무기 사찰단장", "공안 보안국 부국장"): taken only if they look like a
 * name, one Korean name of three syllables opening with a surname, or foreign names.
 */
function nameBeforeOffice(words: string[]): boolean {
  // Three syllables: most Korean names are (a two-syllable word opening with a surname is as often a
  // noun: 육군, 현역, 다음, 조사).
  if (words.length === 1 && words[0]!.length === 3 && KO_SURNAME.has(words[0]![0]!)) return true;
  return words.every(looksTransliterated);
}
/** A side ("외상측 대변인", the foreign minister's side; 북한측, 미측): a party, not a person. */
export const KO_SIDE = /\p{Script=Hangul}측(?:의)?$/u;
/** A title in the plural ("장관들은", the ministers) names a group, not the person before it. */
const KO_TITLE_PLURAL = new RegExp(`^(?:${KO_TITLES.join('|')})들`, 'u');
const KO_BETWEEN = /^(?:한국|미국|일본|중국|북한|러시아|대한민국|국방부|외교부|국무부|통일부|한국의|미국의|일본의|주한|주미|주일)$/u;
const KO_INSTITUTION = /^\p{Script=Hangul}{2,}(?:부|처|청|원|위원회|본부|사령부)(?:의)?$/u;
/** A ministry or agency before a title ("해양수산부 장관"); a three-syllable word opening with a surname is a name ("김정부"). */
const isInstitution = (w: string): boolean => KO_INSTITUTION.test(w) && (w.length >= 4 || !KO_SURNAME.has(w[0]!));
const KO_NOT_NAME = new Set([
  '한국', '미국', '일본', '중국', '북한', '러시아', '양국', '양측', '각국', '신임', '전임', '현', '전', '공동', '이번', '해당', '동',
  '그', '우리', '국방부', '외교부', '국무부', '통일부', '국방', '외교', '오늘', '지난', '한미', '한미일', '한일', '한중', '한러', '한일중', '한중일', '미일', '미중', '북미', '북중', '미측', '한측', '일측',
  '3국', '두', '세', '각', '양', '부', '국가안보', '정부', '한국의', '미국의', '일본의', '회담', '통화', '당시', '대한민국',
]);
// "Minister for Foreign Affairs of Japan Yoshimasa Hayashi", "Prime Minister of Japan Fumio Kishida",
// "President of the Republic of Korea Yoon Suk Yeol": the country after the office, then the name.
// A rank before another ("Lt. Gen.", "Maj. Gen.", "Sgt. Maj.") is left to the last one, which the name
// follows; British English writes the ranks without a full stop ("Lt Gen", "Capt").
const EN_TITLE = /\b(?:Secretary|Minister|President|Spokesperson|Ambassador|General|Gen\.|Admiral|Adm\.|Chairman|Chair|Director|Commander|Mr\.|Ms\.|Mrs\.|Dr\.|Leader|Premier|Capt\.?|Captain|Col\.?|Colonel|Cmdr\.?|Cdr\.?|Sgt\.?(?!\s*Maj\b)|Lt\.?(?!\s*(?:Gen|Col|Cmdr|Cdr)\b)|Maj\.?(?!\s*Gen\b)|Brig\.?(?!\s*Gen\b)|Gen(?=\s))(?:\s+(?:of|for)\s+(?:State|Defense|National\s+Defense|Foreign\s+Affairs|Unification))?(?:\s+of\s+(?:Japan|the\s+Republic\s+of\s+Korea|the\s+United\s+States|Korea|the\s+ROK))?\s+/g;
// A name word may have a capital inside ("LaCamera", "McCarthy", "DeSantis").
const EN_NAME_WORD = /^(?:\p{Lu}[\p{Ll}’'-]+(?:\p{Lu}\p{Ll}+)*(?:-\p{Ll}+)?|\p{Lu}\.)/u;

function koNameKeys(word: string, titled: boolean, alone: boolean): string[] {
  // A surname of two syllables (남궁, 제갈) before a given name; a rarer surname opens a name of three
  // syllables standing alone before the title (지상훈 장관) or stands alone itself (지 장관): not a word
  // of two (지역 대표), nor a foreign name's first word (마이클 토레스, 마거릿 도일).
  const rarer = alone && !looksTransliterated(word);
  const two = rarer && word.length >= 3 ? KO_ANY_SURNAME.get(word.slice(0, 2)) : undefined;
  const first = two ? word.slice(0, 2) : word.slice(0, 1);
  const keys: string[] = [];
  const canon = two ?? (rarer && (word.length === 1 || word.length === 3) ? KO_ANY_SURNAME.get(first) : KO_SURNAME.get(first));
  if (word.length === 1) return canon && titled ? [canon] : [];
  if (canon && word.length >= 2 && word.length <= 4) {
    keys.push(canon);
    const g = nameSkeleton(romanize(word.slice(first.length)));
    if (g.length >= 2) keys.push(g);
  }
  const whole = nameSkeleton(romanize(word));
  if (whole.length >= 2 && !keys.includes(whole)) keys.push(whole);
  return keys;
}

/** Code units that end a word of a Korean name's walk: \s (as a pattern reads it) and , · • ( ) “ ” " ' ‘ ’. */
function endsKoWord(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) || c === 44 || c === 40 || c === 41 || c === 34 || c === 39;
  if (c < 0x2000) return c === 0xa0 || c === 0xb7 || c === 0x1680;
  if (c <= 0x205f) return c <= 0x200a || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2022 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
  return c === 0x3000 || c === 0xfeff;
}

const KO_WORDS: number[] = [];
/** Start and end offsets of the words of `text` (see endsKoWord), in one reused array. */
function koWordEnds(text: string): number[] {
  const out = KO_WORDS;
  out.length = 0;
  const L = text.length;
  for (let i = 0; i < L; ) {
    if (endsKoWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < L && !endsKoWord(text.charCodeAt(j))) j++;
    out.push(i, j);
    i = j;
  }
  return out;
}

const JANG = '장'.charCodeAt(0), RYEONG = '령'.charCodeAt(0);
/**
 * Whether text[s, e) may be a title to koTitleKind: one of KO_TITLES opens it, or it holds 장 or 령,
 * as every rank and office's head does. Any other word is passed over without making its string.
 */
function mayBeTitle(text: string, s: number, e: number): boolean {
  if (KO_TITLE_FIRST_CODE.has(text.charCodeAt(s))) return true;
  for (let x = s; x < e; x++) {
    const c = text.charCodeAt(x);
    if (c === JANG || c === RYEONG) return true;
  }
  return false;
}

function extractNames(c: Claims, text: string, _lang: Lang, hangul: boolean, latin: boolean): void {
  if (hangul && KO_TITLE_TEST.test(text)) {
    // Hangul names are recognised by the title that follows them ("이종섭 국방장관", "박진 한국
    // 외교장관", "오스틴 장관"); walking back from the title collects the name words.
    // The words as /[^\s,·•()“”"'‘’]+/gu finds them, as offsets; a word's string is made only where a
    // title may be (see mayBeTitle) and on the walk back from one.
    const ends = koWordEnds(text);
    const words: { w: string; s: number; e: number }[] = [];
    for (let k = 0; k < ends.length; k += 2) words.push({ w: '', s: ends[k]!, e: ends[k + 1]! });
    const wordAt = (k: number): string => words[k]!.w || (words[k]!.w = text.slice(words[k]!.s, words[k]!.e));
    for (let i = 0; i < words.length; i++) {
      if (!mayBeTitle(text, words[i]!.s, words[i]!.e)) continue;
      const kind = koTitleKind(wordAt(i));
      if (!kind) continue;
      let j = i - 1;
      // "박진 한국 외교장관", "이종섭 국방부 장관": a country or ministry may sit between.
      // Any ministry or agency too ("해양수산부 장관", "보건복지부 장관"), not only those listed.
      for (let skipped = 0; j >= 0 && skipped < 2 && (KO_BETWEEN.test(wordAt(j)) || isInstitution(wordAt(j))); skipped++) j--;
      const picked: { w: string; s: number; e: number }[] = [];
      for (; j >= 0 && picked.length < 3; j--) {
        const w = wordAt(j);
        // A comma or bracket between two words ends the name ("…사의를 표하였으며, 장관은").
        if (/[^\s]/u.test(text.slice(words[j]!.e, words[j + 1]!.s))) break;
        if (!/^\p{Script=Hangul}{1,5}$/u.test(w) || KO_NOT_NAME.has(w) || KO_TITLE.test(w) || KO_RANK.test(w) || KO_OFFICE.test(w) || KO_TITLE_END.test(w) || KO_VERB_FORM.test(w) || KO_SIDE.test(w)) break;
        if (w.length === 1 && (picked.length > 0 || !KO_ANY_SURNAME.has(w))) break;
        picked.unshift(words[j]!);
        if (w.length === 1) break;
      }
      if (!picked.length || (kind === 'office' && !nameBeforeOffice(picked.map((p) => p.w)))) continue;
      const keys = picked.flatMap((p) => koNameKeys(p.w, true, picked.length === 1));
      if (keys.length) c.add('name', [...new Set(keys)].join(' '), picked[0]!.s, picked[picked.length - 1]!.e);
    }
    // A signature line ("외교부 대변인 윤서진", "국방부 장관 김영수"): a line of a ministry or country, the
    // title and a name of three syllables opening with a surname, nothing else.
    const last = words.length - 1;
    let lead = 0;
    while (lead < last - 1 && (KO_BETWEEN.test(wordAt(lead)) || isInstitution(wordAt(lead)))) lead++;
    if (text.length <= 40 && last >= 1 && lead === last - 1 && !text.slice(words[last]!.e).trim() && !text.slice(0, words[0]!.s).trim()) {
      const w = wordAt(last);
      if (/^\p{Script=Hangul}{3}$/u.test(w) && KO_SURNAME.has(w[0]!) && !KO_NOT_NAME.has(w) && !KO_TITLE.test(w) && koTitleKind(wordAt(last - 1)) === 'title') {
        const keys = koNameKeys(w, true, true);
        if (keys.length) c.add('name', [...new Set(keys)].join(' '), words[last]!.s, words[last]!.e);
      }
    }
  }
  // Latin-script names: after a title ("Minister of National Defense Lee Jong-sup",
  // "Secretary Austin"), or a Korean surname followed by a hyphenated/two-part given name.
  const spans: [number, number][] = [];
  if (!latin) return;
  EN_TITLE.lastIndex = 0;
  for (let m, re = EN_TITLE; (m = re.exec(text)); ) {
    let pos = m.index + m[0].length;
    const start = pos;
    let end = pos;
    for (let k = 0; k < 4; k++) {
      const wm = EN_NAME_WORD.exec(text.slice(pos));
      if (!wm) break;
      end = pos + wm[0].length;
      pos = end;
      const sp = /^\s+/.exec(text.slice(pos));
      if (!sp) break;
      pos += sp[0].length;
    }
    if (end > start) spans.push([start, end]);
  }
  for (let m, re = /\b([A-Z][a-z]{0,7})\s+([A-Z][a-z]+-[a-z]+|[A-Z][a-z]{1,5}\s+[A-Z][a-z]{1,5}\b)/g; (m = re.exec(text)); ) {
    // A surname that is also an English word ("An", "In"), or one only a rarer surname spells ("Sun"), only
    // before a Korean given name ("An Ji-ho", not "An Indo-Pacific" or "Sun Valley Resort").
    const first = m[1]!.toLowerCase();
    if ((EN_SURNAME.has(first) && !EN_RARER_ONLY.has(first)) || ((EN_WORD_SURNAME_KEY.has(first) || EN_RARER_ONLY.has(first)) && KOREAN_GIVEN.test(m[2]!))) spans.push([m.index, m.index + m[0].length]);
    // Otherwise the next try starts after this word, not after the words it took: "Speaker Woo Won Shik".
    else re.lastIndex = m.index + m[1]!.length;
  }
  for (const [s, e] of spans) {
    const ws = text.slice(s, e).split(/\s+/).filter((w) => !/^\p{Lu}\.$/u.test(w) && !/^(?:I|II|III|IV|Jr\.?|Sr\.?)$/.test(w));
    if (!ws.length) continue;
    const keys: string[] = [];
    const surname = ws[0]!.replace(/[’'].*$/, '').toLowerCase();
    const canon = EN_SURNAME.get(surname) ?? (ws.length >= 2 && KOREAN_GIVEN.test(ws[1]!) ? EN_WORD_SURNAME_KEY.get(surname) : undefined);
    if (canon && ws.length >= 2) {
      keys.push(canon);
      const g = latinNameSkeleton(ws.slice(1).join(''));
      if (g.length >= 2) keys.push(g);
    } else {
      for (const w of ws) {
        const base = w.replace(/[’']s$/, '');
        const c2 = EN_SURNAME.get(base.toLowerCase());
        if (c2 && ws.length === 1) keys.push(c2);
        const k = latinNameSkeleton(base);
        if (k.length >= 2) keys.push(k);
      }
    }
    if (keys.length) c.add('name', [...new Set(keys)].join(' '), s, e);
  }
}
