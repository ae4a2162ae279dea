// Word-pair associations learned from aligned text (Dice over co-occurrence), and the tokenizer they use.
import type { Lang } from './types.ts';

export interface Lexicon {
  srcLang: Lang;
  tgtLang: Lang;
  /** [srcToken, tgtToken, Dice score in (0,1]], best first per source token. */
  entries: [string, string, number][];
}

const EN_STOP = new Set(
  ('the and for with that this from have has had was were are been its their they them which will would ' +
    'also into such other than over under about after before while where when who whom whose what there ' +
    'these those both each more most some any all can could may might shall should not only very well ' +
    'our his her him she you your said says including between during through upon within without ' +
    'two one three further per via out off again same own being does did done doing').split(' '),
);

// Longest first, so "에서는" is stripped before "는"; endings that are whole verbs ("하였다") go too,
// because the noun stem before them carries the meaning.
const KO_SUFFIXES = [
  '하였습니다', '했습니다', '하였으며', '하였다', '하였고', '했으며', '하기로', '하는데', '하겠다', '한다는', '하면서', '하고', '하여', '하는',
  '했다', '한다', '하며', '하게', '해야', '에서는', '에서도', '으로는', '으로서', '으로써', '에서의', '에게는', '과의', '와의', '에서',
  '에게', '까지', '부터', '으로', '에는', '에도', '이며', '이다', '라고', '이라고', '로서', '로써', '보다', '처럼', '만큼', '하의',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '한', '할', '된', '될', '적', '들',
];

/** Content tokens for the lexicon: English stems without stopwords; Korean eojeol minus particles/endings. */
export function lexTokens(text: string, lang: Lang): string[] {
  const out: string[] = [];
  const korean = lang.toLowerCase().startsWith('ko');
  const japanese = lang.toLowerCase().startsWith('ja') || lang.toLowerCase().startsWith('zh');
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}]+)*/gu)) {
    const w = m[0];
    if (/^\p{Script=Latin}/u.test(w)) {
      const lw = w.toLowerCase().replace(/[’']s$/, '');
      if (lw.length < 3 || EN_STOP.has(lw)) continue;
      out.push(stemEn(lw));
    } else if (korean && /\p{Script=Hangul}/u.test(w)) {
      let s = w;
      for (const suf of KO_SUFFIXES) {
        if (s.length > suf.length + 1 && s.endsWith(suf)) {
          s = s.slice(0, -suf.length);
          break;
        }
      }
      if (s.length >= 2) out.push(s);
    } else if (japanese || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w)) {
      // No word spaces: character bigrams are the cheap stand-in for words.
      const chars = [...w];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

function stemEn(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * Associations from co-occurrence over (confident or confirmed) aligned pairs: Dice of the
 * pair-level document frequencies, keeping pairs seen together at least twice.
 */
export function learnLexicon(pairs: { src: string; tgt: string }[], srcLang: Lang, tgtLang: Lang, opts: { minCount?: number; minDice?: number; perToken?: number } = {}): Lexicon {
  const minCount = opts.minCount ?? 2;
  const minDice = opts.minDice ?? 0.3;
  const perToken = opts.perToken ?? 3;
  const dfS = new Map<string, number>();
  const dfT = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const s = [...new Set(lexTokens(p.src, srcLang))];
    const t = [...new Set(lexTokens(p.tgt, tgtLang))];
    for (const a of s) dfS.set(a, (dfS.get(a) ?? 0) + 1);
    for (const b of t) dfT.set(b, (dfT.get(b) ?? 0) + 1);
    for (const a of s) {
      let row = co.get(a);
      if (!row) co.set(a, (row = new Map()));
      for (const b of t) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const entries: [string, string, number][] = [];
  for (const a of [...co.keys()].sort()) {
    const row = co.get(a)!;
    const cands: [string, number][] = [];
    for (const [b, n] of row) {
      if (n < minCount) continue;
      const dice = (2 * n) / (dfS.get(a)! + dfT.get(b)!);
      if (dice >= minDice) cands.push([b, dice]);
    }
    cands.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    for (const [b, d] of cands.slice(0, perToken)) entries.push([a, b, Math.round(d * 1000) / 1000]);
  }
  return { srcLang, tgtLang, entries };
}
