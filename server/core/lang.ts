// Language codes: which ones can name a version of a statement.
import { InputError, type Lang } from './types.ts';

/** A language code with optional subtags ("en", "ko", "ja-JP", "zh-Hant"). */
const TAG = /^([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$/;

/** ISO 639 codes that name no particular language: undetermined, uncoded, several, none. */
const NO_LANGUAGE = new Set(['und', 'mis', 'mul', 'zxx']);

// The ICU data Node ships knows every ISO 639 language by name; `fallback: 'none'` makes an unknown
// code come back undefined instead of echoed.
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Why `tag` cannot name the language of a text, or null when it can. A two-letter ISO 639-1 code is
 * the form twintext stores: a three-letter code of a language that has one ("kor") would make the
 * same language a second, unrelated one, so it is refused with the code to use. Without `subtags`,
 * only the bare code ("ja", not "ja-JP").
 */
export function languageProblem(tag: string, subtags = true): string | null {
  const m = TAG.exec(tag);
  if (!m || (!subtags && tag !== m[1])) return `"${tag}" is not a language code (such as en, ko or ja)`;
  const base = m[1]!;
  if (NO_LANGUAGE.has(base) || (base.length === 3 && base >= 'qaa' && base <= 'qtz')) return `"${tag}" names no particular language`;
  if (names.of(base) === undefined) return `"${tag}" is not a known language code (ISO 639, such as en, ko or ja)`;
  if (base.length === 3) {
    const canonical = Intl.getCanonicalLocales(base)[0]!;
    if (/^[a-z]{2}$/.test(canonical)) return `"${base}" is written "${canonical}" (the two-letter code of ${names.of(canonical)})`;
  }
  return null;
}

/** Throws an InputError naming the problem unless `tag` can name a text's language. */
export function assertLanguage(tag: Lang, subtags = true): void {
  const why = languageProblem(tag, subtags);
  if (why) throw new InputError(why, 'bad_language');
}

