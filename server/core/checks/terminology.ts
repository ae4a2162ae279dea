// Terminology check: a glossary term on one side should come with one of its listed translations.
import { findGlossaryTerms, type Glossary } from '../glossary.ts';
import { HANGUL_RE, langName } from './side.ts';
import type { RawFinding, Severity, Unit } from './types.ts';

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

type Index = Map<string, Map<string, number[]>>;
const indexes = new WeakMap<Glossary, Index>();

/** Entries by normalised surface form, per language, built once per glossary. */
function indexOf(g: Glossary, lang: string): Map<string, number[]> {
  let per = indexes.get(g);
  if (!per) indexes.set(g, (per = new Map()));
  let m = per.get(lang);
  if (!m) {
    m = new Map();
    g.terms.forEach((t, i) => {
      for (const a of t.terms[lang] ?? []) {
        const k = norm(a);
        m!.set(k, [...(m!.get(k) ?? []), i]);
      }
    });
    per.set(lang, m);
  }
  return m;
}

/** Every translation the glossary lists for a surface form, over all entries that list that form. */
export function translationsOf(g: Glossary, surface: string, from: string, to: string): { alts: string[]; entries: number[] } {
  const idx = indexOf(g, from);
  const s = norm(surface);
  let entries = idx.get(s);
  if (!entries) {
    for (const suf of ['ing', 'ed', 'es', 'd', 's']) {
      if (s.endsWith(suf) && (entries = idx.get(s.slice(0, -suf.length)))) break;
    }
  }
  const list = entries ?? [];
  const alts = new Set<string>();
  for (const i of list) for (const a of g.terms[i]!.terms[to] ?? []) alts.add(a);
  return { alts: [...alts], entries: list };
}

const wordRes = new Map<string, RegExp>();

/** Found in a text: Hangul and other unspaced scripts by substring, Latin terms as words. */
export function contains(text: string, term: string): boolean {
  if (HANGUL_RE.test(term) && term.length === 1) {
    // "미" (U.S.) or "한" (ROK) only count as words of their own ("미 국방부"), not inside "미사일".
    // Compounds of such abbreviations ("한미", "한미일") count too.
    // Punctuation ends it too ("북한의 핵, 탄도 미사일").
    return new RegExp(`(?<![가-힣])[한미일중러북]*${term}[한미일중러북]*(?=[\\s·∙\\-,.;:)\\]」』”’]|$|[은는이가을를의와과도에](?![가-힣]))`, 'u').test(text);
  }
  if (HANGUL_RE.test(term) || !/[A-Za-z]/.test(term)) return text.replace(/\s+/g, '').includes(term.replace(/\s+/g, ''));
  let re = wordRes.get(term);
  if (!re) {
    // An apostrophe is either kind ("People’s" in a text typeset with curly quotes).
    const e = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
    re = new RegExp(`(?<![\\p{L}\\d])${e}(?:s|es|d|ed|ing)?(?![\\p{L}\\d])`, 'iu');
    wordRes.set(term, re);
  }
  return re.test(text);
}

/**
 * Korean names the parties of a relation with one compound of one-syllable country abbreviations
 * ("한미", "한미일 정상회의", "한·일", "북미"), or of one such abbreviation and a country written out
 * ("한-호주"): only there does the syllable stand for the country.
 */
const ABBREVIATION: Record<string, string> = {
  대한민국: '한', 한국: '한', 미국: '미', 일본: '일', 중국: '중', 러시아: '러', 북한: '북',
  // Japanese writes its compounds of parties with one kanji a country: 日米韓, 日韓, 米韓, 日中韓.
  日本: '日', 米国: '米', アメリカ: '米', 韓国: '韓', 大韓民国: '韓', 中国: '中', 豪州: '豪', オーストラリア: '豪', インド: '印',
};
const COMPOUND = /(?<![가-힣])[한미일중러북](?:[·∙ㆍ・-]?[한미일중러북])+|[日米韓中豪印](?:・?[日米韓中豪印])+/gu;
/** One of them joined to a country written out ("한-호주", "한·아세안", "한-베트남"). */
const LEADING = /(?<![가-힣])([한미일중러북])[·∙ㆍ・-](?=[가-힣]{2})/gu;

/**
 * Whether a Korean (or Japanese) text names the country of one of `alts` inside such a compound. A compound that
 * opens a longer term of the glossary (`terms`: "한미동맹", "한미연합사령부") is that term's, and
 * does not count: it renders "U.S.-ROK Alliance", not the country the source names besides.
 */
export function inPartyCompound(text: string, alts: string[], terms: { start: number; end: number }[]): boolean {
  const wanted = new Set(alts.map((a) => ABBREVIATION[a]).filter((x) => x !== undefined));
  if (!wanted.size) return false;
  for (const m of text.matchAll(COMPOUND)) {
    const letters = m[0].replace(/[·∙ㆍ・-]/g, '');
    // 북한 is North Korea's own name, not "North Korea and Korea".
    if (letters.startsWith('북한')) continue;
    const start = m.index, end = start + m[0].length;
    if (terms.some((t) => t.start <= start && t.end >= end && t.end - t.start > end - start)) continue;
    for (const c of letters) if (wanted.has(c)) return true;
  }
  for (const m of text.matchAll(LEADING)) {
    const start = m.index, end = start + m[0].length;
    if (terms.some((t) => t.start <= start && t.end >= end && t.end - t.start > end - start)) continue;
    if (wanted.has(m[1]!)) return true;
  }
  return false;
}

/** An acronym used on its own ("NCG는"), not as the gloss of a native name ("핵협의그룹(NCG)"), stands for the term. */
function bareAcronym(text: string, acr: string): number {
  const e = acr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let n = 0;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${e}(?![\\p{L}])`, 'gu'))) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (!/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\s?[(（]$/u.test(before)) n++;
  }
  return n;
}

function countWord(text: string, w: string): number {
  const e = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}])${e}(?![\\p{L}])`, 'gu'))].length;
}

/**
 * A Korean term that is a word of its own, bare or with a particle: inside a longer compound
 * ("중국외교부장" holds 외교부) it names something else.
 */
function standsAlone(text: string, h: { start: number; end: number }): boolean {
  if (/[가-힣]/u.test(text[h.start - 1] ?? '')) return false;
  return /^(?:[은는이가을를의와과도에로만]|에서|으로|에게|와의|과의|에는|과는|와는|에도)?(?![가-힣])/u.test(text.slice(h.end));
}

/**
 * Whether most content words of a multi-word rendering occur in a text: "the foreign ministry"
 * stands for "Ministry of Foreign Affairs" although the listed form never appears.
 */
function mostWordsIn(text: string, term: string): boolean {
  const ws = term.split(/[\s-]+/).filter((w) => w.length >= 4 && /^[A-Za-z]+$/.test(w));
  if (ws.length < 2) return false;
  return ws.filter((w) => contains(text, w)).length * 2 >= ws.length;
}

/** Names of institutions, titles and programmes must be rendered as listed; common words vary with style. */
export function isProperTerm(surface: string): boolean {
  return /\p{Lu}/u.test(surface) || /[\s-]/.test(surface.trim());
}

export const isAcronym = (s: string) => /^[\p{Lu}\d.&/-]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

// Month and season names are the dates check's business.
// Dates are the dates check's business, in Korean and in Japanese.
const DATE_WORD = /^(?:\d{1,2}월|봄|여름|가을|겨울|상반기|하반기|연내|연말|내년|지난달|오늘|내일|\d{1,2}月|春|夏|秋|冬|上半期|下半期|年内|年末|来年|先月|本日|今日|明日)$/u;

// ---------------------------------------------------------------- words that are another word

/**
 * Korean makes adjectives (-적), -isms (-주의), verbs (-하다, -되다, -시키다) and portions (-분) of common
 * nouns, never of a country's or a city's name: a name followed by one of them is a homograph that opens
 * another word (인도 "India" in 인도적 "humanitarian", 인도주의 "humanitarianism", 인도하기로 "to hand
 * over", 9월 인도분 "September delivery").
 */
const KO_DERIVED = /^(?:적(?:인|으로|이다|이고|임)?(?![가-힣])|분(?:[은는이가을를의도]|으로)?(?![가-힣])|주의|하(?:다|여|고|는|기|며|면|지|자|였|게)|한(?![가-힣])|할(?![가-힣])|해(?:야|서|온|왔)|했|되|된(?![가-힣])|될(?![가-힣])|돼|됐|시키|시킨)/u;
/**
 * A counter after a number ("세 명의", "12명의", "수백 명의", "90여 명의": of so many people) is not a term
 * that begins with that syllable (명의 "in the name of").
 */
const KO_COUNTED = /(?:[\d십백천만억]|\d여|(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|몇|수|여러))\s?$/u;
const KO_COUNTER = /^[명개번건곳]/u;

/**
 * Whether a Korean glossary hit is part of a longer word that means something else: a short term after
 * another syllable (축하 "congratulate" in 감축하기로 "to reduce"), a counter after a number, or a name
 * (`names`: its renderings are capitalised names) before a suffix no name takes.
 */
function koreanOtherWord(text: string, h: { start: number; end: number }, names: boolean): boolean {
  const surface = text.slice(h.start, h.end);
  // A Korean word of one or two syllables right after another syllable is part of a longer word.
  if (/^[가-힣]{1,2}$/u.test(surface) && /[가-힣]/u.test(text[h.start - 1] ?? '')) return true;
  if (KO_COUNTER.test(surface) && KO_COUNTED.test(text.slice(Math.max(0, h.start - 5), h.start))) return true;
  return names && KO_DERIVED.test(text.slice(h.end));
}

/** Renderings that are all capitalised, one of them a word (India; United States, U.S.): the term is a name. */
const allNames = (alts: string[]) => alts.some((a) => /^\p{Lu}\p{Ll}/u.test(a)) && alts.every((a) => /^\p{Lu}/u.test(a));

const PROJECTILE = /\b(?:missiles?|rockets?|satellites?|projectiles?|ballistic|warheads?|ICBMs?|IRBMs?|MRBMs?|SRBMs?|SLBMs?|SLVs?|cruise|hypersonic|spacecraft|space|launchers?|torpedo(?:e?s)?|artillery|shells?|drones?|UAVs?|test|tests|[A-Z][\p{L}]*-\d+)\b/u;
const BARE_AFTER = /^\s*(?:$|[.,;:!?)]|(?:by|from|in|into|on|at|over|toward|towards|near|off|during|since|after|before|as|and|or|but|that|which|who|this|last|early|late|earlier|today|yesterday|tonight|was|were|is|are|has|have|had|will|would|could|should|may|might|can|to|with|without|amid|despite|under|against|site|sites|pad|pads|area|areas|window|activities|activity|attempt|attempts|event|events|facility|facilities|preparations?)\b)/iu;
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|their|his|her|its|our|my|your|today['’]s|yesterday['’]s|phone|telephone|video|conference|virtual|first|second|last|brief|recent|introductory|congratulatory|separate|follow-up|\d+(?:st|nd|rd|th)?|two|three)\s+$|['’]s?\s+$/iu;
/** Before a participle that names ("is called", "it's called", "a group called", "the residence, called", "Called X, the …"). */
const NAMING_BEFORE = /\b(?:is|are|was|were|be|been|being|also|now|often|commonly|officially|formally|an?\s+(?:(?!(?:and|or|but|then|who|which|that)\b)[^\s.,;:!?]+\s+){0,3})\s*$|['’]s\s*$|\b(?:the|a|an|this|its|their)\s+[\p{Ll}\s-]+,\s*$|(?:^|[.!?]\s*)$/iu;
/** What is launched when it is no missile: an undertaking ("An investigation has been launched", "a campaign launched by"). */
const UNDERTAKING = /\b(?:initiatives?|dialogues?|campaigns?|investigations?|inquiry|inquiries|probes?|programs?|programmes?|projects?|partnerships?|frameworks?|platforms?|funds?|strateg(?:y|ies)|mechanisms?|consultations?|talks|negotiations?|forums?|networks?|websites?|services?|products?|process|study|studies|reviews?|operations?|offensives?|attacks?|assaults?|plans?|polic(?:y|ies)|efforts?|drives?|centers?|centres?|offices?|groups?|councils?|coalitions?|series|exercises?)\s+(?:(?:has|have|had|was|were|is|are|will|would|which|that|been|be|being|to|newly|recently|officially|formally|jointly|successfully|also|just|first)\s+)*$/iu;
const NOT_PHONE_NOUN = /\b(?:courtesy|judgment|judgement|distress|wake-up|roll|close|port|curtain|casting|rallying|clarion)\s+$/iu;
const WEEKDAY_OR_DATE = /^\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|the\s+\d|\d)/u;

/**
 * English words with several senses, of which the glossary renders one: "American" is the United States'
 * but not in "Latin American" or "the Americas"; "call" is 통화 (電話会談) only
 * as a call on the phone, not "called on … to" (urged), "called for", "called it …" (named), "called
 * a meeting" (convened) or a call on someone (a visit); "launch" is 발사 (発射) only for a missile, a
 * rocket or a satellite, not the launch of a dialogue, an initiative or an investigation (출범, 개시,
 * 착수); "fired" is 발사 only for a missile or a rocket, not a minister fired (경질) or shots fired on a
 * crowd (발포). The sense is told by the words around, as English tells it.
 */
function otherSense(text: string, h: { start: number; end: number }): boolean {
  const w = text.slice(h.start, h.end).toLowerCase();
  const before = text.slice(Math.max(0, h.start - 60), h.start), after = text.slice(h.end, h.end + 120);
  // America in the name of a continent or region ("Latin American", "North America", "the Americas") is
  // not the United States.
  if (/^americ(?:a|an|ans|as)$/.test(w)) return w === 'americas' || /\b(?:Latin|South|Central|North|Pan|Anglo|Meso|Ibero)[\s-]+$/u.test(before);
  if (/^call(?:s|ed|ing)?$/.test(w)) {
    if (/\bso[-\s]$/iu.test(before)) return true;
    const noun = DETERMINER_BEFORE.test(before) && !/^call(?:ed|ing)$/.test(w);
    // Calls by someone for something are appeals ("repeated calls by the South for the North to return").
    if (/^\s+(?:by|from)\s+[^.,;]{0,40}?\sfor\b/u.test(after)) return true;
    // A noun: a call on the phone, unless a courtesy call (a visit), a judgment call, or a call for
    // something or to do something (an appeal: "a call for restraint", "a call to freeze").
    if (noun) return NOT_PHONE_NOUN.test(before) || /^\s+(?:for\b|to\s+(?!(?:the|a|an|his|her|their|its|our)\b)\p{Ll})/u.test(after);
    if (WEEKDAY_OR_DATE.test(after)) return false;
    // A verb: urged ("called on X to", "calls for"), named ("called it", "called the launch a threat",
    // "what officials called", "is called"), convened ("called a meeting"); "called on" a person is a visit.
    if (/^\s+(?:on|upon|for|off|out|up|in|into|attention|together|it|itself)\b/iu.test(after)) return true;
    if (/^\s+["“‘']/u.test(after)) return true;
    if (/^\s+(?:(?:the|this|that|these|those|its|their|his|her)\s+)?(?:[\p{L}’'-]+\s+){0,6}?(?:an?\s|["“])/u.test(after)) return true;
    // A participle naming something: "is called", "it's called", "a group called", ", called", "Called X, the …".
    if (NAMING_BEFORE.test(before)) return true;
    if (/\bwhat\s+(?:[\p{L}’'.-]+\s+){0,4}$/iu.test(before)) return true;
    return false;
  }
  if (/^launch(?:es|ed|ing)?$/.test(w)) {
    const what = projectile(before, after);
    // Nothing launched after it: what was launched may stand before ("an investigation has been launched").
    return what === 'bare' ? UNDERTAKING.test(before) : what === 'other';
  }
  // "fired" is 발사 only when what is fired is a missile or a rocket: fired alone, fired on a crowd or at
  // a patrol (shots: 발포, 사격) or fired a minister (dismissed: 경질, 해임) is not.
  if (/^fir(?:ed|ing)$/.test(w)) return projectile(before, after) !== 'projectile';
  return false;
}

/**
 * What a launch or a firing is of, by the words around: a missile, rocket or satellite named just before
 * ("missile launches", "the missiles were fired") or as its object ("launched two ballistic missiles",
 * "the launch of a satellite"); nothing after it ('bare': "condemned the launch.", "fired on the crowd");
 * or something else ("launched a dialogue", "fired the minister").
 */
function projectile(before: string, after: string): 'projectile' | 'bare' | 'other' {
  if (PROJECTILE.test(before.split(/[.,;:!?]/u).pop()!.split(/\s+/).slice(-3).join(' '))) return 'projectile';
  const obj = after.replace(/^\s+of\b/iu, '');
  if (BARE_AFTER.test(obj)) return 'bare';
  // Its object, up to a preposition that opens what it is about ("a new dialogue on missile defense").
  const words = obj.split(/[.,;:!?()]|\s(?:on|about|for|with|against|in|at|into|toward|towards|over|under|between|among)\s/u)[0]!.trim().split(/\s+/).slice(0, 8).join(' ');
  return PROJECTILE.test(words) ? 'projectile' : 'other';
}

/**
 * Whether a glossary hit is another word: a Korean term inside a longer word that means something else
 * (축하 "congratulate" in 감축하기로 "to reduce", 인도 "India" in 인도적 "humanitarian"), or an English word
 * in a sense the glossary does not render ("called on … to", the launch of a dialogue). `alts` are the
 * term's renderings in the other language.
 */
export function readsOtherwise(text: string, h: { start: number; end: number }, alts: string[]): boolean {
  return HANGUL_RE.test(text.slice(h.start, h.end)) ? koreanOtherWord(text, h, allNames(alts)) : otherSense(text, h);
}

/**
 * English for a Korean 통화 other than "call": "spoke with" someone, with anything up to 60 characters
 * between ("spoke on November 1 with"), or "by phone", "over the telephone". This stays in code because
 * the glossary format cannot say it: an alternative there is a literal form (words in a row, the last one
 * inflected), so no gap between "spoke" and "with"; and every English alternative is also a term found in
 * English that then expects 통화, while "spoke with" is as often a meeting (회담, 대화). Moving it to data
 * would take a new kind of alternative, one that renders a term without being one, with gaps.
 */
const SPOKE_WITH = /\b(?:spoke|speak|speaks|spoken|speaking)\b[^.;]{0,60}\bwith\b|\b(?:by|over\s+the)\s+(?:tele)?phone\b/iu;
const OUR_KOREA = /우리\s?(?:나라|정부|측|기업|국민|군|경제|국가|국방부|외교부|대표단|대통령|장관|선박|해군|공군|육군)/u;
const OUR_JAPAN = /我が国|わが国|我が方/u;

export function checkTerminology(u: Unit): RawFinding[] {
  const g = u.opts.glossary;
  if (!g) return [];
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const [from, to, side] of [[u.src, u.tgt, 'src'], [u.tgt, u.src, 'tgt']] as const) {
    let toTerms: { start: number; end: number }[] | undefined;
    // Curly apostrophes are straightened (same length, so offsets hold) to meet the glossary's spelling.
    const hits = findGlossaryTerms(from.text.replace(/’/g, "'"), from.lang, g);
    // A country named beside another ("the Republic of Korea and the United States", "U.S.-ROK")
    // may be rendered by a compound of both ("한미"); named alone, it needs its own name.
    // By the term the hit found, not by its surface: "U.S." before a hyphen or a space is found as "U.S".
    const isCountry = (k: number) => {
      const x = hits[k];
      return !!x && (g.terms[x.termIndex]?.terms[to.lang] ?? []).some((a) => a in ABBREVIATION);
    };
    const joined = (a: number, b: number) => {
      let gap = from.text.slice(hits[a]!.end, hits[b]!.start);
      // A dotted abbreviation is found without its final dot ("U.S" of "U.S. and"): that dot is the
      // term's own, not the end of a sentence ("Korea. The United States" names them apart).
      if (gap.startsWith('.') && from.text.slice(hits[a]!.start, hits[a]!.end).includes('.')) gap = gap.slice(1);
      return /^\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?$|^\s*[-–/·]\s*$/i.test(gap);
    };
    for (const [k, h] of hits.entries()) {
      const surface = from.text.slice(h.start, h.end);
      const { alts, entries } = translationsOf(g, surface, from.lang, to.lang);
      if (!alts.length || DATE_WORD.test(surface) || alts.some((a) => DATE_WORD.test(a))) continue;
      // Acronyms are the acronym check's business (it knows which renderings stand for them).
      if (isAcronym(surface)) continue;
      // A Korean term inside a longer word that means something else (축하 "congratulate" in 감축하기로
      // "to reduce", 인도 "India" in 인도적 "humanitarian"), or an English word in another sense ("called
      // on … to", the launch of a dialogue), is not the term.
      if (readsOtherwise(from.text, h, alts)) continue;
      if (alts.some((a) => contains(to.text, a))) continue;
      // English writes a call as speaking with someone or by phone ("spoke on November 1 with", 통화했다).
      if (alts.includes('call') && SPOKE_WITH.test(to.text)) continue;
      // A government writes its own country as "we": 우리 정부, 우리 기업 for the Republic of Korea in a
      // Korean release, 我が国 for Japan in a Japanese one ("Korean firms" ↔ "우리 기업들").
      if (to.lang === 'ko' && alts.includes('대한민국') && OUR_KOREA.test(to.text)) continue;
      if (to.lang === 'ja' && alts.includes('日本') && OUR_JAPAN.test(to.text)) continue;
      // "Korea–Australia", "Australia-Korea": a hyphenated relation, whatever the other country.
      const hyphenated = /^[-–]\s?\p{Lu}/u.test(from.text.slice(h.end)) || /\p{Lu}[\p{L}.]*\s?[-–]$/u.test(from.text.slice(0, h.start));
      const paired = (isCountry(k - 1) && joined(k - 1, k)) || (isCountry(k + 1) && joined(k, k + 1)) || hyphenated;
      if (paired && (to.lang === 'ko' || to.lang === 'ja') && inPartyCompound(to.text, alts, (toTerms ??= findGlossaryTerms(to.text, to.lang, g)))) continue;
      const own = entries.flatMap((i) => g.terms[i]!.terms[from.lang] ?? []);
      // The target may write the acronym alone for the full name, but not when the source's own
      // acronym already accounts for every bare use ("Nuclear Consultative Group (NCG)" … "NCG").
      if (!isAcronym(surface) && own.some((a) => isAcronym(a) && bareAcronym(to.text, a) > countWord(from.text, a))) continue;
      // One-syllable Korean forms ("미", "한") match inside unrelated words, so they cannot anchor a finding.
      if (side === 'tgt' && surface.replace(/\s/g, '').length < 2) continue;
      const key = `terminology:${side}:${norm(surface)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Named bodies and programmes (entries with an acronym) must be rendered as listed; other terms,
      // titles included, are routinely shortened or paraphrased, and the reverse lookup is looser still.
      const named = own.some(isAcronym) || alts.some(isAcronym);
      // The reverse lookup is trusted only for a named body (several syllables, so not a stray
      // substring) that the other language's whole document never mentions: nothing there can
      // stand for it, so the target names a body the source does not.
      const absentFromDoc = side === 'tgt' && named && surface.replace(/\s/g, '').length >= 3 && standsAlone(from.text, h)
        && !!u.doc && !alts.some((a) => contains(u.doc!.src, a) || mostWordsIn(u.doc!.src, a))
        && !own.some((a) => isAcronym(a) && contains(u.doc!.src, a));
      const severity: Severity = (side === 'src' && named && isProperTerm(surface)) || absentFromDoc ? 'warning' : 'info';
      const [F, Tn] = side === 'src' ? [langName(u.src.lang), langName(u.tgt.lang)] : [langName(u.tgt.lang), langName(u.src.lang)];
      out.push({
        check: 'terminology', severity,
        message: `${F} "${surface}" should be rendered as ${alts.slice(0, 4).map((a) => `"${a}"`).join(' or ')} in ${Tn}, which is missing`,
        key, srcHits: side === 'src' ? [h] : [], tgtHits: side === 'tgt' ? [h] : [],
      });
    }
  }
  return out;
}
