// Per-paragraph alignment features: lengths, bullet levels and weighted cue sets shared across languages.
import { extractAnchors } from './anchors.ts';
import { blankDatelines } from './dateline.ts';
import { findGlossaryTerms, type Glossary } from './glossary.ts';
import { lexTokens, type Lexicon } from './lexicon.ts';
import { countSentences, detectMarker, isSymbolBullet } from './segment.ts';
import type { Lang } from './types.ts';
import { endsAsSentence, inTitleCase } from './wrap.ts';

/**
 * Paragraphs in a bullet group: a □ item with its ㅇ and - items, as ministry releases render one
 * English paragraph (the aligner's 1-4 and 4-1 beads are tried only on such groups).
 */
export const GROUP_SPAN = 4;

/** A speaker's turn in a briefing transcript ("Q:", "A:", "질문:", "답변:", "問：", "答："). */
const SPEAKER_TURN = /^\s*(?:Q|A|QUESTION|ANSWER|질문|답변|問|答)\s*[:：]/u;

/** A numbered section heading: "2. 지역 협력", "Ⅲ. 향후 계획", "가. 추진 배경", "IV. Cooperation", "１．概要". */
const NUMBERED_HEADING = /^\s*(?:\d{1,2}|[０-９]{1,2}|[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[가나다라마바사아자차카타파하])(?:[.)]\s|．\s*)/u;
/** Words that open sentences rather than headings. */
const SENTENCE_OPENING = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'We', 'They', 'He', 'She', 'I', 'Our', 'Their', 'There', 'Please', 'Read', 'See', 'Visit', 'For', 'Thank', 'Today', 'Good']);
/** Persons, which a sentence has and a heading does not. */
const PERSONS = new Set(['we', 'you', 'they', 'our', 'us', 'he', 'she', 'it', 'i', 'my', 'your', 'their']);

/**
 * Whether a short line of Latin script reads as a heading: numbered, or in capitals or title case
 * ("TECHNICAL DETAILS", "Session 1: Demographic Headwinds and Labor Supply", "Background"); not a date
 * line or a byline ("March 3, 2024", "By Jim Garamone"), a table row ("Total | 45") or a single letter.
 */
function isLatinHeading(t: string): boolean {
  // A heading ends on a word: not on the comma of a salutation ("Ladies and gentlemen,") or the dash of a dateline.
  if (t.includes('|') || /^\s*By\s/.test(t) || /[,;:–—-]\s*$/.test(t)) return false;
  if (NUMBERED_HEADING.test(t)) return true;
  const words = t.match(/[A-Za-z][A-Za-z'’-]*/g);
  if (!words || words.join('').length < 4 || !(words[0]![0]! >= 'A' && words[0]![0]! <= 'Z')) return false;
  const upper = (w: string) => w[0]! >= 'A' && w[0]! <= 'Z';
  // Title case or capitals; or a few words in sentence case, as British and European releases head
  // sections ("Mental health", "Next steps"): the first word capitalised and no other, no comma, no
  // person, not opening as a sentence does ("The two sides met …", "Thank you", "Today we announce").
  if (inTitleCase(t)) return true;
  return words.length <= 6 && !t.includes(',') && !SENTENCE_OPENING.has(words[0]!) && words.every((w, k) => k === 0 || (!upper(w) && !PERSONS.has(w)));
}

/** Bullet symbols that stand for one another (typed with another key, or another font's glyph). */
const SAME_SYMBOL: Record<string, string> = { '❍': 'ㅇ', '○': 'ㅇ', '◦': 'ㅇ', '–': '-', '·': '∙', '・': '∙', '■': '□' };

/**
 * The depth of a marked paragraph in its document's outline: twice the level the convention gives
 * its marker, plus one for a bullet symbol that shares that level with a symbol seen earlier in the
 * text. The convention puts - and ∙ at one level, yet a release that uses both nests one under the
 * other, and which one is outer varies (□ ㅇ - ∙ in one ministry's releases, ❍ ∙ - in another's fact
 * sheets): like reStructuredText's section adornments, the one the text uses first is the outer one.
 * A ※ note never claims a level first; it sits under whatever it annotates.
 */
function bulletRank(mk: { marker: string; level: number }, isNote: boolean, firstAt: Map<number, string>): number {
  if (!isSymbolBullet(mk.marker)) return 2 * mk.level;
  const sym = SAME_SYMBOL[mk.marker] ?? mk.marker;
  const first = firstAt.get(mk.level);
  if (first === undefined && !isNote) {
    firstAt.set(mk.level, sym);
    return 2 * mk.level;
  }
  return first === sym ? 2 * mk.level : 2 * mk.level + 1;
}

function isTitle(first: string | undefined, editorial: number | undefined): number {
  return first !== undefined && first.length <= 160 && !editorial && !detectMarker(first) && !endsAsSentence(first) ? 1 : 0;
}

export interface SideFeatures {
  n: number;
  /** Prefix sums of paragraph lengths (non-space characters). */
  cum: Float64Array;
  /** Bullet depth per paragraph (see bulletRank), -1 when the paragraph has no marker. */
  level: Int8Array;
  /**
   * Editorial lines that are never a translation: 1 for editor's marks and subtitles ("[…]", "[영문 전문
   * 보기]", "- … -"), 2 for labelled captions, notes, attachments and contacts ("[사진 설명] …"); 0 for text.
   */
  editorial: Uint8Array;
  /**
   * For a labelled line (editorial 2), what its label announces (see labelKind): 1 a photo caption, 2 a
   * note, 3 an attachment, 4 a contact. For an editor's mark (editorial 1): GENRE (5) for a line that
   * names the kind of release or says when it may be published, DELIVERY (6) for a delivery note ("As
   * Prepared for Delivery", "(연설문 원고)"). 0 otherwise. Two labelled lines render each other only when
   * they announce the same (a media contact is no photo caption), and two marks of one kind pair.
   */
  label: Uint8Array;
  /**
   * 1 for a note (a paragraph opened by ※): deeper than the □ item above it, but a remark of the
   * publishing side ("※ 세부 일정은 공개하지 않음") more often than part of the item's translation.
   */
  note: Uint8Array;
  /**
   * 1 for a bullet item (a paragraph opened by a bullet symbol other than ※), which the items under
   * it may belong to; a numbered paragraph ("2. 지역 협력") is more often a section heading that
   * English keeps as a paragraph of its own.
   */
  head: Uint8Array;
  /**
   * 1 for a paragraph that opens a speaker's turn in a transcript ("Q:", "질문:"): another speaker,
   * so never the continuation of the paragraph before it in a bead.
   */
  turn: Uint8Array;
  /**
   * 1 at each paragraph that opens a bullet group: a bullet item (□, ㅇ…: a symbol, not a note and
   * not a numbered heading such as "4. 지역 협력", which English keeps as a heading of its own)
   * followed by GROUP_SPAN - 1 deeper bullets, none of them a note, which one paragraph of the
   * other side may render whole.
   */
  group: Uint8Array;
  /** Per paragraph, sorted cue ids (repeats allowed: cues are a multiset). */
  cues: Int32Array[];
  /** Sentences per paragraph: translators rarely change how many sentences a paragraph has. */
  sents: Int16Array;
  /**
   * 1 for a paragraph that ends on a colon: a lead-in to the paragraph after it ("The following is
   * attributable to …:"), which a translation may fold into that paragraph's first sentence
   * ("…대변인에 따르면, …"), one sentence fewer with nothing left out.
   */
  leadIn: Uint8Array;
  /**
   * Clauses a Korean sentence joins after a tense ending ("…환영하였으며, …", "…했고, …"):
   * each may render a sentence of its own in the other version, so a bead's sentence counts may
   * differ by that many without cost (Korean often joins two English sentences this way).
   */
  joins: Uint8Array;
  /**
   * 1 for a list item that is no sentence ("- (보건) 모자보건 역량 강화사업(2030~2034년, 1,200만 달러)",
   * "- (1단계) 조난신고 접수 및 수색구역 분담") and continues a list: the one before it is such an item
   * too, or a lead-in ending on a colon. The other version often folds such items into one sentence
   * ("…, …, and …"), so one continuing a merge adds no sentence to it and, listing beside the item
   * before it, is no sign that the merge runs on into the next point. A subtitle between dashes is no
   * sentence either, wherever it stands.
   */
  fragment: Uint8Array;
  /**
   * 1 for a section heading, 2 for a date line: a line after the title of at most 60 characters that is
   * no sentence, not an editor's line, a ※ note, a speaker's turn, a lead-in ending on a colon or a deeper
   * list item, standing over a paragraph that ends as a sentence. A date line holds a date ("London, 24
   * June 2031", "일시·장소: 2031.2.13.(목) 15:00, 외교부 청사"); a heading is, in Korean or Japanese, a □ item
   * or a numbered heading ("□ 공격 수법", "2. 지역 협력"), in English a numbered line or one in capitals,
   * title case or a few words of sentence case ("TECHNICAL DETAILS", "Session 1: Labor Supply", "Next
   * steps"), not a byline or a table row. Two such lines of one kind at the same place head the same
   * section (AlignParams.headingPair), though they share no cue (a dateline's date is blanked).
   */
  heading: Uint8Array;
  /**
   * 1 when the first paragraph that is no header mark (at most the third: a release label such as "JOINT
   * PRESS RELEASE", a release time, a delivery note or a note on the translation may stand above the
   * title) reads as a title: at most 160 characters, no bullet, not an editor's line, not ending as a
   * sentence ("Korea to Resume Imports of Minnesota Poultry", "한-미, 대기질 협력 공동성명 채택"). Two
   * versions that both open with one open with each other's title.
   */
  title: number;
  /** The index of that paragraph (0 when there is no title). */
  titleAt: number;
  /**
   * Per paragraph, the kind-weights of its numbers, dates, names and glossary terms that occur
   * nowhere on the other side: content the other version leaves out, so the paragraph that holds
   * it is the likelier one to have been left out ("the Taiwan Strait" with no 대만해협 anywhere).
   */
  orphan: Float64Array;
}

export interface DocFeatures {
  src: SideFeatures;
  tgt: SideFeatures;
  /** Weight of each cue id (only cues present on both sides get an id). */
  weight: Float64Array;
  /** (src, tgt) paragraph pairs sharing a cue that occurs exactly once on each side. */
  landmarks: [number, number][];
  /** 1 for each cue id that is a figure: a number, an amount, a percentage or a day of a date. */
  figure: Uint8Array;
}

/** How much one shared cue of each kind says about two paragraphs being translations. */
export interface CueWeights {
  anchor: number; name: number; glossary: number; vocabulary: number; latin: number; lexicon: number;
  /**
   * Punctuation a translation keeps (see punctuationCues). 0 leaves it out: a paragraph holds so
   * many sentences that a question mark or a quotation tells little, so only sentences use it.
   */
  punct: number;
}

/**
 * Glossary and vocabulary as one list of terms (glossary first, so a term in both is a glossary
 * term), searched in one pass: built once per pair and kept while both are alive.
 */
const combined = new WeakMap<Glossary, WeakMap<Glossary, Glossary>>();
function termsOf(glossary: Glossary | undefined, vocabulary: Glossary | undefined): Glossary | undefined {
  if (!glossary || !vocabulary) return glossary ?? vocabulary;
  let per = combined.get(glossary);
  if (!per) combined.set(glossary, (per = new WeakMap()));
  let g = per.get(vocabulary);
  if (!g) per.set(vocabulary, (g = { langs: glossary.langs, terms: [...glossary.terms, ...vocabulary.terms] }));
  return g;
}

/**
 * Per term index, the cue a glossary or vocabulary term gives in a document of two languages: the
 * least index among the terms that share a form with it in either language, directly or through
 * others. The search resolves a form to one term, so without this a form two terms list (국방부 장관
 * for both the Secretary of Defense and the Minister of National Defense, 회담 for meeting and talks,
 * 강화 for strengthen and enhance) would leave the other term's English matching nothing. The closure
 * joins whatever shares a form, so a form belongs in a term only if it means that term (평가 is assess,
 * not appreciation; see test/core/align.test.ts).
 * Built once per list of terms and pair of languages.
 */
const classCache = new WeakMap<Glossary, Map<string, Int32Array>>();
function termClasses(terms: Glossary, langs: readonly Lang[]): Int32Array {
  let per = classCache.get(terms);
  if (!per) classCache.set(terms, (per = new Map()));
  const key = langs.join('>');
  let cls = per.get(key);
  if (cls) return cls;
  const n = terms.terms.length;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const lang of new Set(langs)) {
    const owner = new Map<string, number>();
    terms.terms.forEach((t, i) => {
      for (const form of t.terms[lang] ?? []) {
        const f = form.toLowerCase();
        const o = owner.get(f);
        if (o === undefined) owner.set(f, i);
        else {
          const a = find(o), b = find(i);
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    });
  }
  cls = new Int32Array(n);
  for (let i = 0; i < n; i++) cls[i] = find(i);
  per.set(key, cls);
  return cls;
}

const ANCHOR_PREFIX: Record<string, string> = {
  number: 'n', ordinal: 'o', acronym: 'a', percent: 'p', year: 'y', month: 'mo', time: 't',
};

const LATIN_STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'are', 'was', 'its', 'has', 'have']);

interface LexIndex { bySrc: Map<string, number[]>; byTgt: Map<string, number[]> }
const lexCache = new WeakMap<Lexicon, LexIndex>();

function lexIndex(lex: Lexicon): LexIndex {
  let ix = lexCache.get(lex);
  if (ix) return ix;
  ix = { bySrc: new Map(), byTgt: new Map() };
  lex.entries.forEach(([s, t], k) => {
    let a = ix!.bySrc.get(s);
    if (!a) ix!.bySrc.set(s, (a = []));
    a.push(k);
    let b = ix!.byTgt.get(t);
    if (!b) ix!.byTgt.set(t, (b = []));
    b.push(k);
  });
  lexCache.set(lex, ix);
  return ix;
}

/**
 * A cue's identity across the two sides: a string for anchors, names and Latin words ("n:2026",
 * "w:freedom"), a glossary term's index, or -1 - k for lexicon entry k (numbers need no string).
 */
type CueKey = string | number;

/**
 * Marks of a sentence's kind that translators keep, as cue keys (each once per text): a question
 * stays a question (on the 4,363 pairs of shared/corpus/ko-en, 82% of English questions are
 * Korean questions and every Korean question an English one, against 2% of sentences), so does an
 * exclamation (66%, 83%; 1%) and quoted speech or a quoted title (83%, 69%; 16%). Japanese
 * quotes with 「」 and 『』 and writes the full-width ？ and ！. Single quotes are left out: in
 * English they are mostly apostrophes. Keys open with '.', which no other cue does.
 */
function punctuationCues(text: string, keys: CueKey[], ws: number[], w: number): void {
  if (/[?？]/.test(text)) {
    keys.push('.?');
    ws.push(w);
  }
  if (/[!！]/.test(text)) {
    keys.push('.!');
    ws.push(w);
  }
  if (/["“”「」『』]/.test(text)) {
    keys.push('."');
    ws.push(w);
  }
}

/** Cue keys of one paragraph with their kind-weights, appended to `keys`/`ws`. */
function paragraphCues(shown: string, lang: Lang, side: 'src' | 'tgt', terms: Glossary | undefined, classes: Int32Array | undefined, glossaryTerms: number, lexicon: Lexicon | undefined, lexSwapped: boolean, cw: CueWeights, keys: CueKey[], ws: number[]): void {
  // A wire or release dateline ("JINHAE, Republic of Korea —", "(서울=연합뉴스)") is not content the
  // other version carries: its place would be an acronym, and its date a date, that one side lacks.
  const text = blankDatelines(shown, lang);
  for (const a of extractAnchors(text, lang)) {
    if (a.kind === 'date') {
      const v = a.value;
      // "2025-06-26" or "--06-26": month-day and year are separate cues so a date written
      // without its year on one side still matches.
      keys.push('md:' + v.slice(-5));
      ws.push(cw.anchor);
      if (v[0] !== '-') {
        keys.push('y:' + v.slice(0, 4));
        ws.push(cw.anchor);
      }
    } else if (a.kind === 'name') {
      for (const k of a.value.split(' ')) {
        keys.push('nm:' + k);
        ws.push(cw.name);
      }
    } else {
      keys.push(ANCHOR_PREFIX[a.kind] + ':' + a.value);
      ws.push(cw.anchor);
    }
  }
  if (cw.punct) punctuationCues(text, keys, ws, cw.punct);
  if (terms) {
    for (const h of findGlossaryTerms(text, lang, terms)) {
      keys.push(classes![h.termIndex]!);
      ws.push(h.termIndex < glossaryTerms ? cw.glossary : cw.vocabulary);
    }
  }
  if (lexicon) {
    const ix = lexIndex(lexicon);
    const map = (side === 'src') !== lexSwapped ? ix.bySrc : ix.byTgt;
    for (const t of new Set(lexTokens(text, lang))) {
      const ks = map.get(t);
      if (!ks) continue;
      for (const k of ks) {
        keys.push(-1 - k);
        ws.push(cw.lexicon * lexicon.entries[k]![2]);
      }
    }
  }
}

/** Code units of a Latin word (A–Z, a–z, U+00C0–U+024F, as the former /[A-Za-z\u00c0-\u024f]/). */
function isLatinWordUnit(c: number): boolean {
  // (c | 32 lower-cases an ASCII letter and leaves it a letter; no other code becomes one.)
  return ((c | 32) - 97) >>> 0 < 26 || (c >= 0xc0 && c <= 0x24f);
}

/** Hash of the first two (lower-cased) code units of a word, for the prefilter of latinWords. */
const pairSlot = (c0: number, c1: number): number => (((c0 | 32) * 31) ^ (c1 | 32)) & 4095;

/**
 * Lower-cased runs of three or more Latin letters, stopwords left out. With `only`, just the words
 * in that set: `slots` (pairSlot of every word in it) rejects most others before a string is made.
 * `letters[0]`, when given, is raised by the Latin letters passed over (each stands in a run of them).
 */
function latinWords(text: string, only?: Set<string>, slots?: Uint8Array, letters?: Float64Array): string[] {
  const out: string[] = [];
  const L = text.length;
  for (let i = 0; i < L; ) {
    if (!isLatinWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Most words are already lower case (a–z, U+00DF–U+00FF), and need no lower-casing call.
    let j = i, upper = false;
    for (let c = text.charCodeAt(j); j < L && isLatinWordUnit(c); c = text.charCodeAt(++j)) {
      if (c <= 90 || (c >= 0xc0 && c <= 0xde) || c >= 0x100) upper = true;
    }
    if (letters) letters[0]! += j - i;
    // A word meets the prefilter by its first two code units, which are the lower-cased word's own when
    // it is in lower case or they are ASCII (pairSlot lower-cases ASCII letters). Any other word is
    // lower-cased and looked up.
    const c0 = text.charCodeAt(i), c1 = text.charCodeAt(i + 1);
    if (j - i >= 3 && (!slots || slots[pairSlot(c0, c1)] || (upper && (c0 >= 128 || c1 >= 128)))) {
      const w = upper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
      if (!LATIN_STOP.has(w) && (!only || only.has(w))) out.push(w);
    }
    i = j;
  }
  return out;
}

/** Latin letters in the texts, counted up to one past `cap`: which side to list words of first. */
function latinLetters(texts: string[], cap: number): number {
  let n = 0;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) if (isLatinWordUnit(t.charCodeAt(i)) && ++n > cap) return n;
  }
  return n;
}

/**
 * Per paragraph, its Latin words that also occur on the other side. The side with fewer Latin
 * letters (the Korean one, as a rule) is listed in full; the other is then only searched for
 * those words, which skips building a string for nearly every English word.
 */
function sharedLatinWords(src: string[], tgt: string[]): { lwS: string[][]; lwT: string[][] } {
  // The target's words are listed in full while its letters are counted: it is the side with fewer
  // as a rule. When it is not, its words are those of the full lists that the source also has.
  const letters = new Float64Array(1);
  const tgtWords = tgt.map((t) => latinWords(t, undefined, undefined, letters));
  const nT = letters[0]!;
  const tgtFirst = nT <= latinLetters(src, nT);
  const many = tgtFirst ? src : tgt;
  const fewWords = tgtFirst ? tgtWords : src.map((t) => latinWords(t));
  const fewSet = new Set<string>();
  const slots = new Uint8Array(4096);
  for (const l of fewWords) {
    for (const w of l) {
      fewSet.add(w);
      slots[pairSlot(w.charCodeAt(0), w.charCodeAt(1))] = 1;
    }
  }
  const manyWords = !fewSet.size ? many.map(() => []) : tgtFirst ? many.map((t) => latinWords(t, fewSet, slots)) : tgtWords.map((l) => l.filter((w) => fewSet.has(w)));
  const manySet = new Set<string>();
  for (const l of manyWords) for (const w of l) manySet.add(w);
  const fewShared = fewWords.map((l) => l.filter((w) => manySet.has(w)));
  return tgtFirst ? { lwS: manyWords, lwT: fewShared } : { lwS: fewShared, lwT: manyWords };
}

/**
 * The label opening a photo caption, a note, an attachment or a contact line: in brackets ("[사진 설명]",
 * "<참고>", "(붙임 1)", "[Photo]") or before a colon ("붙임: …", "Photo caption: …", "Note: …",
 * "Media contact: …", "문의: …"), the label alone; an attachment's label also before a space, as
 * releases write it ("붙임 서명식 사진 1부. 끝."), and an annex's before a colon ("Annex: …").
 */
const LABEL = '(?:사진(?:\\s*설명)?|참고(?:\\s*자료)?|붙임|첨부|별첨|문의(?:\\s*처)?|담당\\s*부서|photo(?:\\s+caption)?|caption|note|attachment|(?:media\\s+|press\\s+)?contacts?)\\s*\\d*';
const EDITOR_LABEL = new RegExp(`^(?:※\\s*)?(?:[[<【〈(（]\\s*${LABEL}\\s*[\\]>】〉)）]|${LABEL}\\s*[:：]\\s|(?:붙임|첨부|별첨)\\s*\\d*\\.?\\s|annex(?:\\s+(?:\\d+|[A-Z]))?\\s*[:：]\\s)`, 'iu');
/** An English line that only says what is attached ("The full text of the joint statement is attached."): the 붙임 line of the English. */
const ATTACHED = /\b(?:text|statement|photos?|photographs?|pictures?|list|cop(?:y|ies)|documents?|sheet|schedule|map|table|summary|remarks)\b.*\b(?:is|are)\s+attached\.?$/i;
/**
 * A line that only says whom to ask: "For more information, please (visit … or) contact …", "For media
 * inquiries, contact …", "자세한 내용은 … 로 문의하시기 바랍니다." (one sentence) — a contact line without a
 * label. Not a sentence with content that ends by naming whom to ask ("긴급 여행증명서 발급은 영사과로
 * 문의하시기 바랍니다."), nor "information" or "contact" as nouns ("stay in close contact").
 */
const CONTACT_LINE = /^(?:For (?:media |press |further |more )?(?:inquiries|information)\b[^,]*,\s*(?:please\s+)?(?:visit\b.*\bor\s+)?(?:contact|call|e-?mail|reach)\b|(?:(?:보다|더)\s*)?(?:자세한|기타|그 밖의|추가|관련)[^.!?]*문의(?:하시기|해\s*주시기)\s*바랍니다\.?$)/iu;
/**
 * A speech's delivery note ("As Prepared for Delivery", "For Release Upon Delivery", "(연설문 원고)", "※ 실제
 * 연설 내용과 다를 수 있음"): an editor's mark.
 */
const DELIVERY_NOTE = /^(?:※\s*)?[([（]?\s*(?:as prepared for delivery|as delivered|check against delivery|for release upon delivery|연설문\s*원고|(?<=[([（]\s*)원고|실제\s*(?:연설|발언)\s*(?:내용)?(?:과|와)\s*다를\s*수\s*있(?:음|습니다))\s*[)\]）]?\.?$/iu;
/**
 * A note on the translation itself ("※ 본 번역문은 참고용으로 제공되며 …", "Unofficial translation",
 * "This is a courtesy translation.", "Provisional Translation", "（仮訳）"): a note, which no paragraph of
 * the other version renders. Not a sentence about translating ("번역문학 지원 사업을 …", "Courtesy
 * translation is available at the venue.").
 */
const TRANSLATION_NOTE = /^(?:※\s*)?(?:(?:이|본)\s*번역(?:문|본)(?:은|는)|[([（]?\s*(?:(?:국문|영문|비공식|참고용)\s*)?(?:가번역|번역(?:문|본)?)\s*[)\]）]?$|[([（]?\s*仮訳\s*[)\]）]?$|[([]?\s*(?:this\s+is\s+an?\s+)?(?:unofficial|courtesy|informal|provisional)\s+(?:(?:english|korean|japanese)\s+)?translation\s*[.)\]]*$|[^.]{0,80}\btranslation\b.{0,120}\b(?:for reference|prevails?|shall prevail|authoritative)\b[^.]*\.?\)?$)/iu;
/**
 * A line that says when the release may be published ("보도시점: 2031. 2. 12.(수) 조간", "보도시점 2031. 2.
 * 12.", "EMBARGOED UNTIL 0900 KST", "Embargoed: 09:00"): an editor's mark.
 */
const RELEASE_TIME = /^(?:보도\s*시점|보도\s*일시|배포\s*일시|엠바고)\s*(?:[:：]|\d)|^embargoed\b|^for\s+release\s*[:：]/iu;
/** SideFeatures.label of a genre label (or a release-time line) and of a delivery note: editor's marks, not labelled lines. */
export const GENRE = 5, DELIVERY = 6;
/**
 * A line that only names what kind of release follows, above or below its title ("JOINT PRESS RELEASE",
 * "Media Note", "Office of the Spokesperson", "Event Summary", "Release No. 2031-047", "보도참고자료",
 * "해양경찰청·필리핀 해안경비대 공동 보도자료", "報道発表"): an editor's mark, which the other version may
 * print differently or not at all. A Korean label may name the agencies before it, but not a meeting
 * or a date: "한일 외교장관회담 공동 보도문" and "제3차 … 대화 결과 보도자료" are titles.
 */
const GENRE_LABEL = /^[([<（]?\s*(?:(?:joint\s+)?(?:press\s+release|news\s+release|media\s+(?:note|advisory)|fact\s*sheet|press\s+statement|event\s+summary|readout)|for\s+immediate\s+release|office\s+of\s+the\s+spokesperson|(?:press\s+)?release\s+no\.?\s*[:：]?\s*[\d-]+|(?:(?!회담|회의|대화|결과|협의|개최|발표된|오늘)[^.!?。\d]){0,30}?(?:공동\s*)?(?:보도(?:참고)?자료|설명자료|보도문)|報道発表|プレスリリース|報道発表資料)\s*[)\]>）]?$/iu;
/** A subtitle between dashes ("- 공급망·핵심기술 분야 협력 확대 방안 협의 -"): one line, no dash inside set off by spaces. */
const DASHED_SUBTITLE = /^[-–—]\s(?:(?!\s[-–—]\s).)*\S\s[-–—]$/u;

/**
 * A verb in the past or future tense joined to the next clause by a comma ("하였으며, ", "밝혔고, ",
 * "개최됐으며, ", "하겠으며, "): the syllable before 으며 or 고 is closed by ㅆ. There a Korean sentence
 * may hold two English ones. Not a bare "하고, " ("재확인하고, 환영하였다"), which joins the verbs of one
 * English sentence as often as two, nor "있으며, " ("협력하고 있으며"), an ongoing state; without the
 * comma, or with 있, no statement changes and the hardest synthetic set loses (0.9679 as it is, 0.9675
 * with no comma needed, 0.9669 with 있, 0.9658 with both; 0.9681 with only 었/았/였/했/겠).
 */
const KO_JOIN = /(\p{Script=Hangul})(?:으며|고),\s/gu;
function koreanJoins(t: string): number {
  let n = 0;
  for (const m of t.matchAll(KO_JOIN)) if ((m[1]!.charCodeAt(0) - 0xac00) % 28 === 20 && m[1] !== '있') n++;
  return Math.min(255, n);
}

/**
 * What kind of editor's line a paragraph is: 0 for text; 1 for a short line wholly in brackets, a
 * line without any letter or digit, or a release's subtitle set between dashes, which Korean
 * ministries print under the title; 2 for a line its label marks as a photo caption, a note, an
 * attachment or a contact ("[사진 설명] …", "<참고> …", "붙임 …", "Media contact: …"), and for an English
 * line that only says what is attached (the 붙임 line of the English). The other version seldom carries
 * them: such a line costs little to leave unpaired and is not buried inside a merge, and a labelled one
 * pairs with a paragraph of text only at a cost, with another labelled line more readily.
 */
export function editorialKind(t: string): 0 | 1 | 2 {
  const s = t.trim();
  if (!/[\p{L}\p{N}]/u.test(s)) return 1;
  if (EDITOR_LABEL.test(s) || (s.length <= 160 && (CONTACT_LINE.test(s) || TRANSLATION_NOTE.test(s))) || (s.length <= 120 && ATTACHED.test(s))) return 2;
  if ((s.length <= 120 && DASHED_SUBTITLE.test(s)) || markKind(s)) return 1;
  return s.length <= 40 && /^[[(<【〈「『［（].*[\])>】〉」』］）]$/u.test(s) && !/[.!?다]\s/u.test(s) ? 1 : 0;
}

/**
 * For a trimmed line that is a header mark, its kind: GENRE for a release label or a release time,
 * DELIVERY for a delivery note; 0 for any other line. (Only short lines are asked: the patterns'
 * optional prefixes cost time on every paragraph.)
 */
function markKind(s: string): number {
  if (s.length > 120) return 0;
  if (RELEASE_TIME.test(s) || (s.length <= 60 && GENRE_LABEL.test(s))) return GENRE;
  return s.length <= 60 && DELIVERY_NOTE.test(s) ? DELIVERY : 0;
}

/** What a labelled line's label announces: 1 a photo caption, 2 a note, 3 an attachment, 4 a contact, 0 none of these. */
export function labelKind(t: string): number {
  const s = t.trim();
  if (TRANSLATION_NOTE.test(s)) return 2;
  if (ATTACHED.test(s)) return 3;
  if (CONTACT_LINE.test(s)) return 4;
  // The label opens the line: the first of the words that announce something is it ("붙임 … 사진 1부").
  const m = /(사진|photo|caption)|(참고|note)|(붙임|첨부|별첨|attach|annex)|(문의|담당|contact)/iu.exec(s.slice(0, 24));
  return m ? m.slice(1).findIndex((g) => g !== undefined) + 1 : 0;
}

/** White space to a pattern's \s from U+00A0 to U+3000. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * lengthOf, and in the same pass whether the text holds any whitespace but single spaces (a tab, a line
 * break, two spaces in a row, a no-break or other Unicode space), which countSentences must collapse:
 * twice the length, plus 1 for such whitespace.
 */
function lengthAndSpaces(s: string): number {
  let n = 0, odd = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32) {
      n++;
      if (c >= 0xa0 && (c <= 0x3000 ? isWideSpace(c) : c === 0xfeff)) odd = true;
    } else if (c === 32) {
      if (s.charCodeAt(i + 1) === 32) odd = true;
    } else {
      if (c !== 9 && c !== 10 && c !== 13) n++;
      if (c >= 9 && c <= 13) odd = true;
    }
  }
  return 2 * n + (odd ? 1 : 0);
}

/** Characters of a paragraph, spaces and line breaks left out: the length the aligner compares. */
export function lengthOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Above the space, one comparison (nearly every character).
    if (c > 32 || (c !== 32 && c !== 9 && c !== 10 && c !== 13)) n++;
  }
  return n;
}

/**
 * Per glossary or vocabulary term index, its cue id in the buildFeatures call whose number
 * `termCall` holds there (an id from an earlier call is stale): no map lookup for the commonest cues.
 */
let termIds = new Int32Array(0), termCall = new Int32Array(0), calls = 0;

export function buildFeatures(src: string[], tgt: string[], srcLang: Lang, tgtLang: Lang, glossary: Glossary | undefined, lexicon: Lexicon | undefined, cw: CueWeights, vocabulary?: Glossary): DocFeatures {
  const terms = termsOf(glossary, vocabulary);
  const glossaryTerms = glossary ? glossary.terms.length : 0;
  const classes = terms ? termClasses(terms, [srcLang, tgtLang]) : undefined;
  const lexSwapped = !!lexicon && lexicon.srcLang === tgtLang && lexicon.tgtLang === srcLang && srcLang !== tgtLang;
  // Latin words survive translation into Hangul/Kana text as-is (programme names, "Iron Mace");
  // only words present on both sides are worth a cue.
  const { lwS, lwT } = sharedLatinWords(src, tgt);
  // Interning: every cue key gets a dense id; per id, distinct-paragraph counts per side. A glossary
  // or vocabulary term's id is kept by its index (see termIds), any other key's in the map.
  const ids = new Map<CueKey, number>();
  const nTerms = terms ? terms.terms.length : 0;
  if (termIds.length < nTerms) {
    termIds = new Int32Array(nTerms);
    termCall = new Int32Array(nTerms);
  }
  if (++calls === 0x7fffffff) {
    termCall.fill(0);
    calls = 1;
  }
  const call = calls, tIds = termIds, tCall = termCall;
  const dfS: number[] = [], dfT: number[] = [], seen: number[] = [], kindW: number[] = [], strong: number[] = [], fig: number[] = [];
  const raw = (texts: string[], lang: Lang, side: 'src' | 'tgt', lw: string[][], df: number[], stamp0: number) =>
    texts.map((t, i) => {
      const keys: CueKey[] = [], ws: number[] = [];
      paragraphCues(t, lang, side, terms, classes, glossaryTerms, lexicon, lexSwapped, cw, keys, ws);
      for (const w of lw[i]!) {
        keys.push('w:' + w);
        ws.push(cw.latin);
      }
      const out = new Int32Array(keys.length);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const term = typeof key === 'number' && key >= 0;
        let id = term ? (tCall[key] === call ? tIds[key] : undefined) : ids.get(key);
        if (id === undefined) {
          id = dfS.length;
          if (term) {
            tCall[key] = call;
            tIds[key] = id;
          } else ids.set(key, id);
          dfS.push(0);
          dfT.push(0);
          seen.push(-1);
          kindW.push(0);
          // Anchors, names and glossary terms; not vocabulary, Latin words, punctuation or the lexicon.
          strong.push(typeof key === 'string' ? ((key.charCodeAt(0) === 119 && key.charCodeAt(1) === 58) || key.charCodeAt(0) === 46 ? 0 : 1) : key >= 0 && key < glossaryTerms ? 1 : 0);
          fig.push(typeof key === 'string' && (key.startsWith('n:') || key.startsWith('p:') || key.startsWith('md:')) ? 1 : 0);
        }
        if (seen[id] !== stamp0 + i) {
          seen[id] = stamp0 + i;
          df[id]!++;
        }
        if (ws[k]! > kindW[id]!) kindW[id] = ws[k]!;
        out[k] = id;
      }
      return out;
    });
  const rs = raw(src, srcLang, 'src', lwS, dfS, 0);
  const rt = raw(tgt, tgtLang, 'tgt', lwT, dfT, src.length);
  // Only cues seen on both sides can tell paragraphs apart; document frequency gives IDF.
  const N = src.length + tgt.length;
  const weightAll = new Float64Array(dfS.length);
  const remap = new Int32Array(dfS.length).fill(-1);
  const figure = new Uint8Array(dfS.length);
  let nk = 0;
  for (let id = 0; id < dfS.length; id++) {
    if (!dfS[id] || !dfT[id]) continue;
    figure[nk] = fig[id]!;
    remap[id] = nk;
    const idf = Math.log((N + 1) / (dfS[id]! + dfT[id]!));
    weightAll[nk++] = Math.max(0, Math.min(3, idf)) * kindW[id]!;
  }
  // Each cue once per paragraph: `seen` still holds the paragraph stamps of the interning pass,
  // so a second stamp range (past both sides') marks what this pass has counted.
  const orphanOf = (lists: Int32Array[], dfOther: number[], stamp0: number): Float64Array => {
    const out = new Float64Array(lists.length);
    for (let i = 0; i < lists.length; i++) {
      const l = lists[i]!;
      let w = 0;
      for (let k = 0; k < l.length; k++) {
        const id = l[k]!;
        if (!strong[id] || dfOther[id] || seen[id] === stamp0 + i) continue;
        seen[id] = stamp0 + i;
        w += kindW[id]!;
      }
      out[i] = w;
    }
    return out;
  };
  const side = (texts: string[], lists: Int32Array[], lang: Lang, orphan: Float64Array): SideFeatures => {
    const n = texts.length;
    const cum = new Float64Array(n + 1);
    const level = new Int8Array(n);
    const editorial = new Uint8Array(n);
    const label = new Uint8Array(n);
    const note = new Uint8Array(n);
    const head = new Uint8Array(n);
    const turn = new Uint8Array(n);
    const cues: Int32Array[] = [];
    const sents = new Int16Array(n);
    const leadIn = new Uint8Array(n);
    const joins = new Uint8Array(n);
    const fragment = new Uint8Array(n);
    // The bullet symbol seen first at each level of the convention (see bulletRank).
    const firstAt = new Map<number, string>();
    for (let i = 0; i < n; i++) {
      const t = texts[i]!;
      const ls = lengthAndSpaces(t);
      cum[i + 1] = cum[i]! + Math.max(1, Math.floor(ls / 2));
      const singleSpaced = ls % 2 === 0;
      const mk = detectMarker(t);
      note[i] = mk?.marker === '※' ? 1 : 0;
      head[i] = mk && !note[i] && isSymbolBullet(mk.marker) ? 1 : 0;
      level[i] = mk ? bulletRank(mk, !!note[i], firstAt) : -1;
      turn[i] = SPEAKER_TURN.test(t) ? 1 : 0;
      editorial[i] = editorialKind(t);
      if (editorial[i] === 2) label[i] = labelKind(t);
      else if (editorial[i] === 1) label[i] = markKind(t.trim());
      const list = lists[i]!;
      let nc = 0;
      for (let k = 0; k < list.length; k++) if (remap[list[k]!]! >= 0) nc++;
      const c = new Int32Array(nc);
      for (let k = 0, q = 0; k < list.length; k++) if (remap[list[k]!]! >= 0) c[q++] = remap[list[k]!]!;
      sents[i] = Math.min(32767, countSentences(t, lang, singleSpaced));
      leadIn[i] = /[:：]\s*$/u.test(t) ? 1 : 0;
      if (lang === 'ko') joins[i] = koreanJoins(t);
      // A ※ note is a remark of its own, not an item of the list above it.
      if (((mk && !note[i]) || editorial[i] === 1) && sents[i] === 1 && !endsAsSentence(t)) fragment[i] = 1;
      // A typed array sorts numerically, as the comparator did.
      cues.push(c.sort());
    }
    // Only an item that continues a list (after another such item, or after a lead-in ending on a colon)
    // counts: a heading that is no sentence ("□ 향후 계획") opens a point of its own. A subtitle is no
    // sentence wherever it stands. Downwards, so that each test reads the item before as it was found.
    for (let i = n - 1; i >= 0; i--) fragment[i] = i > 0 && fragment[i] && (fragment[i - 1] || leadIn[i - 1] || editorial[i] === 1) ? 1 : 0;
    // The title is the first line that is no header mark: a release label, a release time, a delivery
    // note, a note on the translation or a line of punctuation (not a subtitle or a bracketed title).
    let titleAt = 0;
    const headerMark = (k: number): boolean => label[k]! >= GENRE || (editorial[k] === 2 && TRANSLATION_NOTE.test(texts[k]!.trim())) || !/[\p{L}\p{N}]/u.test(texts[k]!);
    while (titleAt < 2 && titleAt + 1 < n && headerMark(titleAt)) titleAt++;
    const heading = new Uint8Array(n);
    for (let i = titleAt + 1; i + 1 < n; i++) {
      const t = texts[i]!;
      if (t.length > 60 || editorial[i] || note[i] || leadIn[i] || turn[i]) continue;
      const numbered = NUMBERED_HEADING.test(t);
      if ((level[i]! > 0 && !numbered) || endsAsSentence(t) || !endsAsSentence(texts[i + 1]!)) continue;
      if (extractAnchors(t, lang).some((a) => a.kind === 'date')) heading[i] = 2;
      else if (lang === 'ko' || lang === 'ja' ? head[i] === 1 || numbered : (level[i]! < 0 || numbered) && isLatinHeading(t)) heading[i] = 1;
    }
    const group = new Uint8Array(n);
    for (let a = 0; a + GROUP_SPAN <= n; a++) {
      const first = level[a]!;
      if (!head[a]) continue;
      let deeper = true;
      for (let x = a + 1; x < a + GROUP_SPAN; x++) if (level[x]! <= first || note[x]) deeper = false;
      if (deeper) group[a] = 1;
    }
    return { n, cum, level, editorial, label, note, head, turn, group, cues, sents, leadIn, joins, fragment, heading, title: isTitle(texts[titleAt], editorial[titleAt]), titleAt, orphan };
  };
  // Cues unique to one paragraph on each side pin the path down in long documents.
  const onlyS = new Int32Array(dfS.length).fill(-1), onlyT = new Int32Array(dfS.length).fill(-1);
  rs.forEach((l, i) => { for (const id of l) if (dfS[id] === 1 && dfT[id] === 1) onlyS[id] = i; });
  rt.forEach((l, j) => { for (const id of l) if (dfS[id] === 1 && dfT[id] === 1) onlyT[id] = j; });
  const landmarks: [number, number][] = [];
  for (let id = 0; id < dfS.length; id++) if (onlyS[id]! >= 0 && onlyT[id]! >= 0) landmarks.push([onlyS[id]!, onlyT[id]!]);
  const N2 = src.length + tgt.length;
  return { src: side(src, rs, srcLang, orphanOf(rs, dfT, N2)), tgt: side(tgt, rt, tgtLang, orphanOf(rt, dfS, N2 + src.length)), weight: weightAll.slice(0, nk), landmarks, figure: figure.slice(0, nk) };
}

/** Weighted size of the multiset intersection of two sorted cue lists. */
export function cueSim(a: Int32Array, b: Int32Array, w: Float64Array): number {
  let i = 0, j = 0, s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x === y) {
      s += w[x]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}
