// Number and date checks: every number or date on one side must have its counterpart on the other.
import { halfWidthDigits } from '../anchors.ts';
import { isTitleLike } from '../boilerplate.ts';
import type { DateMention, Quantities, Quantity } from './quantities.ts';
import { baseLang, langName } from './side.ts';
import type { RawFinding, Side, Unit } from './types.ts';

function group(v: string): string {
  const [i, f] = v.split('.');
  const g = (i ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f ? `${g}.${f}` : g;
}

function show(q: Quantity): string {
  // A clock time is quoted as written: its value is on the 12-hour clock (see anchors' extractTimes).
  if (q.kind === 'time') return q.text;
  const plain = halfWidthDigits(q.text).replace(/[,\s]/g, '');
  // A number in kanji (二百五十) is quoted with its value, as one written with myriad units is.
  const kanji = /[〇一二三四五六七八九十百千]/u.test(q.text);
  return plain === q.value || (q.fromWords && !kanji) || q.kind === 'percent' ? q.text : `${q.text} (${group(q.value)})`;
}

/**
 * Multiset matching by value; returns what is left on each side. Like is matched with like first
 * (an ordinal with an ordinal, a count of parties with a count of parties, a number with a number),
 * so the "2" of "(2+2)" is not taken by the 한미 beside it and left to look unmatched, nor 第3回 by
 * the "three" of "the three Ministers" before "the 3rd meeting". An ordinal is never a count of
 * parties: "the third exercise" is not rendered by 三閣僚 (the three Ministers).
 */
function unmatched(a: Quantity[], b: Quantity[]): [Quantity[], Quantity[]] {
  const taken = new Set<Quantity>();
  const left: Quantity[] = [];
  const ordinal = (q: Quantity) => q.kind === 'ordinal';
  const take = (q: Quantity, like: 0 | 1 | 2): boolean => {
    const m = b.find((x) => !taken.has(x) && x.value === q.value && (like === 2 ? !(x.party && ordinal(q)) && !(q.party && ordinal(x))
      : !!x.party === !!q.party && (like === 1 || ordinal(x) === ordinal(q))));
    if (m) taken.add(m);
    return !!m;
  };
  const rest = a.filter((q) => !take(q, 0)).filter((q) => !take(q, 1));
  for (const q of rest) if (!take(q, 2)) left.push(q);
  return [left.sort((x, y) => x.start - y.start), b.filter((x) => !taken.has(x))];
}

/** The countries that the syllables of a Korean compound such as 한미 or 한미일 abbreviate, as English names them. */
const COUNTRY_EN: Record<string, RegExp> = {
  한: /(?<!North\s)\b(?:ROK|(?:Republic\s+of\s+|South\s+)?Korea)\b/,
  미: /(?<![A-Za-z])(?:U\.S\.|US\b|USA\b|United\s+States|America)/,
  일: /\bJapan/,
  중: /\b(?:China|PRC)\b/,
};
// The same countries as Japanese abbreviates them (日米韓), and two more of its usual partners.
Object.assign(COUNTRY_EN, { 韓: COUNTRY_EN['한'], 米: COUNTRY_EN['미'], 日: COUNTRY_EN['일'], 中: COUNTRY_EN['중'], 豪: /\bAustralia/, 印: /\bIndia\b/ });

/**
 * A Korean count of parties written as their compound ("한미", "한미일") that the English renders by
 * naming each of those countries ("the 26th Korea-U.S. Integrated Defense Dialogue"): nothing is missing.
 */
function namedInstead(q: Quantity, other: Side): boolean {
  if (!q.party || baseLang(other.lang) !== 'en' || !/^(?:[한미일중]+|[日米韓中豪印]+)$/u.test(q.text)) return false;
  return [...q.text].every((c) => COUNTRY_EN[c]!.test(other.text));
}

/** A Japanese compound of parties (日米韓): Japanese writes it for "trilateral" as well as for the three names. */
const isJapaneseCompound = (q: Quantity) => !!q.party && /^[日米韓中豪印]+$/u.test(q.text);

/**
 * Korean and Japanese write "first" as a word (처음으로, 최초의, 첫 방문, 初めて, 最初の), not as a number:
 * an English "first" left over is rendered when the other side has one of them.
 */
const FIRST_AS_WORD = /처음|최초|첫|初めて|最初|初の|初回/u;
const firstInWords = (q: Quantity, other: Side) => q.kind === 'ordinal' && q.value === '1' && q.fromWords && FIRST_AS_WORD.test(other.text);

/** The first row of a statement, a title on each side (as the page reader tells one). */
function isTitleRow(u: Unit): boolean {
  return u.src.paras[0] === 0 && u.tgt.paras[0] === 0 && u.src.texts.length === 1 && u.tgt.texts.length === 1
    && isTitleLike(u.src.texts[0]!.trim()) && isTitleLike(u.tgt.texts[0]!.trim());
}

export function checkNumbers(u: Unit, qs: Quantities, qt: Quantities): RawFinding[] {
  // Compounds rendered by naming leave the pool first, so that "trilateral" meets the 3자 beside 한미일.
  // A Japanese one first meets a count on the other side ("trilateral" ↔ 日米韓), and only left over
  // counts as rendered by the names.
  const early = (q: Quantity, other: Side) => !isJapaneseCompound(q) && namedInstead(q, other);
  const [ls0, lt0] = unmatched(qs.numbers.filter((q) => !early(q, u.tgt)), qt.numbers.filter((q) => !early(q, u.src)));
  const ls = ls0.filter((q) => !(isJapaneseCompound(q) && namedInstead(q, u.tgt)) && !firstInWords(q, u.tgt));
  const lt = lt0.filter((q) => !(isJapaneseCompound(q) && namedInstead(q, u.src)));
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const out: RawFinding[] = [];
  const digits = (l: Quantity[]) => l.filter((q) => !q.fromWords);
  const list = (l: Quantity[]) => l.map(show).join(', ');
  const vals = (l: Quantity[]) => l.map((q) => q.value).join(',');
  // Counts of parties ("both", "양측", "한미일") drift in translation and are never one number changed
  // into another: they are not paired with anything, only reported on their own (for information).
  const ps = ls.filter((q) => !q.party), pt = lt.filter((q) => !q.party);
  if (ps.length && pt.length) {
    // A number on each side with no partner is almost always one number changed. Spelled-out ones
    // ("three", "세") only join the message when no written number is left on that side.
    const es = digits(ps).length ? digits(ps) : ps, et = digits(pt).length ? digits(pt) : pt;
    out.push({
      check: 'numbers', severity: digits(ps).length || digits(pt).length ? 'error' : 'warning',
      message: `Number ${list(es)} has no counterpart in ${T}; ${T} has ${list(et)}`,
      key: `numbers:${vals(es)}|${vals(et)}`,
      srcHits: es, tgtHits: et,
    });
    const rest = [...ls.filter((q) => !es.includes(q)).map((q) => [q, 'src'] as const), ...lt.filter((q) => !et.includes(q)).map((q) => [q, 'tgt'] as const)];
    for (const [q, side] of rest) {
      out.push({
        check: 'numbers', severity: 'info',
        message: `${side === 'src' ? S : T} number ${show(q)} has no counterpart in ${side === 'src' ? T : S}`,
        key: `numbers:${side}:${q.value}`,
        srcHits: side === 'src' ? [q] : [], tgtHits: side === 'tgt' ? [q] : [],
      });
    }
    return out;
  }
  for (const [l, from, to, side] of [[ls, S, T, 'src'], [lt, T, S, 'tgt']] as const) {
    for (const q of l) {
      // One of something is as often said with an article ("a man" ↔ "남자 1명", "1년" ↔ "a year"),
      // so a lone 1 without partner is for review only; so is a count of parties ("3국" for "the
      // ROK, Japan and the United States"), which the other side names instead of counting.
      // A clock time one side leaves out is for review too: releases often drop it.
      // A meeting's ordinal in the title ("제5차 … 공동보도문" over "Joint Statement of the …"):
      // titles on one site number the meetings and on the other not, and the body says which meeting.
      const words = q.fromWords || q.party === true || (q.kind === 'number' && q.value === '1') || q.kind === 'time'
        || (q.kind === 'ordinal' && isTitleRow(u));
      out.push({
        check: 'numbers', severity: words ? 'info' : 'warning',
        message: `${from} ${q.kind === 'number' || q.kind === 'percent' ? 'number' : q.kind} ${show(q)} has no counterpart in ${to}`,
        key: `numbers:${side}:${q.value}`,
        srcHits: side === 'src' ? [q] : [], tgtHits: side === 'tgt' ? [q] : [],
      });
    }
  }
  return out;
}

const COMPS = ['y', 'm', 'd', 'part', 'rel'] as const;

function compare(a: DateMention, b: DateMention): { share: number; conflict: boolean } {
  let share = 0;
  let conflict = false;
  for (const k of COMPS) {
    if (a[k] === undefined || b[k] === undefined) continue;
    if (a[k] === b[k]) share++;
    else conflict = true;
  }
  return { share, conflict };
}

function norm(d: DateMention): string {
  if (d.rel) return d.rel + (d.part ? `-${d.part}` : '');
  const p = (n: number | undefined, w: number) => (n === undefined ? '?' : String(n).padStart(w, '0'));
  return `${p(d.y, 4)}-${p(d.m, 2)}-${p(d.d, 2)}${d.part ? `-${d.part}` : ''}`;
}

export function checkDates(u: Unit, qs: Quantities, qt: Quantities): RawFinding[] {
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const a = [...qs.dates], b = [...qt.dates];
  const usedB = new Set<number>();
  const leftA: DateMention[] = [];
  const matched: [DateMention, DateMention][] = [];
  for (const d of a) {
    let best = -1, bestShare = 0;
    b.forEach((e, j) => {
      if (usedB.has(j)) return;
      const c = compare(d, e);
      if (!c.conflict && c.share > bestShare) {
        best = j;
        bestShare = c.share;
      }
    });
    if (best >= 0) {
      usedB.add(best);
      matched.push([d, b[best]!]);
    } else leftA.push(d);
  }
  const leftB = b.filter((_, j) => !usedB.has(j));
  const out: RawFinding[] = [];
  // The same two days, one side a range ("August 21 to 23": three days), the other a list ("8월 21일과
  // 23일": two): reported once per mention.
  const spans = new Set<string>();
  for (const [d, e] of matched) {
    if (!d.span || !e.span || d.span === e.span || spans.has(d.text)) continue;
    spans.add(d.text);
    const says = (x: DateMention) => (x.span === 'range' ? 'a range of days' : 'two days');
    out.push({
      check: 'dates', severity: 'warning',
      message: `${S} ${d.text} is ${says(d)}, ${T} ${e.text} is ${says(e)}`,
      key: `dates:span:${norm(d)}|${norm(e)}`, srcHits: [d], tgtHits: [e],
    });
  }
  const pairedB = new Set<DateMention>();
  for (const d of leftA) {
    // A mention sharing a component with one on the other side but conflicting on another is a changed date.
    // A weekday cannot contradict anything without the calendar, so it is never paired as a conflict.
    const e = d.rel === 'weekday' ? undefined
      : leftB.find((x) => !pairedB.has(x) && x.rel !== 'weekday' && !d.rel === !x.rel && (compare(d, x).share > 0 || sameShape(d, x) || shared(d, x)));
    if (e) {
      pairedB.add(e);
      out.push({
        check: 'dates', severity: d.rel ? 'warning' : 'error',
        message: `Date ${d.text} does not match ${T} ${e.text}`,
        key: `dates:${norm(d)}|${norm(e)}`, srcHits: [d], tgtHits: [e],
      });
      continue;
    }
    out.push(single(d, 'src', S, T, leftB.some((x) => x.rel !== undefined) || b.some((x) => x.rel !== undefined)));
  }
  for (const e of leftB) {
    if (pairedB.has(e)) continue;
    out.push(single(e, 'tgt', T, S, a.some((x) => x.rel !== undefined)));
  }
  return out;
}

/** Both mention the same component (year, month or day), so they speak of the same point in time. */
function shared(a: DateMention, b: DateMention): boolean {
  return (['y', 'm', 'd'] as const).some((k) => a[k] !== undefined && b[k] !== undefined);
}

function sameShape(a: DateMention, b: DateMention): boolean {
  return COMPS.every((k) => (a[k] === undefined) === (b[k] === undefined));
}

function single(d: DateMention, side: 'src' | 'tgt', from: string, to: string, otherHasRelative: boolean): RawFinding {
  // Relative dates ("this year", "지난달") are rendered either way, so only absolute ones warn.
  const severity = d.rel || otherHasRelative ? 'info' : 'warning';
  return {
    check: 'dates', severity,
    message: `${from} date ${d.text} has no counterpart in ${to}`,
    key: `dates:${side}:${norm(d)}`,
    srcHits: side === 'src' ? [d] : [], tgtHits: side === 'tgt' ? [d] : [],
  };
}
