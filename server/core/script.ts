// Which writing system a text is in: catches a statement imported with both sides in the same language.
import { InputError, type Lang } from './types.ts';

export interface ScriptCounts {
  hangul: number;
  latin: number;
  kana: number;
  han: number;
  letters: number;
}

export function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { hangul: 0, latin: 0, kana: 0, han: 0, letters: 0 };
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    // ASCII, Hangul syllables and CJK ideographs by range (nearly every character of a statement);
    // anything else through the Unicode script properties.
    if (u < 0x80) {
      if ((u | 32) >= 97 && (u | 32) <= 122) c.latin++;
      else continue;
    } else if (u >= 0xac00 && u <= 0xd7a3) c.hangul++;
    else if (u >= 0x4e00 && u <= 0x9fff) c.han++;
    else if (u >= 0x3040 && u <= 0x30ff) c.kana++;
    else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (ch.length === 2) i++;
      if (/\p{Script=Hangul}/u.test(ch)) c.hangul++;
      else if (/\p{Script=Latin}/u.test(ch)) c.latin++;
      else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) c.kana++;
      else if (/\p{Script=Han}/u.test(ch)) c.han++;
      else if (!/\p{L}/u.test(ch)) continue;
    }
    c.letters++;
  }
  return c;
}

const NAMES: Record<string, string> = { en: 'English', ko: 'Korean', ja: 'Japanese' };

/**
 * Throws when a text clearly is not in the language it is filed under (Korean without Hangul, English
 * that is mostly Hangul or kana…). Acronyms and names in Latin letters inside Korean text are normal,
 * so the thresholds are loose; languages without a rule here pass.
 */
export function assertScript(text: string, lang: Lang): void {
  const c = countScripts(text);
  if (c.letters < 20) return;
  const share = (n: number) => n / c.letters;
  const base = lang.split('-')[0]!;
  const mostly = share(c.hangul) > 0.5 ? 'Korean (Hangul)' : share(c.kana + c.han) > 0.5 ? 'Chinese or Japanese characters' : share(c.latin) > 0.5 ? 'Latin letters' : 'mixed scripts';
  const ok =
    base === 'ko' ? share(c.hangul) >= 0.2 : base === 'ja' ? share(c.kana + c.han) >= 0.3 : base === 'en' || base === 'fr' || base === 'de' || base === 'es' ? share(c.latin) >= 0.5 : true;
  if (!ok) throw new InputError(`the ${lang} text does not look like ${NAMES[base] ?? lang}: it is mostly ${mostly}`, 'wrong_language');
}
