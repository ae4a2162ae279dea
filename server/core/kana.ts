// Katakana read aloud in Latin letters (Hepburn, as Japanese writes foreign names: バイデン "baiden",
// ブリンケン "burinken", キャンベル "kyamberu"), so that a name in a Japanese text can be compared
// with the English by its consonants (nameSkeleton). Pure; hiragana reads the same way.

// The plain syllables, row by row: each row's consonant, then the five vowels a i u e o.
const ROWS: [string, string][] = [
  ['アイウエオ', ''], ['カキクケコ', 'k'], ['サシスセソ', 's'], ['タチツテト', 't'], ['ナニヌネノ', 'n'],
  ['ハヒフヘホ', 'h'], ['マミムメモ', 'm'], ['ヤ_ユ_ヨ', 'y'], ['ラリルレロ', 'r'], ['ワヰ_ヱヲ', 'w'],
  ['ガギグゲゴ', 'g'], ['ザジズゼゾ', 'z'], ['ダヂヅデド', 'd'], ['バビブベボ', 'b'], ['パピプペポ', 'p'],
  ['ァィゥェォ', ''], ['ャ_ュ_ョ', 'y'],
];
const VOWELS = 'aiueo';
/** Syllables that Hepburn does not spell as row + vowel. */
const IRREGULAR: Record<string, string> = { シ: 'shi', チ: 'chi', ツ: 'tsu', フ: 'fu', ジ: 'ji', ヂ: 'ji', ヅ: 'zu', ヲ: 'o', ヴ: 'vu', ン: 'n' };

const SYLLABLE = new Map<string, string>();
for (const [kana, c] of ROWS) {
  [...kana].forEach((k, i) => {
    if (k !== '_') SYLLABLE.set(k, IRREGULAR[k] ?? c + VOWELS[i]);
  });
}
for (const [k, v] of Object.entries(IRREGULAR)) SYLLABLE.set(k, v);

/** Hiragana to katakana (the blocks are 0x60 apart), so that one table reads both. */
function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/**
 * Latin letters for a katakana (or hiragana) word: small ャュョ join the syllable before (キャ kya,
 * シュ shu), small ァィゥェォ replace its vowel (フィ fi, ティ ti, ウォ wo), ッ doubles the next consonant,
 * ー lengthens the vowel before (written once: the skeleton drops vowels anyway), and ン before b, m or
 * p is m (トランプ torampu). Characters that are not kana are dropped.
 */
export function romanizeKana(word: string): string {
  const s = toKatakana(word.normalize('NFC'));
  let out = '';
  let double = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === 'ッ') {
      double = true;
      continue;
    }
    if (ch === 'ー') continue;
    let syl = SYLLABLE.get(ch);
    if (syl === undefined) continue;
    const next = s[i + 1];
    if (next && 'ャュョ'.includes(next)) {
      const v = SYLLABLE.get(next)!.slice(1);
      // シャ sha, チャ cha, ジャ ja: the i is the glide already; キャ kya, ミャ mya.
      syl = /^(?:sh|ch|j)/.test(syl) ? syl.slice(0, -1) + v : syl.slice(0, -1) + 'y' + v;
      i++;
    } else if (next && 'ァィゥェォ'.includes(next)) {
      // ウォ wo, ウィ wi, ウェ we; ファ fa, ティ ti, ディ di, ジェ je, チェ che, シェ she.
      const v = SYLLABLE.get(next)!;
      syl = syl === 'u' ? 'w' + v : syl.replace(/[aiueo]$/, '') + v;
      i++;
    }
    if (double) {
      out += syl[0] ?? '';
      double = false;
    }
    out += syl;
  }
  return out.replace(/n(?=[bmp])/g, 'm');
}
