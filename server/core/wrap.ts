// Hard-wrapped text (pure): how wide a wrap is, whether a line is full or visibly runs on, whether a
// text is wrapped at all, and how a wrapped paragraph's lines join again. The splitter (segment.ts)
// and the page reader (boilerplate.ts) both read wrapped text through this module.

/**
 * Display columns of a line: a Hangul syllable or a CJK character takes two, as in the fixed-width
 * text a wrap was made for (Korean wrapped at 20 syllables is as wide as English at 40 letters).
 */
export function columns(line: string): number {
  let n = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff60)) n++;
  }
  return n;
}

/** Lines longer than this (in characters) are no wrapped line: a URL, an unwrapped title. They set no width. */
export const MAX_WRAPPED_LINE = 110;

/**
 * The width a text is wrapped at, in display columns: the widest of its lines that a wrap may have
 * left (see MAX_WRAPPED_LINE), or with `rank` 2 the third widest, when a title or a menu row over the
 * paragraphs may run wider by itself.
 */
export function wrapWidth(lines: readonly string[], rank = 0): number {
  if (rank === 0) return lines.reduce((m, l) => (l.length > MAX_WRAPPED_LINE ? m : Math.max(m, columns(l))), 0);
  const widths = lines.filter((l) => l.length <= MAX_WRAPPED_LINE).map(columns).sort((a, b) => b - a);
  return widths[Math.min(rank, widths.length - 1)] ?? 0;
}

/** Whether a line reaches near the wrap width (six tenths of it): a wrapped paragraph's lines do, but its last. */
export function nearWidth(line: string, width: number): boolean {
  return columns(line) >= width * 0.6;
}

/** Scripts written without spaces between words (kana, kanji, full-width forms): a wrap may fall between any two characters. */
export const UNSPACED_CHAR = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/u;

/**
 * Whether the first word of `next` (its first character, in unspaced scripts) would have fitted on
 * `line` within `width` columns: if so, the line is not full, and the wrap did not force the break.
 */
export function fitsAfter(line: string, next: string, width: number): boolean {
  // (Japanese lines end a character or so short of the width where punctuation may not open a line.)
  if (UNSPACED_CHAR.test(line.slice(-1)) && UNSPACED_CHAR.test(next[0] ?? '')) return columns(line) + columns(next[0]!) + 2 <= width;
  return columns(line) + 1 + columns(next.split(' ')[0]!) <= width;
}

/** True when a line ends like a finished sentence (so a following line is a new paragraph). */
export function endsSentence(line: string): boolean {
  return /[.!?。！？:)\]」』"”’]$/.test(line) || /[다요음함임됨]$/.test(line);
}

/** A line ending a Korean sentence: its verb ending, a full stop or not, closing quotes or brackets after it. */
export const ENDS_KOREAN_SENTENCE = /[다요음함임됨][.!?]?["'”’)\]」』]*$/u;

/** A line ending on a full stop (Latin or full-width), closing quotes or brackets after it. */
const ENDS_ON_STOP = /[.!?。！？]["'”’)\]」』）]*$/u;

/** A text ending as a sentence does: on a full stop or a Korean sentence ending, closing marks after it. */
export function endsAsSentence(text: string): boolean {
  const t = text.trimEnd();
  return ENDS_ON_STOP.test(t) || ENDS_KOREAN_SENTENCE.test(t);
}

// Words that commonly open a sentence. After a dotted acronym ("U.S.", "U.N.", "R.O.K.") a new
// sentence is assumed only before one of them (segment.ts), because "U.S. Forces Korea" / "the U.S.
// Secretary of Defense" are far more common in statements than a sentence-final "U.S."; and a line
// stopping on a function word runs on unless the next opens with one ("…in the" / "The Ministry…").
// The list is closed on purpose: titles and nouns ("Secretary", "President", "Military", "First")
// open proper names after an acronym, and so does "Under" ("the U.S. Under Secretary of Defense"),
// which is therefore left out.
export const STARTERS = new Set([
  // determiners and quantifiers
  'The', 'This', 'That', 'These', 'Those', 'A', 'An', 'Both', 'Each', 'Every', 'All', 'Any', 'Some',
  'Such', 'Many', 'Most', 'Several', 'Another', 'Neither', 'Either',
  // pronouns and possessives
  'I', 'We', 'You', 'He', 'She', 'It', 'They', 'There', 'Here', 'Our', 'Their', 'His', 'Her', 'Its',
  'My', 'Your',
  // conjunctions
  'And', 'But', 'Or', 'So', 'Yet', 'Nor', 'While', 'Although', 'Though', 'Because', 'If', 'When',
  'Whereas', 'Once', 'Unless',
  // sentence adverbs
  'However', 'Also', 'Additionally', 'Furthermore', 'Moreover', 'Meanwhile', 'Finally', 'Further',
  'Then', 'Thus', 'Therefore', 'Accordingly', 'Likewise', 'Similarly', 'Instead', 'Nevertheless',
  'Nonetheless', 'Separately', 'Specifically', 'Notably', 'Overall', 'Earlier', 'Later', 'Previously',
  'Currently', 'Now', 'Together', 'Subsequently', 'Lastly', 'Today', 'Yesterday', 'Tomorrow',
  'Recently', 'Sometimes', 'Still', 'Even', 'Indeed', 'Rather', 'Otherwise', 'Hence', 'Consequently',
  // question words
  'What', 'Which', 'Who', 'Why', 'How', 'Where',
  // prepositions
  'In', 'On', 'At', 'As', 'For', 'During', 'Following', 'After', 'Before', 'Through', 'Throughout',
  'With', 'Without', 'Within', 'Over', 'Since', 'Upon', 'Despite', 'To', 'From', 'By', 'Amid',
  'Among', 'Regarding', 'Until', 'Unlike', 'Like',
]);

/** How a Korean item in the nominal style of ministry notes ends ("…촉구", "…논의", "…개최 예정", "…함"). */
export const KO_ITEM_END = /(?:논의|촉구|모색|예정|평가|확인|강조|합의|개최|추진|협의|점검|검토|공유|표명|환영|설명|요청|발표|참석|계획|방침|결과|현황|개요|함|음|임|됨)$/u;

/** A Korean line that stops on a particle or a connective ending: the phrase goes on. */
export const CONTINUES_KO = /[\uac00-\ud7a3](?:가|이|을|를|은|는|와|과|에|에서|로|으로|및|며|고|서|여|도|만)$|,$/u;

/**
 * Korean words that never end a sentence, a title or a list item, so a line stopping on one goes on
 * (CONTINUES_KO has the particles after a Hangul word): a particle after a Latin word, a number or a
 * bracket ("KIDD를", "(TTX)이"); a genitive ("북한의", not a noun ending in 의 such as 회의, 합의, 논의);
 * an adnominal form before its noun ("…에 대한", "지속적인", "강력한", "개최할"); an adverb ("긴밀히", "최근",
 * "또한"), a determiner ("두 장관은", "그"); a connective verb ("위해", "통해", "…는데", "하기 위해"); an
 * ordinal before its noun ("제52차"). Nouns ending in the same syllables are left out (북한, 제한, 역할).
 */
function koreanRunsOn(line: string): boolean {
  const w = line.slice(line.lastIndexOf(' ') + 1);
  if (/[A-Za-z0-9)\]](?:가|이|을|를|은|는|와|과|에|에서|로|으로|의|도|만)$/u.test(w)) return true;
  if (!/[\uac00-\ud7a3]$/u.test(w)) return false;
  if (/[\uac00-\ud7a3]의$/u.test(w)) return !/[회합협논동결건심토강정주창예신문호질모유편임발대의]의$/u.test(w);
  if (/[\uac00-\ud7a3]한$/u.test(w)) return !/[북남제권기국시방소무유내]한$/u.test(w);
  return /(?:적인|중인|하는|되는|있는|없는|같은|따른|이런|그런|어떤|모든|여러|[가-힣]히|위해|대해|통해|관해|의해|인해|비해|향해|따라|걸쳐|맞춰|앞서|있어|이어|만나|하여|는데|[은는]데|지만|면서|[하되다으]면|도록|하기|거나|(?<![역분관])할|될)$/u.test(w)
    || /^(?:그|이|저|두|세|네|각|양|및|또한|함께|더욱|계속|특히|최근|향후|지난|다음|데|제\d+(?:차|회|기))$/u.test(w);
}

/**
 * Whether a line visibly runs on into the next: the next opens in lower case, or the line stops on a
 * comma, a hyphen or an opening bracket, an English function word, a dotted acronym before a word that
 * opens no sentence ("U.S." / "Department"), a Korean particle or connective;
 * unspaced Japanese fills its lines to the last column (`width`) whatever it stops on.
 */
export function runsOn(line: string, next: string, width: number): boolean {
  // A dotted acronym before a capitalised word that opens no sentence is a name going on ("…and the U.S." / "Department of Defense").
  if (/(?:^|[\s(-])(?:[A-Z]\.){2,}$/.test(line) && /^\p{Lu}/u.test(next) && !STARTERS.has(next.split(' ')[0]!)) return true;
  // Nor does one end a sentence before a lower-case word ("…the ironclad U.S." / "commitment to …"), nor
  // a plural's apostrophe ("…to prepare the leaders’" / "summit"), though both end as a sentence may.
  if (/^\p{Ll}/u.test(next) && (/(?:^|[\s(-])(?:[A-Z]\.){2,}$/.test(line) || /\p{Ll}s[’']$/u.test(line))) return true;
  if (endsSentence(line) || /[。．！？]$/u.test(line)) return false;
  if (/^\p{Ll}/u.test(next) || /[,、，\-–(（「“]$/u.test(line)) return true;
  // (A function word before a sentence's opening, "…in the" / "The Ministry…", is a line cut short.)
  if (/\b(?:and|or|of|the|a|an|in|on|at|to|for|with|by|from|as|its|their|that|which|who|between|including|under|into)$/i.test(line)
    && !STARTERS.has(next.split(' ')[0]!)) return true;
  if (CONTINUES_KO.test(line) || koreanRunsOn(line)) return true;
  return UNSPACED_CHAR.test(line.slice(-1)) && UNSPACED_CHAR.test(next[0] ?? '') && columns(line) >= width - 2;
}

/**
 * Where a line cut from a running sentence ends, as a page reader sees it: on a comma or hyphen, or a
 * word no title or label ends on (an English function word, a Korean particle or connective ending, a
 * Japanese particle). English words only in lower case: a title ends on a capitalised word.
 */
export const STOPS_MID_PHRASE =
  /(?:[,\-–—]|(?<![A-Za-z])(?:a|an|the|of|on|in|at|to|for|from|by|with|and|or|but|nor|since|until|till|through|as|than|that|which|who|whose|its|their|his|her|our|this|these|those|between|among|into|upon|about|after|before|during|over|under|is|are|was|were|be|been|will|would|has|have|had|dated)|(?:을|를|은|는|에|에서|으로|부터|까지|께서|와|며|및)|[はがをにでのとも、])$/u;

/**
 * How a sentence opens, as far as it names who speaks or acts: in English its first two words ("The
 * two", "The co-chairs", "Both sides", "Secretary Blinken"), in Korean its words up to the topic ("양측은",
 * "두 장관은", "오스틴 장관과 이 장관은"), or null (no topic within four words, a number, a lower-case word).
 * A text that opens its paragraphs with the same words over and over ("The co-chairs …") tells by them
 * where one of its paragraphs ended at a full line.
 */
export function sentenceOpener(line: string): string | null {
  const words = line.split(' ');
  if (/^\p{Lu}/u.test(line)) return words.length < 3 ? null : words.slice(0, 2).join(' ').replace(/[,;:]$/, '').toLowerCase();
  if (!/^[\uac00-\ud7a3]/u.test(line)) return null;
  const topic = words.slice(0, 4).findIndex((w) => /[\uac00-\ud7a3][은는]$/u.test(w));
  return topic < 0 ? null : words.slice(0, topic + 1).join(' ');
}

/**
 * Whether a line looks like a piece of a wrapped paragraph before `next`: cut near the wrap width
 * (nearWidth) on no sentence end (`ends`), the next line there and no list item (`opensItem`).
 */
export function cutOpen(line: string, next: string, width: number, ends: (line: string) => boolean, opensItem: (line: string) => boolean): boolean {
  return nearWidth(line, width) && next !== '' && !ends(line) && !opensItem(next);
}

/**
 * Whether `next` opens with a dash the wrap carried over from "A - B" ("…핵협의그룹(NCG)" / "- 한미
 * 억제전략위원회(DSC) 간 …"), not a sub-item's dash: `line` fills the width to its last column or two
 * (`indent` columns before it), so the dash and its space did not fit, and ends no sentence, no item in
 * the nominal style ("…개최 예정") and no label (":"). An English item opens in capitals ("- Expanding
 * people-to-people exchanges"), a dash in a running sentence before a lower-case word ("- the first").
 */
export function carriesDash(line: string, next: string, width: number, indent = 0): boolean {
  return /^[-–] (?!\p{Lu})/u.test(next) && indent + columns(line) + 3 > width
    && !ENDS_KOREAN_SENTENCE.test(line) && !/[.!?。！？:：]$/u.test(line) && !KO_ITEM_END.test(line);
}

/**
 * Whether a clean statement body, as blocks of non-empty lines between blank lines, is hard-wrapped.
 * `opensItem` tells a line that opens a list item (a bullet or a number).
 *
 * With blank lines, a block's lines that run on (cut near the wrap width, the longest line of a block
 * of several, on no sentence end) must be common: the lines of a list under its opening line ("…lines
 * of effort:" then "Real-time sharing…") run on too, but are paragraphs each, so a line before a
 * capitalised one counts neither way (a wrap before a capitalised name is common too).
 *
 * Without blank lines (text copied from a PDF or an e-mail) a line that merely lacks a full stop proves
 * nothing (a list of items ending in nouns, "…대화 복귀를 촉구", is one paragraph a line): only lines that
 * visibly run on count (runsOn), several of them, and no line may be much wider than a wrap would
 * leave (a text of one paragraph a line has most lines far longer than any wrap width).
 */
export function isHardWrapped(blocks: readonly (readonly string[])[], opensItem: (line: string) => boolean): boolean {
  const hasBlank = blocks.length > 1;
  const width = wrapWidth(blocks.filter((b) => b.length > 1).flat());
  let runOn = 0;
  let multi = 0;
  let strong = 0;
  let shown = 0;
  // (Lines that end a sentence tell nothing either way: in wrapped text they are where a paragraph
  // ends as often as not; the share of lines that run on is of the others.)
  let open = 0;
  for (const b of blocks) {
    for (let i = 0; i + 1 < b.length; i++) {
      const l = b[i]!, next = b[i + 1]!;
      if (!ENDS_KOREAN_SENTENCE.test(l) && !ENDS_ON_STOP.test(l)) open++;
      // A line filled to the wrap (Korean wraps mostly after a noun: "…23일까지 워싱턴" / "D.C.에서…") counts as well.
      // Not English: a list of unpunctuated items looks the same. Nor a Korean line that ends an item
      // in the nominal style of ministry notes ("…대화 복귀를 촉구", "…개최 예정").
      // (So does a line before a dash the wrap carried over from "A - B": see carriesDash.)
      const visible = (!opensItem(next) && nearWidth(l, width) && runsOn(l, next, width)) || carriesDash(l, next, width);
      if (visible) shown++;
      if (visible || (!opensItem(next) && nearWidth(l, width)
        && columns(l) >= width * 0.92 && /[\uac00-\ud7a3]$/u.test(l) && !endsSentence(l) && !KO_ITEM_END.test(l))) strong++;
      if (/^[A-Z]/.test(next) && !endsSentence(l)) continue;
      multi++;
      if (cutOpen(l, next, width, endsSentence, opensItem)) runOn++;
    }
  }
  if (hasBlank) return runOn > 0 && runOn >= multi * 0.3;
  const lineCount = blocks.reduce((a, b) => a + b.length, 0);
  const wide = blocks.reduce((a, b) => a + b.filter((l) => columns(l) > 120).length, 0);
  if (wide > lineCount * 0.1) return false;
  // Two or three lines are wrapped when they visibly run on, most of those that do not end a sentence:
  // a line filled to the width tells nothing there, as the widest of so few lines sets the width.
  if (lineCount < 4) return shown >= 1 && shown >= open * 0.5;
  // So are four to six, where two lines that run on are more than a short text may show: two paragraphs
  // of two lines each, one of them wrapped before a name ("…at the Dragon" / "Hill Lodge"), show one.
  // Not a list's items, whose lines go on with them wrapped or not (a wrapped text ends one at a full
  // line only where it ends a sentence: "- The next meeting will be held in Seoul in the").
  if (lineCount <= 6 && shown >= 1 && shown >= open * 0.5 && !blocks.some((b) => b.some(opensItem))) return true;
  return strong >= 2 && strong >= open * 0.25;
}

/**
 * Whether a page's lines (`lines`, '' for a blank line) are hard-wrapped (an e-mail, a fixed-width
 * export): many lines cut near one width, so its lines are not sentences on their own. Web page text
 * has one paragraph a line and paragraphs far longer than any wrap width; a wrapped text may still
 * have a long line or two of its own (a title, a URL), left out of its width, if they open or close a
 * blank-line block (a web page's long lines sit among short ones). `single` says a line is the only
 * one with its text (a line the page shows twice, its title over the body and in the heading, is no
 * piece of a paragraph); `prose` counts the lines that may be prose: a page copied whole, its menus
 * and rows ("본문 바로가기", "작성일 2025-11-14") one a line around a wrapped body, is no less wrapped.
 */
export function isWrappedPage(lines: readonly string[], single: (line: string) => boolean, prose: number,
  ends: (line: string) => boolean, opensItem: (line: string) => boolean): boolean {
  const texts = lines.filter(Boolean);
  if (texts.length < 4) return false;
  const long = lines.map((l, i) => (l.length > MAX_WRAPPED_LINE ? i : -1)).filter((i) => i >= 0);
  const atEdge = (i: number) => lines[i - 1] === '' || lines[i + 1] === '' || i === 0 || i === lines.length - 1;
  if (long.length > Math.max(2, texts.length * 0.1) || !long.every(atEdge) || (long.length && !lines.includes(''))) return false;
  const width = wrapWidth(lines);
  if (width < 24) return false;
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (single(lines[i]!) && cutOpen(lines[i]!, lines[i + 1]!, width, ends, opensItem)) runOn++;
  return runOn >= 3 && runOn >= prose * 0.25;
}

/**
 * Two lines of a wrapped paragraph as one, with a space, unless the first ends in a hyphen. That
 * hyphen stays when it is a word's own ("co-chaired", "information-sharing", "Indo-Pacific": a wrap
 * breaks there as readily as at a space), and goes when it was a hyphenation (see below). Korean needs
 * a space between eojeol anyway.
 */
export function joinWrapped(a: string, b: string, wordsOf: () => Set<string>): string {
  // Japanese (and Chinese) wrap between characters: the two lines join as they are.
  if (UNSPACED_CHAR.test(a.slice(-1)) && UNSPACED_CHAR.test(b[0] ?? '')) return a + b;
  const head = /([A-Za-z]+)-$/.exec(a);
  if (!head) return a + ' ' + b;
  // "Indo-" "Pacific", "ROK-" "U.S.": a hyphenated name wraps at its hyphen.
  if (/^[A-Z]/.test(b)) return a + b;
  const tail = /^[a-z]+/.exec(b);
  if (!tail) return a + ' ' + b;
  // A hyphenation ("coop-" "eration", "denucleari-" "zation") splits a word, the text writing it whole
  // elsewhere or its second piece being only an ending; a word's own hyphen ("co-" "chaired",
  // "information-" "sharing") joins two words.
  if (wordsOf().has((head[1]! + tail[0]).toLowerCase()) || WORD_ENDING.test(tail[0])) return a.slice(0, -1) + b;
  return a + b;
}

/** The lower-case Latin words of a text, for telling a hyphenation from a word's own hyphen (joinWrapped). */
export function latinWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
}

/** A wrapped paragraph's lines as one, joined as joinWrapped joins two (words for hyphenations taken from the lines). */
export function joinWrappedLines(lines: readonly string[]): string {
  let words: Set<string> | undefined;
  const wordsOf = () => (words ??= latinWords(lines.join(' ')));
  return lines.reduce((out, l, i) => (i === 0 ? l : joinWrapped(out, l, wordsOf)), '');
}

/** Pieces a hyphenation leaves on the next line that are no word of their own: word endings. */
const WORD_ENDING = /^(?:[a-z]?(?:tion|sion|ment|ness|ity|ities|ance|ence|ism|ist|ists|ize|ized|izes|ise|ised|ization|isation|ation|ations|cation|able|ible|ous|ive|ively|ful|less|ship|ure|ures)s?|zation|zations|cations)$/;

/**
 * A first line that is a title above a wrapped body, not the body's first line wrapped: it ends on no
 * stop, comma or function word, the next line opens no lower-case continuation, and it is well short of
 * the wrap `width` (display columns), ends in the kind of document a Korean or Japanese title names, or
 * is in title case without the verb of a sentence's opening.
 */
export function isWrappedTitle(line: string, next: string, width: number): boolean {
  if (endsSentence(line) || /[,;:]$/.test(line) || /^\p{Ll}/u.test(next)) return false;
  // A line ending in a function word runs on ("…held the 26th Korea-U.S. Integrated Defense" is no end either, see below).
  if (/\b(?:and|or|of|the|a|an|in|on|at|to|for|with|by|from|as|its|their|that)$/i.test(line)) return false;
  if (columns(line) < width * 0.7) return true;
  // A Korean or Japanese title ends in the kind of document or meeting it is.
  if (/(?:보도문|성명|성명서|발표문|보도자료|결과|회의|회담|声明|発表|結果|会談|会合)$/u.test(line)) return true;
  const words = line.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  // Title case, and no verb of a sentence's opening ("… held the", "… met in"): a title.
  return words.length >= 3 && words.every((w) => /^\p{Lu}/u.test(w)) && !/\b(?:held|met|is|are|was|were|has|have|will|welcomed|agreed)\b/.test(line);
}

/** Words an English title writes in lower case: articles, conjunctions, short prepositions. */
const TITLE_SMALL_WORD = /^(?:a|an|the|and|or|nor|but|of|for|with|to|in|on|at|by|from|as|vs\.?|via|into|onto|upon|over|under|between|among|about|after|before|against|during|through|within|without|per)$/;

/** A date row or dateline under a title ("November 14, 2025", "WASHINGTON, D.C. -- Nov. 14, 2025"): no piece of the title. */
const DATE_ROW = /^\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},?\s\d{4}\b/;

/**
 * Whether a line is in English title case: every word capitalised (or a number, or no word: a dash, a
 * bracket) but the small words a title writes in lower case (of, and, the, with, …), and some word of
 * four letters or more among them. A sentence has lower-case verbs and nouns ("met", "held", "today").
 */
export function inTitleCase(line: string): boolean {
  const words = line.split(' ').map((w) => w.replace(/^[("“‘'[]+/u, '')).filter(Boolean);
  return words.some((w) => /^\p{Lu}\p{L}{3,}/u.test(w))
    && words.every((w) => /^[\p{Lu}\d]/u.test(w) || !/^\p{L}/u.test(w) || TITLE_SMALL_WORD.test(w));
}

/**
 * How many of a text's first lines (lines of a wrapped text, `width` its wrap width) are its English
 * title, wrapped: 0 if none is. A title is in title case (inTitleCase) and ends on no stop or colon (a
 * bracket may close it: "…Dialogue (KIDD)"), so it runs
 * over the first lines in title case, and ends on a line that leaves room for the next line's first
 * word (the wrap did not break there), else on the last of them that a title may end on: not on a
 * small word, a comma or a hyphen ("…Meeting With" / "Republic of Korea…"), nor before a line in lower
 * case. The body's first line may be in title case too ("The U.S. Department of Defense and the
 * Republic of Korea (ROK) Ministry of"), but it goes on into a line that is not. Lines all in title
 * case are no title over a body.
 */
export function wrappedTitleLines(lines: readonly string[], width: number): number {
  let run = 0;
  const titleLike = (l: string) => inTitleCase(l) && !ENDS_ON_STOP.test(l) && !/:$/.test(l) && !DATE_ROW.test(l);
  while (run < lines.length && titleLike(lines[run]!)) run++;
  // Lines all in title case are a title alone (a blank-line block of its own): one paragraph.
  if (run === lines.length) return 0;
  let last = -1;
  for (let j = 0; j < run; j++) {
    const l = lines[j]!, next = lines[j + 1]!;
    const word = l.slice(l.lastIndexOf(' ') + 1);
    if (/[,;:\-–—]$/u.test(l) || TITLE_SMALL_WORD.test(word.toLowerCase()) || /^\p{Ll}/u.test(next)) continue;
    last = j;
    if (fitsAfter(l, next, width)) break;
  }
  return last + 1;
}

/**
 * Whether the words after a dotted acronym's period open a new sentence ("…to the U.S. The two
 * sides…"): the first token (an opening quote, a trailing comma and a contraction aside) is one of the
 * STARTERS, and no number ("U.S. 7th Fleet"). Capitalised nouns go on a name ("U.S. Forces Korea").
 */
export function opensSentence(after: string): boolean {
  if (/^\d/.test(after)) return false;
  // The whole next token, so "A-10" or "In-depth" is not taken for "A" or "In"; an opening quote,
  // a trailing comma and a contraction ("It's", "We'll") do not change the word.
  const token = /^\S+/.exec(after)?.[0] ?? '';
  const w = token.replace(/^["“'‘`]+/, '').replace(/[,;:]$/, '').replace(/['’](?:s|m|re|ve|ll|d)$/, '');
  return STARTERS.has(w);
}

/**
 * Whether a line of a wrapped paragraph ends its sentence, for telling where a paragraph ended: a
 * dotted acronym at the end ("…on ROK-U.S.") does only before a word that opens a sentence
 * (opensSentence), as inside a line; "U.S. Forces Korea" wraps there as often as anywhere.
 */
export function lineEndsSentence(line: string, next: string): boolean {
  if (!endsSentence(line)) return false;
  if (!/(?:^|[\s(-])(?:[A-Z]\.){2,}$/.test(line)) return true;
  return opensSentence(next);
}

/**
 * How many of a wrapped text's first lines are its title (`end`, the index of the last, -1 for none),
 * and how many of them are an English title in title case (`titleCase`, 0 for none; see
 * wrappedTitleLines). Else a title over two lines, the second a short title-case remainder ("Dialogue")
 * before the body, or a first line alone (isWrappedTitle). The lines are a text's first block, of three
 * lines at least, the second no list item.
 */
export function wrappedTitle(lines: readonly string[], width: number, opensItem: (line: string) => boolean): { end: number; titleCase: number } {
  if (lines.length <= 2 || opensItem(lines[1]!)) return { end: -1, titleCase: 0 };
  // A first line that opens as a sentence does ("The Republic of Korea and the United") and leaves no
  // room for the next line's first word ("States held the …") is the body's, in title case or not: at
  // a narrow wrap a sentence's first words are often all capitalised, and a title seldom opens so.
  if (STARTERS.has(lines[0]!.split(' ')[0]!) && !fitsAfter(lines[0]!, lines[1]!, width)) return { end: -1, titleCase: 0 };
  const titleCase = wrappedTitleLines(lines, width);
  if (titleCase > 0) return { end: titleCase - 1, titleCase };
  if (!isWrappedTitle(lines[0]!, lines[1]!, width)) return { end: -1, titleCase: 0 };
  const rest = lines[1]!;
  const two = isWrappedTitle(rest, lines[2]!, width) && /^\p{Lu}/u.test(rest) && !/^(?:The|This|These|In|On|At|We|They)\b/.test(rest);
  return { end: two ? 1 : 0, titleCase: 0 };
}

/** How often an opening (sentenceOpener) opens one of a text's paragraphs, and a sentence inside one. */
export interface Opening { paragraphs: number; inside: number }

/**
 * The openings of a wrapped text's paragraphs and of the sentences inside them (see sentenceOpener),
 * counted over the lines of a block wrapped at `width`. A paragraph's opening is known where the line
 * before ended a sentence and left room for its first word, or was short, or where the text's body
 * (line `bodyStart`) opens it; a sentence's inside a paragraph, where it opens within a line (`cuts`
 * gives where a line's sentences end, but for the last). A list item's opening (`opensItem`) is not
 * counted: its marker opens it ("1. 정상들은 …"), and the same words without one ("정상들은 …" after a
 * full line) are a second sentence of the item as likely as not.
 */
export function paragraphOpenings(lines: readonly string[], width: number, facts: {
  bodyStart: number; opensItem: (line: string) => boolean; cuts: (line: string) => readonly number[];
}): Map<string, Opening> {
  const openings = new Map<string, Opening>();
  const count = (line: string, where: keyof Opening) => {
    const o = sentenceOpener(line);
    if (o === null) return;
    const n = openings.get(o) ?? { paragraphs: 0, inside: 0 };
    n[where]++;
    openings.set(o, n);
  };
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!, prev = lines[li - 1];
    if (!facts.opensItem(l) && (li === 0 || li === facts.bodyStart
      || (prev !== undefined && lineEndsSentence(prev, l) && (columns(prev) < width * 0.7 || fitsAfter(prev, l, width))))) count(l, 'paragraphs');
    // (A sentence opening at the line's end goes on into the next line: "…2026. The two" / "sides …".)
    for (const c of facts.cuts(l)) count(`${l.slice(c).trimStart()} ${lines[li + 1] ?? ''}`, 'inside');
  }
  return openings;
}

/**
 * Whether a wrapped Korean text writes one sentence a paragraph, so that a full line ending a Korean
 * sentence ends its paragraph too. A sentence end inside a line is inside a paragraph; one on a line
 * that left room for the next line's first word (or before a list item, `opensItem`) ends one; and a
 * full line falls on either kind about as often (whatever ends there, the next word had about the same
 * chance not to fit). So when the text's sentence ends are mostly paragraph ends, so is a full line's:
 * more than twice as many paragraph ends as sentence ends inside lines (a short text of two-sentence
 * paragraphs may show one sentence end inside a line against two paragraph ends, its other sentence
 * ends falling on full lines). No sentence end inside a line at all says the same (a paragraph of
 * several sentences would almost surely show one), so a short text with few paragraph ends to count
 * is judged on that. `cuts` gives where a line's sentences end, but for the last.
 */
export function oneSentenceParagraphs(lines: readonly string[], width: number, opensItem: (line: string) => boolean, cuts: (line: string) => readonly number[]): boolean {
  let inside = 0;
  let ends = 0;
  for (let li = 0; li < lines.length; li++) {
    inside += cuts(lines[li]!).length;
    const nx = lines[li + 1];
    if (nx !== undefined && ENDS_KOREAN_SENTENCE.test(lines[li]!) && (opensItem(nx) || fitsAfter(lines[li]!, nx, width))) ends++;
  }
  return inside === 0 || inside * 2 < ends;
}

/**
 * A line that opens with a label, not a sentence: one word before a colon ("질문:", "답변:", "붙임:",
 * "Q:", "Note:"), or a short word in angle or square brackets ("<참고>", "[사진 설명]"). A sentence
 * opens with its subject or an adverb, a colon after its first word only in such a label.
 */
export const OPENS_WITH_LABEL = /^(?:[\p{L}]{1,12}\s?\d*[:：]\s|[<\[【〈]\s?\p{L}{1,6}(?:\s\p{L}{1,6})?\s?\d*\s?[>\]】〉]\s)/u;

/** What paragraphStarts needs to know of a text beyond a block's lines. */
export interface WrapReading {
  /** Whether the text is hard-wrapped: if not, each line is a paragraph, but for a list item's lines. */
  wrapped: boolean;
  /** Whether the text has blank lines between its blocks (then a block's lines run on more surely). */
  blankLines: boolean;
  /** The wrap width in display columns. */
  width: number;
  /** The widest line in characters: a line after one ending on a colon, well shorter than that, opens a list of items a line each. */
  chars: number;
  /** Each line's indentation in columns, and the widest line with its indentation, as the wrap measured it. */
  indents: readonly number[];
  rawWidth: number;
  /** Whether a line opens a list item (a bullet or a number). */
  opensItem: (line: string) => boolean;
  /** The text's paragraph openings (paragraphOpenings), and whether it writes one sentence a paragraph (oneSentenceParagraphs). */
  openings: ReadonlyMap<string, Opening>;
  oneSentence: boolean;
  /** The block's title lines (wrappedTitle: the last one's index, -1 for none, and how many are in title case). */
  title: { end: number; titleCase: number };
  /** The text's Latin words, for joining a hyphenated line (joinWrapped). */
  wordsOf: () => Set<string>;
  /**
   * Set when the lines are a page's, its menus, rows and title among its paragraphs (the page reader,
   * boilerplate.ts). Its wrap width is only a guess there (from the third widest line), so the room a
   * line left for the next one's first word proves little: whether line i runs on into the next is the
   * page reader's own test (`runsInto`: a cut near the width on no stop, see cutOpen), and a line that
   * does not ends its paragraph. And a short line there is as likely a row or a title's last line
   * ("Consultative Group" over a date row) as a heading or a list's item: the page reader tells them
   * apart itself (findTitle, findBody), so the rules that read a short line as one are left out.
   */
  page?: { runsInto: (i: number) => boolean };
}

/**
 * Which lines of a block (non-empty lines between blank lines) open a paragraph: `starts[i]` says that
 * line i does, and line i - 1 ended the paragraph before. This is where a wrapped line is told to end
 * its paragraph or to go on into the next; the splitter and the page reader both ask it.
 */
export function paragraphStarts(lines: readonly string[], reading: WrapReading): boolean[] {
  const { wrapped, blankLines, width, indents, rawWidth, opensItem, openings, title } = reading;
  const starts: boolean[] = [];
  // The paragraph so far (its text tells whether a list item opened it and how long it is), and the
  // indentation of the marked line that opened it, if one did.
  let para: string | null = null;
  let itemIndent: number | null = null;
  // Under a line that opens a list ("…the following lines of effort:"), each capitalised line is an
  // item of its own, unless the line before it stops mid-phrase ("…in the second half of").
  let list = false;
  const rawColumns = (li: number) => indents[li]! + columns(lines[li]!);
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!, prevLine = lines[li - 1] ?? '';
    const marked = opensItem(l);
    if (/:$/.test(prevLine)) list = !reading.page && /^[A-Z]/.test(l) && l.length < reading.chars * 0.8;
    let startNew = para === null || marked || !wrapped || endsBefore(li, list);
    // The lines of an English title in title case are one paragraph, wherever they leave room.
    if (li > 0 && li < title.titleCase) startNew = false;
    if (startNew && para !== null && itemGoesOn(para, itemIndent, li)) startNew = false;
    starts.push(startNew);
    if (startNew) {
      para = l;
      itemIndent = marked ? indents[li]! : null;
    } else {
      para = joinWrapped(para!, l, reading.wordsOf);
    }
  }
  if (wrapped && !blankLines && !reading.page) cutLongParagraphs();
  return starts;

  /**
   * A paragraph read as twice as long as the text's usual one (the median of its paragraphs below the
   * title), four lines at least, is cut once where a full line ends a sentence, at the end nearest its
   * middle, two lines at least from either end: where paragraphs open each in their own words, nothing
   * else tells a full line's paragraph end from a sentence's (see paragraphOpenings), and two
   * paragraphs run together are far likelier than one twice as long as the others. Not a list item,
   * whose marker tells where it opened and whose next marker where it ends.
   */
  function cutLongParagraphs(): void {
    const opened = starts.flatMap((s, i) => (s ? [i] : []));
    const lengths = opened.map((s, j) => (opened[j + 1] ?? lines.length) - s).filter((_, j) => opened[j]! > title.end);
    if (lengths.length < 3) return;
    const usual = [...lengths].sort((a, b) => a - b)[Math.floor(lengths.length / 2)]!;
    for (const [j, s] of opened.entries()) {
      const e = opened[j + 1] ?? lines.length;
      if (s <= title.end || e - s < Math.max(4, 2 * usual) || opensItem(lines[s]!)) continue;
      let cut = -1;
      for (let i = s + 2; i <= e - 2; i++) {
        const prev = lines[i - 1]!;
        if (!(ENDS_KOREAN_SENTENCE.test(prev) || ENDS_ON_STOP.test(prev)) || !lineEndsSentence(prev, lines[i]!) || opensItem(lines[i]!)) continue;
        if (cut < 0 || Math.abs(2 * i - s - e) < Math.abs(2 * cut - s - e)) cut = i;
      }
      if (cut > 0) starts[cut] = true;
    }
  }

  /**
   * Whether line li of a wrapped block opens a paragraph of its own after the line before it, not a
   * list item's or a title's lines aside; `list` says a list opened above it (see `list`).
   */
  function endsBefore(li: number, list: boolean): boolean {
    const l = lines[li]!, prevLine = lines[li - 1]!;
    if (reading.page) {
      if (!reading.page.runsInto(li - 1)) return true;
    } else {
      // A sentence-final line well short of the wrap width (in display columns) ended a paragraph that
      // was separated by a single newline only. So did one whose next line's first word would have fitted
      // after it: the wrap did not force that break.
      const fits = fitsAfter(prevLine, l, width);
      if (lineEndsSentence(prevLine, l) && (columns(prevLine) < width * 0.7 || fits)) return true;
      // Without blank lines, any line that left room for the next one's first word ended there (a
      // title, a date row, a heading, a paragraph's last line), unless it visibly runs on.
      if (!blankLines && fits && !runsOn(prevLine, l, width)) return true;
    }
    // A line opening with a label after a sentence's end opens a paragraph of its own, full line or
    // not: a transcript's turn ("질문:", "답변:", "Q:"), an editor's note or attachment ("<참고>", "붙임:",
    // "Note:"). (Not lineEndsSentence: a label is no name going on after "…Washington, D.C.")
    if (OPENS_WITH_LABEL.test(l) && endsSentence(prevLine)) return true;
    // A full line ending a Korean sentence before "한편" ("meanwhile") ended a paragraph: a release turns
    // to a matter of its own there, as a paragraph of its own (often its last).
    if (/^한편[,\s]/u.test(l) && ENDS_KOREAN_SENTENCE.test(prevLine)) return true;
    // Where a full line ends a Korean sentence, a text that writes one sentence a paragraph ended one there.
    if (reading.oneSentence && ENDS_KOREAN_SENTENCE.test(prevLine) && lineEndsSentence(prevLine, l)) return true;
    // A line ending on a colon before a capitalised one introduces what follows ("The below is
    // attributable to Spokesperson …:", "…released the following statement:"), full or not.
    if (!blankLines && /:$/.test(prevLine) && /^[\p{Lu}"“]/u.test(l)) return true;
    // A full line ending a sentence before an opening the text gives its paragraphs (see openings),
    // at two of them at least: one (the body's first line) is no habit.
    const opening = openings.get(sentenceOpener(l) ?? '');
    if (opening && opening.paragraphs >= 2 && opening.paragraphs > opening.inside && lineEndsSentence(prevLine, l)) return true;
    // A short line without a full stop before a capitalised one is a heading of its own ("Economic
    // Security"), unless the line before visibly runs into it.
    const after = lines[li + 1];
    if (!blankLines && !reading.page && after !== undefined && columns(l) < width * 0.6 && !endsSentence(l) && /^\p{Lu}/u.test(after)
      && /^\p{Lu}/u.test(l) && !runsOn(prevLine, l, width) && li !== title.end) return true;
    // The text's first line, a title ("Joint Press Statement on the …", "…공동보도문"), runs on into
    // nothing: it ends without a full stop, and is in title case or well short of the wrap.
    if (title.end >= 0 && l === lines[title.end + 1]) return true;
    // A capitalised line under a list's opening is an item of its own, unless the line before stops mid-phrase.
    return list && /^[A-Z]/.test(l) && !/(?:[,\-–]|\b(?:and|or|of|the|a|an|in|on|at|to|for|with|by|from|as|its|their))$/i.test(prevLine);
  }

  /**
   * Whether line li goes on with the list item `para` (its marked line indented `itemIndent`, or null
   * when no marked line opened the paragraph) where it would open a paragraph of its own.
   */
  function itemGoesOn(para: string, itemIndent: number | null, li: number): boolean {
    const l = lines[li]!, prevLine = lines[li - 1]!;
    // In wrapped text, a dash the wrap carried over from "A - B" is the line going on, not a sub-item (carriesDash).
    if (opensItem(l)) return wrapped && carriesDash(prevLine, l, rawWidth, indents[li - 1]);
    if (opensItem(para) && para.length >= 25 && !endsSentence(prevLine)) {
      // Anywhere, a bullet item cut mid-phrase goes on in the unmarked line after it: the item's line
      // ends in a Korean particle or connective ("ㅇ … 차관보가" / "공동 주관하였다."), or the next line
      // opens in lower case. A Korean item ending in a noun ("…등 논의") is complete, and what follows
      // it (a heading such as "향후 계획") stands on its own.
      if (CONTINUES_KO.test(prevLine) || /^[a-z]/.test(l)) return true;
      // So does an item whose line fills the wrap (the next line's first word did not fit) and stops on a
      // Korean word no item ends on ("…실행력을 높이기" / "위한 방안을 협의"), wrapped text or not: a text of
      // items, each opening with a marker, shows too few other lines to be recognised as wrapped.
      if (/[\uac00-\ud7a3]$/u.test(prevLine) && !KO_ITEM_END.test(prevLine) && !fitsAfter(prevLine, l, width)) return true;
    }
    // And an unmarked line indented deeper than the item's marked line goes on with it after a line
    // near the wrap width: a plain-text export hangs an item's wrapped lines under its text ("ㅇ 양측은
    // …" / "   결과를 …"). (A short heading, "□ 주요 논의 내용", may have an indented paragraph under it.)
    return itemIndent !== null && indents[li]! > itemIndent && rawColumns(li - 1) >= rawWidth * 0.6;
  }
}
