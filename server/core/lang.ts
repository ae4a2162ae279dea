// Language codes: which ones can name a version of a statement, and when two name the same language.
import { InputError, type Lang } from './types.ts';

/** A language code with optional subtags ("en", "ko", "ja-JP", "zh-Hant"). */
const TAG = /^([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})*$/;

/** ISO 639 codes that name no particular language: undetermined, uncoded, several, none. */
const NO_LANGUAGE = new Set(['und', 'mis', 'mul', 'zxx']);

/** Two-letter codes ISO 639-1 withdrew, and the codes that replaced them. */
const WITHDRAWN: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' };

// The ICU data Node ships names every ISO 639-1 (two-letter) language; `fallback: 'none'` makes an
// unknown code come back undefined instead of echoed. Of the thousands of three-letter ISO 639-3 codes
// it names only some, so a three-letter code is taken unless it is one of the kinds refused below.
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The two-letter code of a language written with a three-letter one that has one ("kor" → "ko"), or
 * with a withdrawn two-letter code ("iw" → "he"); undefined for a code that is the one to use.
 */
function preferredCode(base: string): string | undefined {
  if (base.length === 2) return WITHDRAWN[base];
  const canonical = Intl.getCanonicalLocales(base)[0]!;
  return /^[a-z]{2}$/.test(canonical) && canonical !== base ? canonical : undefined;
}

/**
 * Why `tag` cannot name the language of a text, or null when it can. Each language has one code in
 * twintext, its ISO 639-1 code where it has one: "kor" or "iw" would make Korean or Hebrew a second,
 * unrelated language, so they are refused with the code to use. Without `subtags`, only the bare code
 * ("ja", not "ja-JP").
 */
export function languageProblem(tag: string, subtags = true): string | null {
  const m = TAG.exec(tag);
  if (!m) return `"${tag}" is not a language code (such as en, ko or ja)`;
  const base = m[1]!;
  if (!subtags && tag !== base) return `"${tag}": give the bare language code here ("${base}")`;
  if (NO_LANGUAGE.has(base) || (base.length === 3 && base >= 'qaa' && base <= 'qtz')) return `"${tag}" names no particular language`;
  if (base.length === 2 && names.of(base) === undefined) return `"${tag}" is not a known language code (ISO 639, such as en, ko or ja)`;
  const preferred = preferredCode(base);
  if (preferred) return `"${base}" is written "${preferred}" (the ISO 639-1 code of ${names.of(preferred)})`;
  return null;
}

/**
 * Whether `tag` is a usable code of a language the ICU data names: a file's last suffix read as its
 * language (corpus.en, corpus.ko) must be one, so that corpus.txt or corpus.tsv is not taken for an
 * ISO 639-3 code.
 */
export function isNamedLanguage(tag: string): boolean {
  return languageProblem(tag) === null && names.of(tag.split('-')[0]!) !== undefined;
}

/** Throws an InputError naming the problem unless `tag` can name a text's language. */
export function assertLanguage(tag: Lang, subtags = true): void {
  const why = languageProblem(tag, subtags);
  if (why) throw new InputError(why, 'bad_language');
}

/**
 * The language a tag names, as one code: its base subtag, a withdrawn or three-letter code as the
 * two-letter one ("ja-JP" → "ja", "kor" → "ko", "iw" → "he"). Two texts of one language have the same.
 */
export function baseLanguage(tag: Lang): string {
  const base = tag.split('-')[0]!.toLowerCase();
  return (TAG.test(base) && preferredCode(base)) || base;
}
